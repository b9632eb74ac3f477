/// Where the soft-wrapped rows of one long line start, for one width: Character offsets with the
/// matching UTF-8 offsets, and the line's length in Characters. With it a key press in a line of
/// a megabyte finds its place, re-wraps and redraws only the rows around it: the cost of typing
/// does not grow with the line. Short lines do without (wrapping them is cheap).
struct LineLayout: Sendable, Equatable {
    /// Lines at least this long (in UTF-8 bytes) keep a layout.
    static let minimumBytes = 1024

    private(set) var width: Int
    /// Character offset of each row's first Character; starts[0] == 0.
    private(set) var starts: [Int] = [0]
    /// UTF-8 offset of the same points.
    private(set) var offsets: [Int] = [0]
    /// Characters in the line.
    private(set) var count = 0

    init(_ line: String, width: Int) {
        self.width = max(1, width)
        count = wrap(line, fromRow: 0, stop: nil)
    }

    static func wanted(_ line: String) -> Bool { line.utf8.count >= minimumBytes }

    /// The row holding Character offset `column` (the last row whose start is at or before it).
    func row(of column: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= column { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The String.Index of Character offset `column`: a row start found by bisection, then at
    /// most a row's worth of Characters.
    func index(in line: String, of column: Int) -> String.Index {
        let r = row(of: min(max(0, column), count))
        let base = line.utf8.index(line.utf8.startIndex, offsetBy: offsets[r])
        return line.index(base, offsetBy: column - starts[r], limitedBy: line.endIndex) ?? line.endIndex
    }

    func index(in line: String, utf8 offset: Int) -> String.Index {
        line.utf8.index(line.utf8.startIndex, offsetBy: offset)
    }

    /// Wraps `line` from the start of row `fromRow` on, replacing the rows after it. `stop` is
    /// asked at every new row start (Character, UTF-8 offset) and may end the walk there (the
    /// rest is then the caller's); returns the Character offset reached: the line's count when
    /// it ran to the end. The same rule as `softWrapStarts`: break after a space when the next
    /// word does not fit, hard-break a word longer than a row; a space may hang past the edge.
    /// From a row start the rule depends on nothing before it, which is what makes re-wrapping
    /// from a row start (and stopping once the rows match the old ones again) exact.
    @discardableResult
    mutating func wrap(_ line: String, fromRow: Int, stop: ((Int, Int) -> Bool)?) -> Int {
        starts.removeSubrange((fromRow + 1)...)
        offsets.removeSubrange((fromRow + 1)...)
        var rowStart = starts[fromRow]
        var i = rowStart, u = offsets[fromRow]
        var col = 0, lastBreak = -1, lastBreakU = 0, colAtBreak = 0
        var idx = index(in: line, utf8: u)
        while idx < line.endIndex {
            let ch = line[idx]
            let w = displayWidth(ch)
            if col + w > width, i > rowStart, ch != " " {
                let start: Int, startU: Int
                if lastBreak > rowStart { start = lastBreak; startU = lastBreakU; col -= colAtBreak }
                else { start = i; startU = u; col = 0 }
                if let stop, stop(start, startU) { return start }
                starts.append(start); offsets.append(startU)
                rowStart = start
                lastBreak = -1
            }
            col += w
            i += 1
            u += ch.utf8.count
            idx = line.index(after: idx)
            if ch == " " { lastBreak = i; lastBreakU = u; colAtBreak = col }
        }
        return i
    }

    /// Updates the layout after the UTF-8 range `old` of the line was replaced by text of
    /// `insertedBytes` bytes (no newline), `line` being the new text. Re-wraps from the row
    /// before the edit until the rows line up with the old ones again, then shifts the rest.
    mutating func update(_ line: String, replaced old: Range<Int>, insertedBytes: Int) {
        let byteDelta = insertedBytes - old.count
        let newEnd = old.lowerBound + insertedBytes
        // The row before the edit's: its break may move when the edit's row changes.
        let firstRow = max(0, rowByOffset(old.lowerBound) - 1)
        let oldStarts = starts, oldOffsets = offsets, oldCount = count
        var resync: (row: Int, charDelta: Int)?
        let reached = wrap(line, fromRow: firstRow) { c, u in
            guard u >= newEnd else { return false }
            let ou = u - byteDelta
            guard ou >= old.upperBound, let j = Self.find(ou, in: oldOffsets) else { return false }
            resync = (j, c - oldStarts[j])
            return true
        }
        if let (j, d) = resync {
            starts.append(contentsOf: oldStarts[j...].lazy.map { $0 + d })
            offsets.append(contentsOf: oldOffsets[j...].lazy.map { $0 + byteDelta })
            count = oldCount + d
        } else {
            count = reached
        }
    }

    private func rowByOffset(_ u: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offsets[mid] <= u { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private static func find(_ u: Int, in offsets: [Int]) -> Int? {
        var lo = 0, hi = offsets.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if offsets[mid] == u { return mid }
            if offsets[mid] < u { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
