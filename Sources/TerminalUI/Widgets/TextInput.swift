/// A single-line text field: insert/overwrite, Emacs keys, horizontal scrolling by display width,
/// masked mode for secrets, undo/redo. A pasted block with newlines is inserted once, on one line.
public struct TextInput: Widget, Sendable {
    struct Snapshot: Equatable, Sendable { var chars: [Character]; var cursor: Int }

    private var chars: [Character] { didSet { text = String(chars); columnEach = text.isPrintableASCII } }
    /// The same as one String, made once per change (it is drawn on every frame and read as the
    /// field's value on every key).
    private var text: String
    /// Every Character is one printable ASCII byte, one column: scrolling and the cursor's column
    /// are counts, not a width per Character (for each field on screen, every frame).
    private var columnEach: Bool
    /// Cursor position in Characters (0...count).
    public private(set) var cursor: Int
    public var placeholder: String
    /// Shows every character as "•" (the value is never drawn).
    public var masked: Bool
    public var overwrite = false
    public var maxLength: Int?
    /// True once edited since the parent last called `didBlur()`.
    public private(set) var editedSinceBlur = false
    private var history = UndoHistory<Snapshot>()
    private var lastEditWasTyping = false
    private var killBuffer = ""

    public init(_ value: String = "", placeholder: String = "", masked: Bool = false, maxLength: Int? = nil) {
        chars = Array(singleLine(value))
        text = String(chars)
        columnEach = text.isPrintableASCII
        cursor = chars.count
        self.placeholder = placeholder
        self.masked = masked
        self.maxLength = maxLength
    }

    public var value: String {
        get { text }
        set { chars = Array(singleLine(newValue)); cursor = chars.count; history = UndoHistory(); lastEditWasTyping = false }
    }

    /// Tells the widget focus left it; returns whether it was edited since the last blur, so the
    /// parent knows to validate.
    public mutating func didBlur() -> Bool {
        defer { editedSinceBlur = false; lastEditWasTyping = false }
        return editedSinceBlur
    }

    public static let keyBindings: [KeyBinding] = [
        KeyBinding([.ctrl("a"), .home], "start"), KeyBinding([.ctrl("e"), .end], "end"),
        KeyBinding([.alt("b"), .alt("f")], "word ←/→"), KeyBinding(.ctrl("k"), "kill to end"),
        KeyBinding(.ctrl("u"), "kill to start"), KeyBinding([.ctrl("w"), .alt("d")], "delete word"),
        KeyBinding(.ctrl("y"), "yank"), KeyBinding([.ctrl("_"), .alt("z")], "undo"), KeyBinding(.alt("Z"), "redo"),
        KeyBinding(KeyPress(.insert), "overwrite"),
    ]
    public var bindings: [KeyBinding] { Self.keyBindings }

    private var snapshot: Snapshot { Snapshot(chars: chars, cursor: cursor) }

    /// Applies a change. Consecutive typing is one undo step; a space typed after a word starts
    /// the next step.
    private mutating func edit(typing: Bool = false, newGroup: Bool = false, _ body: (inout [Character], inout Int) -> Void) -> WidgetResult {
        let before = snapshot
        var c = chars, cur = cursor
        body(&c, &cur)
        if let maxLength, c.count > maxLength, c.count > chars.count { return .handled }
        guard c != chars else { cursor = cur; return .handled }
        if !(typing && lastEditWasTyping) || newGroup { history.record(before) }
        lastEditWasTyping = typing
        chars = c; cursor = min(max(0, cur), c.count)
        editedSinceBlur = true
        return .changed
    }

    private mutating func move(_ to: Int) -> WidgetResult {
        lastEditWasTyping = false
        cursor = min(max(0, to), chars.count)
        return .handled
    }

