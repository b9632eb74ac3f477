/// What a widget tells its parent after handling an event. The parent owns focus: widgets never
/// move it themselves, they ask (`focusNext`), and a focus move is the parent's cue to validate.
public enum WidgetResult: Equatable, Sendable {
    /// Not for this widget: the parent may use the key (global shortcuts, navigation).
    case unhandled
    /// Consumed; the value did not change (cursor moved, scrolled).
    case handled
    /// Consumed and the value changed.
    case changed
    /// Enter on a single-line field, a choice confirmed, a dialog's button pressed.
    case submit
    /// Escape in a dialog or sub-mode.
    case cancel
    case focusNext, focusPrevious
    /// A list editor asks the parent to open its sub-form: for the row at `index`, or for a new
    /// row when nil.
    case edit(index: Int?)
}

/// A key binding as shown in the help line: keys plus what they do.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [KeyPress] { didSet { label = Self.label(keys) } }
    public var help: String
    /// "ctrl+a/home": made once (the help line draws every binding on every frame).
    public private(set) var label: String
    public init(_ keys: [KeyPress], _ help: String) { self.keys = keys; self.help = help; label = Self.label(keys) }
    public init(_ key: KeyPress, _ help: String) { self.init([key], help) }
    private static func label(_ keys: [KeyPress]) -> String { keys.map(\.description).joined(separator: "/") }
    public func matches(_ k: KeyPress) -> Bool { keys.contains(k) }
}

/// The shape every widget has: a value type that handles events, draws itself into a rect of a
/// canvas, and lists its bindings for the help line.
public protocol Widget {
    mutating func handle(_ event: InputEvent) -> WidgetResult
    func render(into canvas: inout Canvas, in rect: Rect, focused: Bool)
    var bindings: [KeyBinding] { get }
}

/// A message shown under a field (validation lives in the model; widgets only show it).
public struct FieldMessage: Equatable, Sendable {
    public enum Severity: Sendable { case error, warning, info }
    public var text: String
    public var severity: Severity
    public init(_ text: String, severity: Severity = .error) { self.text = text; self.severity = severity }
    public var style: Style {
        switch severity { case .error: return .error; case .warning: return .warning; case .info: return .muted }
    }
    public var prefix: String {
        switch severity { case .error: return "✗ "; case .warning: return "! "; case .info: return "" }
    }
    /// The message as it shows at `width` columns: word-wrapped, later rows under the text.
    public func rows(width: Int) -> [String] {
        let indent = String(repeating: " ", count: displayWidth(prefix))
        return wrapText(text, width: max(1, width - indent.count)).enumerated().map { ($0 == 0 ? prefix : indent) + $1 }
    }
}

/// Draws a field's label row, its content (drawn by `content` into the rect between) and its
/// message rows. Returns the content rect. Layout: label on the first row, the message on the last
/// `messageRows` rows when there is one, word-wrapped (see `FieldMessage.rows`), cut only when
/// the rows run out.
@discardableResult
public func drawField(into canvas: inout Canvas, in rect: Rect, label: String, focused: Bool,
                      message: FieldMessage? = nil, messageRows: Int = 1, hint: String? = nil,
                      content: (inout Canvas, Rect) -> Void) -> Rect {
    guard rect.height > 0 else { return rect }
    let marker = focused ? "› " : "  "
    let used = canvas.put(marker + label, row: rect.row, col: rect.col, maxWidth: rect.width,
                          style: focused ? Style.focus : Style.text.with(.bold))
    if let hint, used + 2 < rect.width {
        canvas.put(hint, row: rect.row, col: rect.col + used + 2, maxWidth: rect.width - used - 2, style: .muted)
    }
    var body = rect.inset(top: 1, left: 2)
    if let message, body.height > 1 {
        let n = max(1, min(messageRows, body.height - 1))
        body.height -= n
        let lines = message.rows(width: body.width)
        for (i, line) in lines.prefix(n).enumerated() {
            let cut = i == n - 1 && lines.count > n
            canvas.put(cut ? line.truncated(toWidth: max(1, body.width - 1)) + "…" : line, row: body.bottom + i, col: body.col,
                       maxWidth: body.width, style: message.style)
        }
    }
    content(&canvas, body)
    return body
}

