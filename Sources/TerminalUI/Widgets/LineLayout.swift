/// Where the soft-wrapped rows of one long line start, for one width: Character offsets with the
/// matching UTF-8 offsets, and the line's length in Characters. With it a key press in a line of
/// a megabyte finds its place, re-wraps and redraws only the rows around it: the cost of typing
/// does not grow with the line. Short lines do without (wrapping them is cheap).
struct LineLayout: Sendable {
    /// Lines at least this long (in UTF-8 bytes) keep a layout.
    static let minimumBytes = 1024

    private(set) var width: Int
    /// Characters and UTF-8 bytes in the line.
    private(set) var count = 0
    private(set) var bytes = 0
    /// Each row's first Character and its UTF-8 offset; row 0 starts at 0. The gap is at the row
    /// last edited, and the entries after it are counted back from the line's end: an edit then
    /// shifts every later row without touching one (a megabyte's line has 15,000 of them).
    private var starts: GapBuffer<Int>
    private var offsets: GapBuffer<Int>

    init(_ line: String, width: Int) {
        self.width = max(1, width)
        var starts = [0], offsets = [0]
        count = Self.walk(line, width: self.width, from: 0, utf8: 0) { c, u in
            starts.append(c); offsets.append(u); return false
        }
        bytes = line.utf8.count
        self.starts = GapBuffer(starts, filler: 0)
        self.offsets = GapBuffer(offsets, filler: 0)
    }

    static func wanted(_ line: String) -> Bool { wanted(bytes: line.utf8.count) }
    static func wanted(bytes: Int) -> Bool { bytes >= minimumBytes }

    var rowCount: Int { starts.count }
    /// Character offset of row `r`'s start.
    func start(_ r: Int) -> Int { r < starts.gapStart ? starts[r] : count - starts[r] }
    /// UTF-8 offset of row `r`'s start.
    func offset(_ r: Int) -> Int { r < offsets.gapStart ? offsets[r] : bytes - offsets[r] }
    /// The Character offsets of the row starts, in order (for tests and callers wanting an array).
    var rowStarts: [Int] { (0..<rowCount).map(start) }

