/// A position in a text area: line index and Character offset in that line.
public struct TextPosition: Comparable, Hashable, Sendable {
    public var line: Int, column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A styled stretch of one line, by Character offsets, returned by a highlighter.
public struct HighlightSpan: Equatable, Sendable {
    public var range: Range<Int>
    public var style: Style
    public init(_ range: Range<Int>, _ style: Style) { self.range = range; self.style = style }
}

/// A multi-line editor with soft wrap by display width, scrolling, a line/column indicator, paste
/// and undo/redo.
///
/// Cost per keystroke does not grow with the text: the text is kept as an array of lines, an edit
/// touches only the lines it changes, undo records the edit (not a copy of the text), and only the
/// visible lines are wrapped and measured when drawing or moving by screen rows. Nor does it grow
/// with one line: a long line keeps its row starts (`LineLayout`), which an edit updates around
/// the place it changed.
public struct TextArea: Widget, Sendable {
    struct Edit: Sendable {
        var start: TextPosition
        var removed: String
        var inserted: String
        var cursorBefore: TextPosition
        var cursorAfter: TextPosition
        var typing: Bool
    }

    /// The text of each line; a long line's is empty here, being kept in `longs`.
    private var lines: [String]
    /// For each line, its own storage and rows when it is long (`LineLayout.wanted`), else nil.
    private var longs: [LongLine?]
    public private(set) var cursor = TextPosition(line: 0, column: 0)
    /// Size of the text region (the parent sets it on layout; moving by screen rows needs it).
    public var width: Int {
        didSet { if width != oldValue { for n in longs.indices where longs[n] != nil { longs[n]!.relayout(width: wrapWidth) } } }
    }
    public var height: Int
    /// Shows "Ln 3, Col 7" on the last row.
    public var showsStatus = true
    public var placeholder: String
    /// Colours parts of a line (e.g. `{{variables}}`); called only for visible lines.
    public var highlighter: (@Sendable (String) -> [HighlightSpan])? { didSet { drawCache = LineDrawCache() } }
    private var drawCache = LineDrawCache()
    /// Some long line may have rows left to re-wrap (`LineLayout.frontiers`): set by an edit that
    /// leaves some, cleared once none is left. Most text areas never have any, and looking on
    /// every key cost them a walk over the lines on screen.
    private var mayHaveFrontiers = false
    public private(set) var editedSinceBlur = false

    /// First visible screen row: a line and which of its wrapped rows.
    private var top = (line: 0, row: 0)
    private var goalColumn: Int?
    private var undoStack: [Edit] = []
    private var redoStack: [Edit] = []
    public var undoLimit = 500

    public init(_ text: String = "", width: Int = 60, height: Int = 8, placeholder: String = "") {
        self.width = width
        (lines, longs) = Self.stored(Self.splitLines(text), width: max(1, width))
        self.height = height
        self.placeholder = placeholder
    }

    /// Lines of `text`, with CR LF and lone CR taken as line breaks. Split on the newline byte
    /// (a line feed is never part of a multi-byte sequence, and always ends a Character).
    static func splitLines(_ text: String) -> [String] {
        pieces(of: normalizingNewlines(text)).map(String.init)
    }

