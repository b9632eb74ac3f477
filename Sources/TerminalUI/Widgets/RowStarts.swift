/// Where the wrapped rows of one line of a text area start, in Characters: a short line's array,
/// or a long line's layout read where it is (copying a megabyte's 15,000 row starts to look at
/// the few on screen is what a key must not do).
struct RowStarts: RandomAccessCollection, Sendable {
    private let plain: [Int]
    private let layout: LineLayout?

    init(_ plain: [Int]) { self.plain = plain; layout = nil }
    init(_ layout: LineLayout) { plain = []; self.layout = layout }

    var startIndex: Int { 0 }
    var endIndex: Int { layout?.rowCount ?? plain.count }
    subscript(r: Int) -> Int { layout?.start(r) ?? plain[r] }

    /// The row holding Character `column` (the last row starting at or before it).
    func row(of column: Int) -> Int {
        if let layout { return layout.row(of: column) }
        var row = 0
        while row + 1 < plain.count, plain[row + 1] <= column { row += 1 }
        return row
    }
}