    /// The row holding Character offset `column` (the last row whose start is at or before it).
    func row(of column: Int) -> Int {
        var lo = 0, hi = rowCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if start(mid) <= column { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Walks the text of a line from a row start (Character `c0`, UTF-8 offset `u0`), calling `row` at every
    /// new row start (Character, UTF-8 offset); `row` returning true ends the walk there. Returns
    /// the Character offset reached: the line's count when it ran to the end. The rule of
    /// `softWrapStarts` over Characters: break after a space when the next word does not fit, hard-break a word
    /// longer than a row; a space may hang past the edge. From a row start the rule depends on
    /// nothing before it, which is what makes re-wrapping from a row start (and stopping once the
    /// rows match the old ones again) exact.
    static func walk<S: StringProtocol>(_ line: S, width: Int, from c0: Int, utf8 u0: Int, row: (Int, Int) -> Bool) -> Int {
        if let reached = line.utf8.withContiguousStorageIfAvailable({
            walk(UnsafeBufferPointer(rebasing: $0[u0...]), width: width, from: c0, utf8: u0, row: row)
        }) { return reached }
        var copy = String(line)
        return copy.withUTF8 { walk(UnsafeBufferPointer(rebasing: $0[u0...]), width: width, from: c0, utf8: u0, row: row) }
    }

    /// The same walk over the bytes from a row start to the end of the line (`bytes[0]` is the
    /// line's UTF-8 offset `u0`).
    static func walk(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, from c0: Int, utf8 u0: Int, row: (Int, Int) -> Bool) -> Int {
        let n = bytes.count
        var rowStart = c0
        var i = c0, k = 0
        var col = 0, lastBreak = -1, lastBreakK = 0, colAtBreak = 0
        while k < n {
            // A printable ASCII byte followed by another ASCII byte (or the end) is a whole Character of
            // one column: no grapheme rule joins two such bytes. Those are walked as bytes; anything
            // else is taken as a Character (an edit that re-wraps to the end of a 1 MB line walked
            // every Character of it).
            let w: Int, len: Int, space: Bool
            if bytes[k] >= 0x20, bytes[k] < 0x7F, k + 1 == n || bytes[k + 1] < 0x80 {
                w = 1; len = 1; space = bytes[k] == 0x20
            } else {
                let ch = character(in: bytes, at: k)
                w = displayWidth(ch); len = ch.utf8.count; space = ch == " "
            }
            if col + w > width, i > rowStart, !space {
                let start: Int, startK: Int
                if lastBreak > rowStart { start = lastBreak; startK = lastBreakK; col -= colAtBreak }
                else { start = i; startK = k; col = 0 }
                if row(start, u0 + startK) { WorkCounter.wrapping?.count += i - c0; return start }
                rowStart = start
                lastBreak = -1
            }
            col += w
            i += 1
            k += len
            if space { lastBreak = i; lastBreakK = k; colAtBreak = col }
        }
        WorkCounter.wrapping?.count += i - c0
        return i
    }

    /// The Character that starts at `bytes[k]` (a Character boundary; the bytes run to the end of
    /// the line), decoded from a short stretch. The stretch ends after an ASCII byte followed by
    /// another (no Character goes on past those) or, in a long run of other text, at a scalar
    /// boundary, made longer while the Character might go on past it.
    static func character(in bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Character {
        let n = bytes.count
        var limit = 64
        while true {
            var end = k + 1, closed = false
            while end < n, end - k < limit {
                let b = bytes[end]
                end += 1
                if b < 0x80, end == n || bytes[end] < 0x80 { closed = true; break }
            }
            if end == n { closed = true }
            // Never cut a scalar (String would repair it, the slow way).
            while !closed, end < n, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let ch = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self).first!
            // A whole scalar after it in the stretch settles where it ends.
            if closed || ch.utf8.count < end - k { return ch }
            limit *= 4
        }
    }

    /// Rows re-wrapped past an edit at most. Greedy wrapping does not always line up with the old
    /// rows again (in regular text an inserted letter can push a word down every row to the
    /// end), so the walk stops soon after the edit (see `frontiers`); the text area walks on
    /// over the rows it shows.
    static let rewrapRows = 16

    /// Rows whose end is not known to be where a wrap of the whole line puts it: the walk after an
    /// edit stopped there, and kept the old rows after it. Those are still a wrap of the text
    /// from their own start (the text after them did not change), so every row fits and the
    /// line reads right; `settle` walks on from the first of them when it comes into view.
    private(set) var frontiers: [Int] = []

    /// Updates the layout after the UTF-8 range `old` of the line was replaced by text of
    /// `insertedBytes` bytes (no newline), `text` being the new text. Re-wraps from the row
    /// before the edit until the rows line up with the old ones again (or `rewrapRows` on); the
    /// rows after that shift with the line's new length (nothing is copied or touched).
    mutating func update(_ text: inout GapBuffer<UInt8>, replaced old: Range<Int>, insertedBytes: Int) {
        // The row before the edit's: its break may move when the edit's row changes.
        rewrap(&text, from: max(0, rowByOffset(old.lowerBound) - 1), replaced: old, insertedBytes: insertedBytes)
    }

    /// Walks on from the first frontier at or before row `row`, until none is left there.
    mutating func settle(_ text: inout GapBuffer<UInt8>, upTo row: Int) {
        while let f = frontiers.first, f <= row {
            let u = offset(f)
            rewrap(&text, from: f, replaced: u..<u, insertedBytes: 0)
        }
    }

    private mutating func rewrap(_ text: inout GapBuffer<UInt8>, from firstRow: Int, replaced old: Range<Int>, insertedBytes: Int) {
        let byteDelta = insertedBytes - old.count
        let newEnd = old.lowerBound + insertedBytes
        let c0 = start(firstRow), u0 = offset(firstRow)
        var newStarts: [Int] = [], newOffsets: [Int] = []
        var resync: (row: Int, charDelta: Int)?
        var stop: (c: Int, u: Int)?
        // The walk reads the bytes from its row on, so the text's gap goes there (a row before
        // the edit: the next key moves it back as far).
        let reached = text.withContiguous(from: u0) { bytes in
            Self.walk(bytes, width: width, from: c0, utf8: u0) { c, u in
                if u >= newEnd, u - byteDelta >= old.upperBound, let j = find(u - byteDelta), j > firstRow {
                    resync = (j, c - start(j))
                    return true
                }
                newStarts.append(c); newOffsets.append(u)
                if newStarts.count > Self.rewrapRows, u >= newEnd { stop = (c, u); return true }
                return false
            }
        }
        var raggedRow: Int?
        var newCount = reached
        if let (c, u) = stop {
            // The old row holding the stop (wholly after the edit) ends where the kept rows
            // begin; the new row from the stop to there is a piece of it, so it fits.
            let j = rowByOffset(u - byteDelta) + 1
            raggedRow = firstRow + newStarts.count
            let end = j < rowCount ? offset(j) + byteDelta : bytes + byteDelta
            let tail = text.withContiguous(u..<end) { String(decoding: $0, as: UTF8.self).count }
            if j < rowCount { resync = (j, c + tail - start(j)) } else { newCount = c + tail }
        }
        let upTo = resync?.row ?? rowCount
        let added = newStarts.count - (upTo - firstRow - 1)
        // Frontiers in the rows walked are gone; later ones move with the rows.
        frontiers = frontiers.filter { $0 < firstRow } + (raggedRow.map { [$0] } ?? [])
            + frontiers.filter { $0 >= upTo }.map { $0 + added }
        // Entries crossing the gap are re-counted against the totals they were stored with.
        let (total, totalBytes) = (count, bytes)
        starts.replace((firstRow + 1)..<upTo, with: newStarts) { $0 = total - $0 }
        offsets.replace((firstRow + 1)..<upTo, with: newOffsets) { $0 = totalBytes - $0 }
        count = resync.map { count + $0.charDelta } ?? newCount
        bytes += byteDelta
    }

    /// The row holding UTF-8 offset `u`.
    func rowByOffset(_ u: Int) -> Int {
        var lo = 0, hi = rowCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offset(mid) <= u { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The row starting exactly at UTF-8 offset `u`, if one does.
    private func find(_ u: Int) -> Int? {
        var lo = 0, hi = rowCount - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let o = offset(mid)
            if o == u { return mid }
            if o < u { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
