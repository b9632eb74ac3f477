#if canImport(Glibc)
import Glibc
#endif

/// One terminal cell. A wide character occupies its cell (width 2) and the next one, which is a
/// continuation (width 0, empty text). Combining marks live in the text of the cell they follow.
///
/// Plain bytes, 8 of them: a frame is reset, drawn and compared with the last one on every key,
/// and those passes over two frames were most of a keystroke's cache misses (callgrind's cache
/// simulation). A cell that held an array of marks made each pass a retain and a release per
/// cell. The first mark is inline; the rare ones after it are interned (`MarkTable`), so equal
/// cells are equal bytes and a row compares with one `memcmp`.
public struct Cell: Equatable, Sendable, Hashable {
    /// The first scalar (21 bits), the width (2), the style's slot (4) and attributes (5).
    private var look: UInt32
    /// The first combining mark after the scalar (21 bits; 0: none), and the interned list of
    /// the marks after that (11 bits; 0: none).
    private var marks: UInt32 = 0

    private static let scalarMask: UInt32 = 0x1F_FFFF
    private static let widthShift: UInt32 = 21, slotShift: UInt32 = 23, attributeShift: UInt32 = 27

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .background) {
        var it = text.unicodeScalars.makeIterator()
        look = Cell.pack(it.next() ?? "\u{0}", width, style)
        while let u = it.next() { appendMark(u) }
    }

    public init(scalar: Unicode.Scalar, width: UInt8 = 1, style: Style = .background) {
        look = Cell.pack(scalar, width, style)
    }

    @inline(__always)
    private static func pack(_ scalar: Unicode.Scalar, _ width: UInt8, _ style: Style) -> UInt32 {
        scalar.value | UInt32(width & 3) << widthShift | UInt32(style.slotOrdinal) << slotShift
            | UInt32(style.attributes.rawValue & 0x1F) << attributeShift
    }

    /// The cell's first scalar; U+0000 for the empty text of a continuation.
    public private(set) var scalar: Unicode.Scalar {
        @inline(__always) get { Unicode.Scalar(look & Cell.scalarMask).unsafelyUnwrapped }
        set { look = look & ~Cell.scalarMask | newValue.value }
    }

    public var width: UInt8 {
        @inline(__always) get { UInt8(truncatingIfNeeded: look >> Cell.widthShift) & 3 }
        set { look = look & ~(3 << Cell.widthShift) | UInt32(newValue & 3) << Cell.widthShift }
    }

    public var style: Style {
        @inline(__always) get {
            Style(ordinal: UInt8(truncatingIfNeeded: look >> Cell.slotShift) & 0xF,
                  TextAttributes(rawValue: UInt8(truncatingIfNeeded: look >> Cell.attributeShift)))
        }
        set { look = Cell.pack(scalar, width, newValue) }
    }

    private var mark: UInt32 { marks & Cell.scalarMask }
    private var moreMarks: UInt32 { marks >> 21 }

    public var text: String {
        get {
            if mark == 0 { return scalar == "\u{0}" ? "" : String(Character(scalar)) }
            var v = String.UnicodeScalarView()
            forEachScalar { v.append($0) }
            return String(v)
        }
        set { self = Cell(newValue, width: width, style: style) }
    }

    /// Calls `body` with each scalar of the text.
    @inline(__always)
    func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        guard scalar != "\u{0}" else { return }
        body(scalar)
        guard mark != 0, let first = Unicode.Scalar(mark) else { return }
        body(first)
        if moreMarks != 0 { for m in MarkTable.shared.marks(moreMarks) { body(m) } }
    }

    mutating func appendMark(_ m: Unicode.Scalar) {
        if scalar == "\u{0}" { scalar = m; return }
        if mark == 0 { marks = m.value; return }
        var rest = moreMarks == 0 ? [] : MarkTable.shared.marks(moreMarks)
        rest.append(m)
        if let id = MarkTable.shared.id(of: rest) { marks = mark | id << 21 }
    }

    public var isContinuation: Bool { width == 0 }
    var hasMarks: Bool { mark != 0 }
    public static let blank = Cell()
}

