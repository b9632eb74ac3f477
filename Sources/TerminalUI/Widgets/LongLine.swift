/// A line of a text area long enough (`LineLayout.wanted`) to keep its own storage: its UTF-8 in a
/// gap buffer, with its rows (`LineLayout`). Typing goes into the gap, the rows re-wrap around it,
/// and what is read (a row, the rows on screen, a word's surroundings) is copied out by byte
/// range; so nothing a key does grows with the line, and only the whole text is O(line).
struct LongLine: Sendable {
    private(set) var text: GapBuffer<UInt8>
    private(set) var layout: LineLayout

    init(_ s: String, width: Int) {
        text = GapBuffer(s)
        layout = LineLayout(s, width: width)
    }

    var string: String { text.string }
    /// Copies the line's UTF-8 to the start of `dst`; returns the byte count.
    func copyUTF8(into dst: UnsafeMutableBufferPointer<UInt8>) -> Int { text.copy(into: dst) }
    /// Characters in the line.
    var count: Int { layout.count }
    var utf8Count: Int { text.count }

    mutating func relayout(width: Int) { layout = LineLayout(text.string, width: width) }

    /// The UTF-8 offset of Character `column`: its row found by bisection, then at most a row's
    /// worth of Characters.
    func utf8Offset(of column: Int) -> Int {
        let c = min(max(0, column), layout.count)
        let r = layout.row(of: c)
        let base = layout.offset(r), k = c - layout.start(r)
        if k == 0 { return base }
        let end = r + 1 < layout.rowCount ? layout.offset(r + 1) : text.count
        let oneByte = text.withContiguous(base..<end) { row in !row.contains { $0 >= 0x80 || $0 == 0x0D } }
        if oneByte { return base + k }
        let row = text.string(base..<end)
        let i = row.index(row.startIndex, offsetBy: k, limitedBy: row.endIndex) ?? row.endIndex
        return base + row.utf8.distance(from: row.startIndex, to: i)
    }

    /// The text between Character offsets `a` and `b`.
    func slice(_ a: Int, _ b: Int) -> String { text.string(utf8Offset(of: a)..<utf8Offset(of: b)) }

    /// Replaces Characters [c0, c1) with `s` (no newline); returns the Character offset where the
    /// inserted text ends.
    mutating func replace(from c0: Int, to c1: Int, with s: String) -> Int {
        let u0 = utf8Offset(of: c0), u1 = utf8Offset(of: c1)
        text.replace(u0..<u1, with: s.utf8)
        layout.update(&text, replaced: u0..<u1, insertedBytes: s.utf8.count)
        // Counted from a row start on the joined text: a typed combining mark merges into the
        // Character before it.
        let end = u0 + s.utf8.count
        let r = layout.row(of: c0)
        let from = min(layout.offset(r), end)
        return layout.start(r) + text.string(from..<end).count
    }

    /// Re-wraps on from the rows a bounded re-wrap left (`LineLayout.frontiers`) up to row `row`.
    mutating func settle(upTo row: Int) { layout.settle(&text, upTo: row) }

    /// Where the bytes are kept (tests check that a key edits them in place).
    var storageAddress: Int { text.storageAddress }
}