/// Start offsets (in Characters) of the rows `chars` soft-wraps into at `width` columns: breaks
/// after a space when the next word does not fit, hard-breaks words longer than a row.
/// Always returns at least [0].
public func softWrapStarts(_ chars: some Collection<Character>, width: Int) -> [Int] {
    characterWrapStarts(chars, width: max(1, width))
}

/// The same for text, by the walk long lines are laid out with (`LineLayout.walk`), which steps
/// over printable ASCII as bytes: the text area wraps the lines it shows, and walking Characters
/// was most of a keystroke in the prompt editor. The Character walk stays as the rule's reference.
public func softWrapStarts<S: StringProtocol>(_ text: S, width: Int) -> [Int] {
    var starts = [0]
    _ = LineLayout.walk(text, width: max(1, width), from: 0, utf8: 0) { c, _ in starts.append(c); return false }
    return starts
}

private func characterWrapStarts(_ chars: some Collection<Character>, width: Int) -> [Int] {
    var starts = [0]
    var col = 0          // columns used on the current row
    var i = 0
    var lastBreak = -1   // offset just after the last space on this row
    var colAtBreak = 0
    for ch in chars {
        let w = displayWidth(ch)
        // A space may hang past the edge; anything else starts a new row.
        if col + w > width, i > starts.last!, ch != " " {
            if lastBreak > starts.last! {
                starts.append(lastBreak)
                col -= colAtBreak
            } else {
                starts.append(i)
                col = 0
            }
            lastBreak = -1
        }
        col += w
        i += 1
        if ch == " " { lastBreak = i; colAtBreak = col }
    }
    WorkCounter.wrapping?.count += i
    return starts
}

/// `text` wrapped into rows of at most `width` columns (newlines kept as row breaks).
public func wrapText(_ text: String, width: Int) -> [String] {
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let chars = Array(line)
        let starts = softWrapStarts(chars, width: width)
        for (n, s) in starts.enumerated() {
            let e = n + 1 < starts.count ? starts[n + 1] : chars.count
            var row = String(chars[s..<e])
            while row.last == " " { row.removeLast() }
            out.append(row)
        }
    }
    return out
}

/// Bounded undo/redo of value snapshots, for the small single-line widgets.
public struct UndoHistory<State: Equatable & Sendable>: Sendable {
    private var undoStack: [State] = []
    private var redoStack: [State] = []
    public var limit: Int
    public init(limit: Int = 200) { self.limit = limit }
    /// Call with the state *before* a change.
    public mutating func record(_ s: State) {
        if undoStack.last == s { return }
        undoStack.append(s)
        if undoStack.count > limit { undoStack.removeFirst() }
        redoStack.removeAll()
    }
    public mutating func undo(current: State) -> State? {
        guard let s = undoStack.popLast() else { return nil }
        redoStack.append(current)
        return s
    }
    public mutating func redo(current: State) -> State? {
        guard let s = redoStack.popLast() else { return nil }
        undoStack.append(current)
        return s
    }
    public var canUndo: Bool { !undoStack.isEmpty }
}

/// Word boundaries for Alt-B/F/D and Ctrl-W: a word is a run of letters/digits/underscore.
enum WordMotion {
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    static func previousStart(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j > 0, !isWord(chars[j - 1]) { j -= 1 }
        while j > 0, isWord(chars[j - 1]) { j -= 1 }
        return j
    }
    static func nextEnd(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j < chars.count, !isWord(chars[j]) { j += 1 }
        while j < chars.count, isWord(chars[j]) { j += 1 }
        return j
    }
}

/// Text as it may go into a single-line field: newlines and tabs become spaces, other control
/// characters are dropped.
func singleLine(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var lastWasCR = false
    for u in s.unicodeScalars {
        if u == "\n" && lastWasCR { lastWasCR = false; continue }
        lastWasCR = u == "\r"
        if u == "\n" || u == "\r" || u == "\t" { out.append(" ") } else if u.value < 0x20 || u.value == 0x7F { continue } else { out.append(u) }
    }
    return String(out)
}