/// The grid UI code draws into. Drawing clips at the canvas edge (text never wraps), measures by
/// display width, and escapes control characters so nothing drawn can control the terminal.
public struct Canvas: Equatable, Sendable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown after presenting, or nil to hide it.
    public var cursor: (row: Int, col: Int)? {
        get { cursorRow < 0 ? nil : (cursorRow, cursorCol) }
        set { if let c = newValue { cursorRow = c.row; cursorCol = c.col } else { cursorRow = -1; cursorCol = -1 } }
    }
    private var cursorRow = -1, cursorCol = -1
    /// Nothing drawn since it was made or reset blank: filling it with blanks again (what a
    /// screen's render starts with, right after the run loop's reset) is skipped.
    private var allBlank: Bool

    public init(rows: Int, cols: Int, fill: Cell = .blank) {
        self.rows = max(0, rows); self.cols = max(0, cols)
        cells = Array(repeating: fill, count: self.rows * self.cols)
        allBlank = fill == .blank
    }

    public var bounds: Rect { Rect(row: 0, col: 0, width: cols, height: rows) }

    /// Blank again, at this size, in the same memory (the run loop draws every frame into one).
    public mutating func reset(rows: Int, cols: Int) {
        let rows = max(0, rows), cols = max(0, cols)
        self.rows = rows; self.cols = cols
        // Every frame starts here.
        if rows * cols == cells.count { paint(.blank, rows: 0..<rows, cols: 0..<cols) }
        else { cells = Array(repeating: .blank, count: rows * cols) }
        cursorRow = -1; cursorCol = -1
        allBlank = true
    }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * cols + col] }
        set { cells[row * cols + col] = newValue; allBlank = false }
    }

    /// Writes one cell, repairing any wide character it cuts in half.
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * cols + col
        if cells[i].width == 0, col > 0 { cells[i - 1] = Cell(scalar: " ", width: 1, style: cells[i - 1].style) }
        if cells[i].width == 2, col + 1 < cols, cell.width != 2 { cells[i + 1] = Cell(scalar: " ", width: 1, style: cells[i + 1].style) }
        cells[i] = cell
    }

    /// Draws `text` at (row, col), clipped to `maxWidth` columns and the canvas edge.
    /// Returns the number of columns used.
    ///
    /// One overload per string type, not one generic function: called from another module, a
    /// generic `put` ran unspecialized, through the protocol's witnesses (three times the work
    /// of the same call inside this module, a tenth of a keystroke in the wizard).
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, maxWidth: Int = Int.max, style: Style = .text) -> Int {
        putText(text, row: row, col: col, maxWidth: maxWidth, style: style)
    }

    @discardableResult
    public mutating func put(_ text: Substring, row: Int, col: Int, maxWidth: Int = Int.max, style: Style = .text) -> Int {
        putText(text, row: row, col: col, maxWidth: maxWidth, style: style)
    }

    private mutating func putText(_ text: some StringProtocol, row: Int, col: Int, maxWidth: Int, style: Style) -> Int {
        guard row >= 0, row < rows, col < cols else { return 0 }
        allBlank = false
        let limit = min(cols, maxWidth == Int.max ? cols : col + max(0, maxWidth))
        if col >= 0, let n = putASCII(text, row: row, col: col, limit: limit, style: style) { return n }
        var c = col
        var lastCell = -1
        for s in text.unicodeScalars {
            // Printable ASCII, nearly every scalar drawn: no width lookup.
            if s.value >= 0x20, s.value < 0x7F {
                guard c < limit else { return c - col }
                if c >= 0 { set(row, c, Cell(scalar: s, width: 1, style: style)); lastCell = c }
                c += 1
                continue
            }
            switch scalarDisplay(s) {
            case .escaped(let esc):
                for e in esc.unicodeScalars {
                    guard c < limit else { return c - col }
                    if c >= 0 { set(row, c, Cell(scalar: e, width: 1, style: style)); lastCell = c }
                    c += 1
                }
            case .glyph(let w):
                if w == 0 {
                    // Combining mark: joins the cell before it (or a space when there is none).
                    if lastCell >= 0 { cells[row * cols + lastCell].appendMark(s) }
                    else if c >= 0, c < limit {
                        var cell = Cell(scalar: " ", width: 1, style: style)
                        cell.appendMark(s)
                        set(row, c, cell); lastCell = c; c += 1
                    }
                    continue
                }
                guard c + w <= limit else {
                    // A wide char that no longer fits leaves a blank instead of half a glyph.
                    if w == 2, c < limit, c >= 0 { set(row, c, Cell(scalar: " ", width: 1, style: style)); c += 1 }
                    return c - col
                }
                if c >= 0 {
                    set(row, c, Cell(scalar: s, width: UInt8(w), style: style))
                    if w == 2 {
                        // Set directly: through `set`, an old continuation here would blank the
                        // glyph just written (a wide character drawn over another one).
                        let j = row * cols + c + 1
                        if cells[j].width == 2, c + 2 < cols { cells[j + 1] = Cell(scalar: " ", width: 1, style: cells[j + 1].style) }
                        cells[j] = Cell(scalar: "\u{0}", width: 0, style: style)
                    }
                    lastCell = c
                } else if c + w > 0 {
                    set(row, 0, Cell(scalar: " ", width: 1, style: style)) // left half cut off
                }
                c += w
            }
        }
        return c - col
    }

    /// `put` for text that is all printable ASCII (most of what is drawn): a cell per byte,
    /// written in one pass; only the run's two ends can cut a wide character. Nil for other text.
    private mutating func putASCII(_ text: some StringProtocol, row: Int, col: Int, limit: Int, style: Style) -> Int? {
        let cols = self.cols
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            let n = max(0, min(bytes.count, limit - col))
            guard n > 0 else { return 0 }
            cells.withUnsafeMutableBufferPointer { p in
                let base = row * cols
                if p[base + col].width == 0, col > 0 { p[base + col - 1] = Cell(scalar: " ", width: 1, style: p[base + col - 1].style) }
                let end = col + n
                if p[base + end - 1].width == 2, end < cols { p[base + end] = Cell(scalar: " ", width: 1, style: p[base + end].style) }
                for i in 0..<n { p[base + col + i] = Cell(scalar: Unicode.Scalar(bytes[i]), width: 1, style: style) }
            }
            return n
        } ?? nil
    }

    /// Fills a rectangle with `char` (default blank) in `style`.
    public mutating func fill(_ rect: Rect, with char: Character = " ", style: Style = .background) {
        let r0 = max(0, rect.row), r1 = min(rows, rect.bottom)
        let c0 = max(0, rect.col), c1 = min(cols, rect.right)
        guard r0 < r1, c0 < c1 else { return }
        let cell = Cell(String(char), width: 1, style: style)
        if allBlank, cell == .blank { return }
        allBlank = false
        paint(cell, rows: r0..<r1, cols: c0..<c1)
    }

    /// Sets every cell of a rectangle inside the canvas to `cell`. Only its edges can cut a wide
    /// character; the inside is overwritten whole. The first row is stored a cell at a time and
    /// copied down with `memcpy`, several times faster than storing every cell (a frame starts
    /// with a whole-screen reset, and a text area fills its rectangle).
    private mutating func paint(_ cell: Cell, rows r: Range<Int>, cols c: Range<Int>) {
        guard !r.isEmpty, !c.isEmpty else { return }
        let cols = self.cols, c0 = c.lowerBound, c1 = c.upperBound
        cells.withUnsafeMutableBufferPointer { p in
            let first = p.baseAddress! + r.lowerBound * cols + c0
            for row in r {
                let base = row * cols
                if p[base + c0].width == 0, c0 > 0 { p[base + c0 - 1] = Cell(scalar: " ", width: 1, style: p[base + c0 - 1].style) }
                if p[base + c1 - 1].width == 2, c1 < cols { p[base + c1] = Cell(scalar: " ", width: 1, style: p[base + c1].style) }
                if row == r.lowerBound { first.update(repeating: cell, count: c.count) }
                else { memcpy(p.baseAddress! + base + c0, first, c.count * MemoryLayout<Cell>.stride) }
            }
        }
    }

    /// Cells from `start` on, written from `source` as they are (whole rows kept from a frame).
    mutating func overwrite(from start: Int, with source: [Cell]) {
        precondition(start >= 0 && start + source.count <= cells.count)
        allBlank = false
        cells.withUnsafeMutableBufferPointer { p in
            source.withUnsafeBufferPointer { s in
                guard let d = p.baseAddress, let b = s.baseAddress else { return }
                memcpy(d + start, b, s.count * MemoryLayout<Cell>.stride)
            }
        }
    }

    /// Changes the style of existing cells (for highlighting a row) without changing text.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let r0 = max(0, rect.row), r1 = min(rows, rect.bottom)
        let c0 = max(0, rect.col), c1 = min(cols, rect.right)
        guard r0 < r1, c0 < c1 else { return }
        allBlank = false
        for r in r0..<r1 { for c in c0..<c1 { cells[r * cols + c].style = style } }
    }

    public mutating func hline(row: Int, col: Int, length: Int, style: Style = .border) {
        fill(Rect(row: row, col: col, width: max(0, length), height: 1), with: "─", style: style)
    }

    public mutating func vline(row: Int, col: Int, length: Int, style: Style = .border) {
        for r in row..<(row + max(0, length)) { put("│", row: r, col: col, style: style) }
    }

    /// Draws a border around `rect` with an optional title in the top edge.
    public mutating func box(_ rect: Rect, style: Style = .border, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        put("┌", row: rect.row, col: rect.col, style: style)
        hline(row: rect.row, col: rect.col + 1, length: rect.width - 2, style: style)
        put("┐", row: rect.row, col: rect.right - 1, style: style)
        vline(row: rect.row + 1, col: rect.col, length: rect.height - 2, style: style)
        vline(row: rect.row + 1, col: rect.right - 1, length: rect.height - 2, style: style)
        put("└", row: rect.bottom - 1, col: rect.col, style: style)
        hline(row: rect.bottom - 1, col: rect.col + 1, length: rect.width - 2, style: style)
        put("┘", row: rect.bottom - 1, col: rect.right - 1, style: style)
        if let title, rect.width > 4 {
            put(" " + title.truncated(toWidth: rect.width - 4) + " ", row: rect.row, col: rect.col + 1,
                maxWidth: rect.width - 2, style: titleStyle ?? style.with(.bold))
        }
    }

    /// The visible text of one row (continuation cells skipped), trailing blanks kept.
    public func text(row: Int) -> String {
        var s = ""
        for c in 0..<cols { s += self[row, c].text }
        return s
    }

    /// All rows as text with trailing blanks removed: the golden-file format.
    public var plainText: String {
        (0..<rows).map { r -> String in
            var line = text(row: r)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.rows == b.rows && a.cols == b.cols && a.cells == b.cells && a.cursorRow == b.cursorRow && a.cursorCol == b.cursorCol
    }
}