    /// `text` with CR LF and lone CR as "\n", byte by byte.
    static func normalizingNewlines(_ text: String) -> String {
        // Searched in the contiguous bytes: through the UTF-8 view this one check was a fifth of
        // opening a 1 MB prompt.
        var text = text
        guard text.withUTF8({ $0.contains(0x0D) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var prevCR = false
        for b in text.utf8 {
            if b == 0x0A, prevCR { prevCR = false; continue }
            prevCR = b == 0x0D
            out.append(prevCR ? 0x0A : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of `text` (split on "\n" only) as substrings. The newline bytes are found in the
    /// contiguous UTF-8 (splitting the UTF-8 view was 40% of opening a 1 MB prompt); "\n" always
    /// ends a grapheme, so each offset is a character boundary.
    static func pieces(of text: String) -> [Substring] {
        var text = text
        var ends: [Int] = []
        text.withUTF8 { bytes in
            for (i, b) in bytes.enumerated() where b == 0x0A { ends.append(i) }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = text.startIndex
        for end in ends {
            let stop = text.utf8.index(text.startIndex, offsetBy: end)
            lines.append(text[start..<stop])
            start = text.utf8.index(after: stop)
        }
        lines.append(text[start...])
        return lines
    }

    /// The whole text (joins the lines: O(size), so call it when needed, not per frame). One
    /// allocation and a copy per line: `joined` grew the text line by line, and a save of a
    /// 10,000-line prompt joined it on the typing thread (7 M instructions, a key's wait).
    public var text: String {
        // Read in place (no retain per line): a save joins every line of the prompt.
        lines.withUnsafeBufferPointer { lines in
            longs.withUnsafeBufferPointer { longs in
                var total = max(0, lines.count - 1)
                for n in lines.indices { total += longs[n] == nil ? lines[n].utf8.count : longs[n]!.utf8Count }
                return String(unsafeUninitializedCapacity: total) { buf in
                    var i = 0
                    for n in lines.indices {
                        if n > 0 { buf[i] = 0x0A; i += 1 }
                        let rest = UnsafeMutableBufferPointer(rebasing: buf[i...])
                        if longs[n] != nil { i += longs[n]!.copyUTF8(into: rest); continue }
                        i += lines[n].utf8.withContiguousStorageIfAvailable { src in
                            if !src.isEmpty { rest.baseAddress!.update(from: src.baseAddress!, count: src.count) }
                            return src.count
                        } ?? rest.initialize(from: lines[n].utf8).1
                    }
                    return i
                }
            }
        }
    }
    public var lineCount: Int { lines.count }
    /// The text of line `n` (O(line): a long line is put together).
    public func line(_ n: Int) -> String { longs[n]?.string ?? lines[n] }

    /// Replaces the whole text as one undoable edit (e.g. after an external editor).
    public mutating func setText(_ new: String) {
        let end = TextPosition(line: lines.count - 1, column: length(of: lines.count - 1))
        apply(start: TextPosition(line: 0, column: 0), end: end, insert: new, typing: false)
        top = (0, 0)
    }

    public mutating func didBlur() -> Bool {
        defer { editedSinceBlur = false }
        return editedSinceBlur
    }

    public static let keyBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .left, .right], "move"), KeyBinding([.pageUp, .pageDown], "page"),
        KeyBinding([.ctrl("a"), .ctrl("e")], "line start/end"), KeyBinding(KeyPress(.home, .ctrl), "top"),
        KeyBinding(KeyPress(.end, .ctrl), "bottom"), KeyBinding(.ctrl("k"), "kill line"),
        KeyBinding([.ctrl("_"), .alt("z")], "undo"), KeyBinding(.alt("Z"), "redo"), KeyBinding(.tab, "next field"),
    ]
    public var bindings: [KeyBinding] { Self.keyBindings }

    // MARK: editing primitive

    /// A line as kept: a long line's text moves into its own storage.
    private static func kept(_ text: String, width: Int) -> (String, LongLine?) {
        LineLayout.wanted(text) ? ("", LongLine(text, width: width)) : (text, nil)
    }

    private static func stored(_ texts: [String], width: Int) -> ([String], [LongLine?]) {
        let kept = texts.map { Self.kept($0, width: width) }
        return (kept.map(\.0), kept.map(\.1))
    }

    /// Puts `text` in line `n`, as a long line when it is one.
    private mutating func store(_ text: String, at n: Int) {
        (lines[n], longs[n]) = Self.kept(text, width: wrapWidth)
    }

    /// The index of Character `offset` of short line `n`.
    private func character(line n: Int, offset: Int) -> String.Index {
        let line = lines[n]
        // ASCII without CR (which joins LF into one Character): a Character per byte.
        if line.isOneByteCharacters { let u = line.utf8; return u.index(u.startIndex, offsetBy: min(max(0, offset), u.count)) }
        return line.index(line.startIndex, offsetBy: offset, limitedBy: line.endIndex) ?? line.endIndex
    }

    /// Characters [a, b) of line `n`: a slice of a short line, a copy out of a long one.
    func slice(_ n: Int, _ a: Int, _ b: Int) -> Substring {
        if let long = longs[n] { return Substring(long.slice(a, b)) }
        return lines[n][character(line: n, offset: a)..<character(line: n, offset: b)]
    }

    /// Where a long line's bytes are kept (tests check that a key edits them in place).
    func storageAddress(line n: Int) -> Int? { longs[n]?.storageAddress }

    /// Characters in line `n`.
    func length(of n: Int) -> Int { longs[n]?.count ?? lines[n].count }

    /// The text between two positions.
    func text(from a: TextPosition, to b: TextPosition) -> String {
        if a.line == b.line { return String(slice(a.line, a.column, b.column)) }
        var parts: [Substring] = [slice(a.line, a.column, length(of: a.line))]
        if b.line > a.line + 1 { for i in (a.line + 1)..<b.line { parts.append(Substring(line(i))) } }
        parts.append(slice(b.line, 0, b.column))
        return parts.joined(separator: "\n")
    }

    /// Replaces [a, b) with `s`; returns the end of the inserted text. Touches only lines a...b;
    /// within one long line, only the bytes near the edit move and only the rows around it wrap.
    @discardableResult
    private mutating func replace(from a: TextPosition, to b: TextPosition, with s: String) -> TextPosition {
        let pieces = Self.pieces(of: s)
        if pieces.count == 1, a.line == b.line {
            if var long = longs[a.line] {
                // Taken out of the array while it changes, so its storage is not copied.
                longs[a.line] = nil
                let end = long.replace(from: a.column, to: b.column, with: s)
                if !long.layout.frontiers.isEmpty { mayHaveFrontiers = true }
                if LineLayout.wanted(bytes: long.utf8Count) { longs[a.line] = long } else { lines[a.line] = long.string }
                return TextPosition(line: a.line, column: end)
            }
            let i0 = character(line: a.line, offset: a.column), i1 = character(line: a.line, offset: b.column)
            let u0 = lines[a.line].utf8.distance(from: lines[a.line].startIndex, to: i0)
            // Edited in place (the array's copy is unique), so the line is not copied.
            lines[a.line].replaceSubrange(i0..<i1, with: s)
            let line = lines[a.line]
            let endIndex = line.utf8.index(line.startIndex, offsetBy: u0 + s.utf8.count)
            // Counted on the joined text: a typed combining mark merges into the character before it.
            let column = line[..<endIndex].count
            if LineLayout.wanted(line) { store(line, at: a.line) }
            return TextPosition(line: a.line, column: column)
        }
        let prefix = String(slice(a.line, 0, a.column))
        let suffix = slice(b.line, b.column, length(of: b.line))
        if pieces.count == 1 {
            let head = prefix + pieces[0]
            store(head + suffix, at: a.line)
            lines.removeSubrange((a.line + 1)...b.line)
            longs.removeSubrange((a.line + 1)...b.line)
            // Counted on the joined text: a typed combining mark merges into the character before it.
            return TextPosition(line: a.line, column: head.count)
        }
        var new: [String] = [prefix + pieces[0]]
        new.reserveCapacity(pieces.count)
        for p in pieces.dropFirst().dropLast() { new.append(String(p)) }
        new.append(String(pieces.last!) + suffix)
        let (newLines, newLongs) = Self.stored(new, width: wrapWidth)
        lines.replaceSubrange(a.line...b.line, with: newLines)
        longs.replaceSubrange(a.line...b.line, with: newLongs)
        return TextPosition(line: a.line + pieces.count - 1, column: pieces.last!.count)
    }

    /// Applies an edit, recording it for undo (consecutive typing is one undo step).
    private mutating func apply(start: TextPosition, end: TextPosition, insert s: String, typing: Bool) {
        let removed = start == end ? "" : text(from: start, to: end)
        let before = cursor
        let after = replace(from: start, to: end, with: s)
        cursor = after
        goalColumn = nil
        editedSinceBlur = true
        redoStack.removeAll()
        if typing, var last = undoStack.last, last.typing, last.removed.isEmpty, removed.isEmpty, last.cursorAfter == start,
           !s.hasPrefix(" ") {
            last.inserted += s
            last.cursorAfter = after
            undoStack[undoStack.count - 1] = last
            return
        }
        undoStack.append(Edit(start: start, removed: removed, inserted: s, cursorBefore: before, cursorAfter: after, typing: typing))
        if undoStack.count > undoLimit { undoStack.removeFirst() }
    }

    private static func end(of s: String, from start: TextPosition) -> TextPosition {
        var line = start.line, col = start.column
        for ch in s { if ch == "\n" { line += 1; col = 0 } else { col += 1 } }
        return TextPosition(line: line, column: col)
    }

    private mutating func undo() -> WidgetResult {
        guard let e = undoStack.popLast() else { return .handled }
        replay(e, forward: false)
        redoStack.append(e)
        return .changed
    }

    private mutating func redo() -> WidgetResult {
        guard let e = redoStack.popLast() else { return .handled }
        replay(e, forward: true)
        undoStack.append(e)
        return .changed
    }

    /// Applies an edit again (forward, for redo) or reverts it (for undo), without recording it.
    private mutating func replay(_ e: Edit, forward: Bool) {
        let (old, new) = forward ? (e.removed, e.inserted) : (e.inserted, e.removed)
        replace(from: e.start, to: Self.end(of: old, from: e.start), with: new)
        cursor = forward ? e.cursorAfter : e.cursorBefore
        editedSinceBlur = true
        ensureCursorVisible()
    }

    // MARK: wrapping (only ever for the lines being shown or moved through)

    private var wrapWidth: Int { max(1, width) }

    func wrapStarts(_ line: Int) -> RowStarts {
        if let long = longs[line] { return RowStarts(long.layout) }
        let l = lines[line]
        if l.utf8.count <= wrapWidth, l.isPrintableASCII { return RowStarts([0]) } // short ASCII
        return RowStarts(drawEntry(line).starts)
    }

    /// A short line's row starts, byte-per-column flag and highlight spans (see `LineDrawCache`).
    private func drawEntry(_ n: Int) -> LineDrawCache.Entry {
        // The highlighter taken out first: a closure that reads it through `self` copied the
        // whole text area (about 9 times a key).
        let l = lines[n], w = wrapWidth, highlight = highlighter
        return drawCache.entry(line: n, text: l, width: w) {
            .init(text: l, width: w, starts: softWrapStarts(l, width: w), ascii: l.isPrintableASCII, spans: highlight?(l))
        }
    }

    /// Which wrapped row of its line a column falls on, and its screen x within that row.
    private func rowAndX(line: Int, column: Int, starts: RowStarts) -> (row: Int, x: Int) {
        let row = starts.row(of: column)
        return (row, displayWidth(slice(line, starts[row], column)))
    }

    /// The column in row `row` of `line` closest to screen x `x`.
    private func column(line: Int, row: Int, x: Int, starts: RowStarts) -> Int {
        let rowStart = starts[row]
        let rowEnd = row + 1 < starts.count ? starts[row + 1] : length(of: line)
        var col = rowStart, w = 0
        for ch in slice(line, rowStart, rowEnd) {
            let cw = displayWidth(ch)
            if w + cw > x { break }
            w += cw; col += 1
        }
        // Do not land after the last character of a wrapped row (that is the next row's start).
        if row + 1 < starts.count, col == rowEnd, col > rowStart { col -= 1 }
        return col
    }

    private mutating func moveVertically(_ delta: Int) {
        var starts = wrapStarts(cursor.line)
        let (row, x) = rowAndX(line: cursor.line, column: cursor.column, starts: starts)
        let gx = goalColumn ?? x
        var line = cursor.line, r = row
        var remaining = delta
        while remaining != 0 {
            if remaining > 0 {
                if r + 1 < starts.count { r += 1 } else if line + 1 < lines.count { line += 1; starts = wrapStarts(line); r = 0 } else { break }
                remaining -= 1
            } else {
                if r > 0 { r -= 1 } else if line > 0 { line -= 1; starts = wrapStarts(line); r = starts.count - 1 } else { break }
                remaining += 1
            }
        }
        cursor = TextPosition(line: line, column: column(line: line, row: r, x: gx, starts: starts))
        goalColumn = gx
    }

    private var textHeight: Int { max(1, showsStatus && height > 2 ? height - 1 : height) }

    /// Moves `top` so the cursor's row is on screen. Walks at most a screenful of rows.
    mutating func ensureCursorVisible() {
        let (crow, _) = rowAndX(line: cursor.line, column: cursor.column, starts: wrapStarts(cursor.line))
        if cursor.line < top.line || (cursor.line == top.line && crow < top.row) { top = (cursor.line, crow); return }
        // Count rows from top to the cursor, giving up once past a screenful.
        var rows = 0, line = top.line, r = top.row
        let h = textHeight
        while rows < h {
            if line == cursor.line { rows += crow - r; break }
            rows += wrapStarts(line).count - r
            line += 1; r = 0
        }
        if rows < h, line == cursor.line { return }
        // Put the cursor on the last row: walk back h-1 rows from it.
        var tl = cursor.line, tr = crow, back = h - 1
        while back > 0 {
            if tr >= back { tr -= back; back = 0 } else if tl > 0 { back -= tr + 1; tl -= 1; tr = wrapStarts(tl).count - 1 } else { tr = 0; back = 0 }
        }
        top = (tl, tr)
    }

    // MARK: events

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        let r: WidgetResult
        switch event {
        case .paste(let s):
            apply(start: cursor, end: cursor, insert: Self.normalizingNewlines(s), typing: false)
            r = .changed
        case .key(let k): r = handle(key: k)
        case .mouse(let m):
            switch m.kind {
            case .wheelUp: moveVertically(-3); r = .handled
            case .wheelDown: moveVertically(3); r = .handled
            default: return .unhandled
            }
        case .resize: return .unhandled
        }
        if r != .unhandled {
            ensureCursorVisible()
            if settleShownRows() { ensureCursorVisible() }
        }
        return r
    }

    /// Re-wraps on where a long line's re-wrap stopped (`LineLayout.frontiers`) in the rows on
    /// screen and before the cursor, so what is shown is how the whole line wraps. True when
    /// something was re-wrapped (the rows may have moved).
    private mutating func settleShownRows() -> Bool {
        guard mayHaveFrontiers else { return false }
        defer { mayHaveFrontiers = longs.contains { $0.map { !$0.layout.frontiers.isEmpty } ?? false } }
        var settled = false
        var line = top.line, lastRow = top.row + textHeight
        while line < lines.count, lastRow >= 0 {
            if var long = longs[line], !long.layout.frontiers.isEmpty {
                var upTo = lastRow + 1
                if line == cursor.line { upTo = max(upTo, long.layout.row(of: cursor.column) + 1) }
                if long.layout.frontiers[0] <= upTo {
                    // Taken out of the array while it changes, so its storage is not copied.
                    longs[line] = nil
                    long.settle(upTo: upTo)
                    longs[line] = long
                    settled = true
                }
            }
            lastRow -= wrapStarts(line).count
            line += 1
        }
        return settled
    }

    /// The first row on screen (its line, and which of its rows) and how many rows show text.
    var shownRows: (line: Int, row: Int, count: Int) { (top.line, top.row, textHeight) }

    /// Every long line re-wrapped whole (tests compare it with a fresh wrap).
    mutating func settleAllRows() {
        for n in longs.indices where longs[n] != nil { longs[n]!.settle(upTo: Int.max) }
        mayHaveFrontiers = false
    }

    private mutating func handle(key k: KeyPress) -> WidgetResult {
        if let ch = k.text {
            apply(start: cursor, end: cursor, insert: String(ch), typing: true)
            return .changed
        }
        let lineLength = length(of: cursor.line)
        switch (k.key, k.modifiers) {
        case (.enter, []), (.enter, .shift), (.char("j"), .ctrl):
            apply(start: cursor, end: cursor, insert: "\n", typing: false); return .changed
        case (.tab, []): return .focusNext
        case (.tab, .shift): return .focusPrevious
        case (.left, []), (.char("b"), .ctrl):
            goalColumn = nil
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 { cursor.line -= 1; cursor.column = length(of: cursor.line) }
            return .handled
        case (.right, []), (.char("f"), .ctrl):
            goalColumn = nil
            if cursor.column < lineLength { cursor.column += 1 } else if cursor.line + 1 < lines.count { cursor.line += 1; cursor.column = 0 }
            return .handled
        case (.up, []), (.char("p"), .ctrl): moveVertically(-1); return .handled
        case (.down, []), (.char("n"), .ctrl): moveVertically(1); return .handled
        case (.pageUp, []): moveVertically(-(textHeight - 1)); return .handled
        case (.pageDown, []): moveVertically(textHeight - 1); return .handled
        case (.home, []), (.char("a"), .ctrl): cursor.column = 0; goalColumn = nil; return .handled
        case (.end, []), (.char("e"), .ctrl): cursor.column = lineLength; goalColumn = nil; return .handled
        case (.home, .ctrl): cursor = TextPosition(line: 0, column: 0); goalColumn = nil; return .handled
        case (.end, .ctrl): cursor = TextPosition(line: lines.count - 1, column: length(of: lines.count - 1)); goalColumn = nil; return .handled
        case (.left, .ctrl), (.char("b"), .alt):
            cursor.column = previousWordStart(); return .handled
        case (.right, .ctrl), (.char("f"), .alt):
            cursor.column = nextWordEnd(); return .handled
        case (.backspace, []), (.char("h"), .ctrl):
            if cursor.column > 0 {
                apply(start: TextPosition(line: cursor.line, column: cursor.column - 1), end: cursor, insert: "", typing: false)
            } else if cursor.line > 0 {
                apply(start: TextPosition(line: cursor.line - 1, column: length(of: cursor.line - 1)), end: cursor, insert: "", typing: false)
            } else { return .handled }
            return .changed
        case (.delete, []), (.char("d"), .ctrl):
            if cursor.column < lineLength {
                apply(start: cursor, end: TextPosition(line: cursor.line, column: cursor.column + 1), insert: "", typing: false)
            } else if cursor.line + 1 < lines.count {
                apply(start: cursor, end: TextPosition(line: cursor.line + 1, column: 0), insert: "", typing: false)
            } else { return .handled }
            return .changed
        case (.char("k"), .ctrl):
            let end = cursor.column < lineLength ? TextPosition(line: cursor.line, column: lineLength)
                : (cursor.line + 1 < lines.count ? TextPosition(line: cursor.line + 1, column: 0) : cursor)
            guard end != cursor else { return .handled }
            apply(start: cursor, end: end, insert: "", typing: false); return .changed
        case (.char("u"), .ctrl):
            guard cursor.column > 0 else { return .handled }
            apply(start: TextPosition(line: cursor.line, column: 0), end: cursor, insert: "", typing: false); return .changed
        case (.char("w"), .ctrl), (.backspace, .alt):
            let start = previousWordStart()
            guard start < cursor.column else { return .handled }
            apply(start: TextPosition(line: cursor.line, column: start), end: cursor, insert: "", typing: false); return .changed
        case (.char("d"), .alt):
            let end = nextWordEnd()
            guard end > cursor.column else { return .handled }
            apply(start: cursor, end: TextPosition(line: cursor.line, column: end), insert: "", typing: false); return .changed
        case (.char("_"), .ctrl), (.char("z"), .alt): return undo()
        case (.char("Z"), .alt), (.char("z"), [.alt, .shift]): return redo()
        default: return .unhandled
        }
    }

    /// Word motion looks at most this many Characters either side of the cursor, so it costs the
    /// same in a line of a megabyte (a longer "word" is crossed in steps).
    private static let wordWindow = 4096

    private func wordChars() -> (chars: [Character], base: Int) {
        let n = cursor.line
        let lo = max(0, cursor.column - Self.wordWindow), hi = min(length(of: n), cursor.column + Self.wordWindow)
        return (Array(slice(n, lo, hi)), lo)
    }

    private func previousWordStart() -> Int {
        let (chars, base) = wordChars()
        return base + WordMotion.previousStart(chars, from: cursor.column - base)
    }

    private func nextWordEnd() -> Int {
        let (chars, base) = wordChars()
        return base + WordMotion.nextEnd(chars, from: cursor.column - base)
    }

    // MARK: drawing

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let textRows = showsStatus && rect.height > 2 ? rect.height - 1 : rect.height
        canvas.fill(rect, style: .text)
        var view = self
        view.width = rect.width
        view.height = rect.height
        view.ensureCursorVisible()
        let empty = lines.count == 1 && lines[0].isEmpty && longs[0] == nil
        if empty, !placeholder.isEmpty {
            for (i, row) in wrapText(placeholder, width: rect.width).prefix(textRows).enumerated() {
                canvas.put(row, row: rect.row + i, col: rect.col, maxWidth: rect.width, style: .muted)
            }
        }
        var line = view.top.line, r = view.top.row, screenRow = 0
        while screenRow < textRows, line < lines.count {
            let starts = view.wrapStarts(line)
            // A top row kept from before an edit that shortened the line is past its end now.
            if r >= starts.count { r = max(0, starts.count - 1) }
            // Only the rows on screen are taken from the line (and highlighted: a long line's
            // highlighter sees those rows, so a span crossing their edge is cut there).
            let lastRow = min(starts.count, r + textRows - screenRow)
            let long = view.longs[line] != nil
            let base = long ? starts[r] : 0
            let window: Substring, spans: [HighlightSpan], ascii: Bool, windowEnd: Int
            if long {
                windowEnd = lastRow < starts.count ? starts[lastRow] : view.length(of: line)
                window = view.slice(line, base, windowEnd)
                spans = (highlighter?(String(window)) ?? []).map { HighlightSpan(($0.range.lowerBound + base)..<($0.range.upperBound + base), $0.style) }
                ascii = window.isPrintableASCII
            } else {
                // A short line is drawn whole; what it needs is kept from the last frame.
                let entry = view.drawEntry(line)
                window = lines[line][...]
                spans = entry.spans ?? []
                ascii = entry.ascii
                windowEnd = ascii ? window.utf8.count : view.length(of: line)
            }
            // Printable ASCII (nearly every line): a Character per byte, so a row is a slice
            // by byte offset; only other lines are taken apart into Characters.
            let chars = ascii ? [] : Array(window)
            func segment(_ a: Int, _ b: Int) -> Substring {
                if ascii {
                    let u = window.utf8
                    return window[u.index(u.startIndex, offsetBy: a - base)..<u.index(u.startIndex, offsetBy: b - base)]
                }
                return Substring(chars[(a - base)..<(b - base)].map { $0 == "\t" ? " " : $0 })
            }
            while r < starts.count, screenRow < textRows {
                let s = starts[r], e = r + 1 < starts.count ? starts[r + 1] : windowEnd
                var x = rect.col
                var i = s
                while i < e {
                    // A run up to the next span edge has one style (the last span holding it).
                    // Found from the edges: looking the style up per character was a third of
                    // drawing the prompt.
                    var j = e, style = Style.text
                    for span in spans {
                        if span.range.contains(i) { style = span.style }
                        if span.range.lowerBound > i { j = min(j, span.range.lowerBound) }
                        else if span.range.upperBound > i { j = min(j, span.range.upperBound) }
                    }
                    x += canvas.put(segment(i, j), row: rect.row + screenRow, col: x, maxWidth: rect.right - x, style: style)
                    i = j
                }
                if focused, line == cursor.line {
                    let isCursorRow = cursor.column >= s && (cursor.column < e || r == starts.count - 1)
                    if isCursorRow {
                        let x = ascii ? cursor.column - s : displayWidth(segment(s, cursor.column))
                        canvas.cursor = (rect.row + screenRow, rect.col + min(x, rect.width - 1))
                    }
                }
                r += 1; screenRow += 1
            }
            line += 1; r = 0
        }
        if showsStatus, rect.height > 2 {
            let status = "Ln \(cursor.line + 1)/\(lines.count), Col \(cursor.column + 1)"
            let row = rect.bottom - 1
            canvas.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: .muted)
            let w = displayWidth(status)
            canvas.put(status, row: row, col: max(rect.col, rect.right - w), maxWidth: rect.width, style: focused ? .accent : .muted)
        }
    }
}