    private mutating func insert(_ s: String, typing: Bool) -> WidgetResult {
        let new = Array(singleLine(s))
        guard !new.isEmpty else { return .handled }
        let ow = overwrite
        let startsWord = new.count == 1 && new[0] == " " && cursor > 0 && chars[cursor - 1] != " "
        return edit(typing: typing && new.count == 1, newGroup: startsWord) { c, cur in
            if ow {
                let end = min(c.count, cur + new.count)
                c.replaceSubrange(cur..<end, with: new)
            } else {
                c.insert(contentsOf: new, at: cur)
            }
            cur += new.count
        }
    }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        switch event {
        case .paste(let s): return insert(s, typing: false)
        case .key(let k): return handle(key: k)
        case .mouse, .resize: return .unhandled
        }
    }

    private mutating func handle(key k: KeyPress) -> WidgetResult {
        if let ch = k.text { return insert(String(ch), typing: true) }
        switch (k.key, k.modifiers) {
        case (.enter, []): return .submit
        case (.tab, []): return .focusNext
        case (.tab, .shift): return .focusPrevious
        case (.left, []), (.char("b"), .ctrl): return move(cursor - 1)
        case (.right, []), (.char("f"), .ctrl): return move(cursor + 1)
        case (.home, _), (.char("a"), .ctrl): return move(0)
        case (.end, _), (.char("e"), .ctrl): return move(chars.count)
        case (.left, .ctrl), (.char("b"), .alt): return move(WordMotion.previousStart(chars, from: cursor))
        case (.right, .ctrl), (.char("f"), .alt): return move(WordMotion.nextEnd(chars, from: cursor))
        case (.backspace, []), (.char("h"), .ctrl):
            guard cursor > 0 else { return .handled }
            return edit { c, cur in c.remove(at: cur - 1); cur -= 1 }
        case (.delete, []), (.char("d"), .ctrl):
            guard cursor < chars.count else { return .handled }
            return edit { c, cur in c.remove(at: cur) }
        case (.char("k"), .ctrl):
            killBuffer = String(chars[cursor...])
            return edit { c, cur in c.removeSubrange(cur...) }
        case (.char("u"), .ctrl):
            killBuffer = String(chars[..<cursor])
            return edit { c, cur in c.removeSubrange(..<cur); cur = 0 }
        case (.char("w"), .ctrl), (.backspace, .alt):
            let start = WordMotion.previousStart(chars, from: cursor)
            killBuffer = String(chars[start..<cursor])
            return edit { c, cur in c.removeSubrange(start..<cur); cur = start }
        case (.char("d"), .alt), (.delete, .ctrl):
            let end = WordMotion.nextEnd(chars, from: cursor)
            killBuffer = String(chars[cursor..<end])
            return edit { c, cur in c.removeSubrange(cur..<end) }
        case (.char("y"), .ctrl): return insert(killBuffer, typing: false)
        case (.insert, []): overwrite.toggle(); return .handled
        case (.char("_"), .ctrl), (.char("z"), .alt):
            lastEditWasTyping = false
            guard let s = history.undo(current: snapshot) else { return .handled }
            chars = s.chars; cursor = s.cursor; editedSinceBlur = true
            return .changed
        case (.char("Z"), .alt), (.char("z"), [.alt, .shift]):
            lastEditWasTyping = false
            guard let s = history.redo(current: snapshot) else { return .handled }
            chars = s.chars; cursor = s.cursor; editedSinceBlur = true
            return .changed
        default: return .unhandled
        }
    }

    /// The first Character shown when the field is `width` columns wide, keeping the cursor in view.
    func scrollStart(width: Int) -> Int {
        guard width > 1 else { return cursor }
        if masked || columnEach { return max(0, cursor - (width - 1)) }
        var w = 0, start = cursor
        // Walk back from the cursor until the field (minus the cursor's own column) is full.
        while start > 0 {
            let cw = masked ? 1 : displayWidth(chars[start - 1])
            if w + cw > width - 1 { break }
            w += cw; start -= 1
        }
        return start
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let style = focused ? Style.text.with(.underline) : Style.text
        // Only the text is underlined: a row that ends in plain blanks lets the terminal clear it
        // with one erase-to-end-of-line, and typing at the end rewrites one cell, not the field.
        canvas.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: .text)
        if chars.isEmpty, !placeholder.isEmpty {
            canvas.put(placeholder, row: rect.row, col: rect.col, maxWidth: rect.width, style: Style.muted.with(focused ? .underline : []))
        }
        let start = scrollStart(width: rect.width)
        if masked {
            canvas.put(String(repeating: "•", count: chars.count - start), row: rect.row, col: rect.col, maxWidth: rect.width, style: style)
        } else {
            canvas.put(start == 0 ? text : String(chars[start...]), row: rect.row, col: rect.col, maxWidth: rect.width, style: style)
        }
        if start > 0 { canvas.put("…", row: rect.row, col: rect.col, style: Style.muted.with(focused ? .underline : [])) }
        if focused {
            let before = masked || columnEach ? cursor - start : chars[start..<cursor].reduce(0) { $0 + displayWidth($1) }
            canvas.cursor = (rect.row, rect.col + min(before, rect.width - 1))
        }
    }
}
