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
        var starts = [0], offsets = [0]
        count = Self.walk(line, width: self.width, from: 0, utf8: 0) { c, u in
            starts.append(c); offsets.append(u); return false
        }
        self.starts = starts; self.offsets = offsets
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

    /// Walks `line` from a row start (Character `c0`, UTF-8 offset `u0`), calling `row` at every
    /// new row start (Character, UTF-8 offset); `row` returning true ends the walk there. Returns
    /// the Character offset reached: the line's count when it ran to the end. The rule of
    /// `softWrapStarts` over Characters: break after a space when the next word does not fit, hard-break a word
    /// longer than a row; a space may hang past the edge. From a row start the rule depends on
    /// nothing before it, which is what makes re-wrapping from a row start (and stopping once the
    /// rows match the old ones again) exact.
    static func walk<S: StringProtocol>(_ line: S, width: Int, from c0: Int, utf8 u0: Int, row: (Int, Int) -> Bool) -> Int {
        let utf8 = line.utf8
        let n = utf8.count
        // A printable ASCII byte followed by another ASCII byte (or the end) is a whole Character of
        // one column: no grapheme rule joins two such bytes. Those are walked as bytes; anything
        // else is taken as a Character (an edit that re-wraps to the end of a 1 MB line walked
        // every Character of it).
        func run(_ bytes: UnsafeBufferPointer<UInt8>?) -> Int {
            var rowStart = c0
            var i = c0, u = u0
            var col = 0, lastBreak = -1, lastBreakU = 0, colAtBreak = 0
            while u < n {
                let w: Int, len: Int, space: Bool
                if let bytes, bytes[u] >= 0x20, bytes[u] < 0x7F, u + 1 == n || bytes[u + 1] < 0x80 {
                    w = 1; len = 1; space = bytes[u] == 0x20
                } else {
                    let ch = line[utf8.index(utf8.startIndex, offsetBy: u)]
                    w = displayWidth(ch); len = ch.utf8.count; space = ch == " "
                }
                if col + w > width, i > rowStart, !space {
                    let start: Int, startU: Int
                    if lastBreak > rowStart { start = lastBreak; startU = lastBreakU; col -= colAtBreak }
                    else { start = i; startU = u; col = 0 }
                    if row(start, startU) { WorkCounter.wrapping?.count += i - c0; return start }
                    rowStart = start
                    lastBreak = -1
                }
                col += w
                i += 1
                u += len
                if space { lastBreak = i; lastBreakU = u; colAtBreak = col }
            }
            WorkCounter.wrapping?.count += i - c0
            return i
        }
        return utf8.withContiguousStorageIfAvailable { run($0) } ?? run(nil)
    }

    /// Updates the layout after the UTF-8 range `old` of the line was replaced by text of
    /// `insertedBytes` bytes (no newline), `line` being the new text. Re-wraps from the row
    /// before the edit until the rows line up with the old ones again, then shifts the rest in
    /// place (one add per later row; nothing is copied).
    mutating func update(_ line: String, replaced old: Range<Int>, insertedBytes: Int) {
        let byteDelta = insertedBytes - old.count
        let newEnd = old.lowerBound + insertedBytes
        // The row before the edit's: its break may move when the edit's row changes.
        let firstRow = max(0, rowByOffset(old.lowerBound) - 1)
        var newStarts: [Int] = [], newOffsets: [Int] = []
        var resync: (row: Int, charDelta: Int)?
        let reached = Self.walk(line, width: width, from: starts[firstRow], utf8: offsets[firstRow]) { c, u in
            if u >= newEnd, u - byteDelta >= old.upperBound, let j = Self.find(u - byteDelta, in: offsets), j > firstRow {
                resync = (j, c - starts[j])
                return true
            }
            newStarts.append(c); newOffsets.append(u)
            return false
        }
        if let (j, d) = resync {
            if d != 0 || byteDelta != 0 {
                for k in j..<starts.count { starts[k] += d; offsets[k] += byteDelta }
            }
            starts.replaceSubrange((firstRow + 1)..<j, with: newStarts)
            offsets.replaceSubrange((firstRow + 1)..<j, with: newOffsets)
            count += d
        } else {
            starts.replaceSubrange((firstRow + 1)..., with: newStarts)
            offsets.replaceSubrange((firstRow + 1)..., with: newOffsets)
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
