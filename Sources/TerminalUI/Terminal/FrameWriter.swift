#if canImport(Glibc)
import Glibc
#endif

/// Turns each frame into the bytes that take the terminal from the frame before to it. This is
/// the render path's one diff: row by row (a row that did not change costs one `memcmp`), then
/// the changed runs of cells. The terminal's cursor and attributes are tracked across frames, so
/// a character typed at the cursor sends about one byte.
///
/// The sequences are the ECMA-48 / xterm ones every terminal curses describes as xterm, screen,
/// tmux or linux takes: CUP, CHA, CUF (moves), SGR with 8, 16 or 256 colours, EL, DECTCEM.
struct FrameWriter {
    struct Capabilities: Sendable {
        /// Colours the terminal has (0: monochrome; the mono theme is used below 8).
        var colors: Int
        /// EL paints the current background colour (terminfo `bce`).
        var backColorErase: Bool
        /// Writing the last column does not wrap at once (`xenl`), so the bottom-right cell is safe.
        var eatNewlineGlitch: Bool
        /// ICH and DCH with a count (terminfo `ich`, `dch`): a character typed into, or erased
        /// from, the middle of a row shifts the rest of the row instead of rewriting it.
        var insertDeleteChars: Bool = false
    }

    let capabilities: Capabilities
    private(set) var theme: Theme
    /// What the terminal shows (valid while `shownValid`).
    private var shown: [Cell] = []
    private var shownRows = 0, shownCols = 0, shownValid = false
    /// SGR sequences by style, shared by styles that look the same; the one in effect (-1: unknown).
    /// By `key(of:)`; -1 until a style is first seen (a dictionary lookup per cell was a tenth of a frame).
    private var sgrIndex = Self.noStylesSeen
    private static let noStylesSeen = [Int](repeating: -1, count: ThemeSlot.allCases.count << 8)
    private var sgrBytes: [[UInt8]] = []
    private var erasable: [Bool] = []
    private var currentSGR = -1
    /// The terminal's cursor (-1: unknown, e.g. after writing the last column).
    private var row = -1, col = -1
    private var cursorShown: Bool?

    init(theme: Theme, capabilities: Capabilities) {
        self.theme = theme
        self.capabilities = capabilities
    }

    /// Forgets what the terminal shows: the next frame is drawn whole.
    mutating func invalidate() {
        shownValid = false
        currentSGR = -1
        row = -1; col = -1
        cursorShown = nil
    }

    mutating func setTheme(_ t: Theme) {
        theme = t
        sgrIndex = Self.noStylesSeen; sgrBytes = []; erasable = []
        invalidate()
    }

    /// Appends to `out` what changes the terminal from the last frame to `canvas`.
    mutating func frame(_ canvas: Canvas, into out: inout [UInt8]) {
        let rows = canvas.rows, cols = canvas.cols
        let full = !shownValid || shownRows != rows || shownCols != cols
        if full {
            shown = Array(repeating: .blank, count: rows * cols)
            shownRows = rows; shownCols = cols; shownValid = true
        }
        let rowBytes = cols * MemoryLayout<Cell>.stride
        // Taken out while the rows are written (emitRun mutates self), put back after: no copy.
        var shownCells: [Cell] = []
        swap(&shownCells, &shown)
        defer { swap(&shownCells, &shown) }
        canvas.cells.withUnsafeBufferPointer { new in
            shownCells.withUnsafeMutableBufferPointer { old in
                for r in 0..<rows {
                    let base = r * cols
                    if !full, memcmp(new.baseAddress! + base, old.baseAddress! + base, rowBytes) == 0 { continue }
                    if full {
                        emitRun(new, row: r, from: 0, to: cols, rows: rows, cols: cols, into: &out)
                    } else if capabilities.insertDeleteChars,
                              shiftRow(new: new, old: UnsafeBufferPointer(old), row: r, cols: cols, rows: rows, into: &out) {
                    } else {
                        var c = 0
                        while c < cols {
                            guard new[base + c] != old[base + c] else { c += 1; continue }
                            // A changed run, widened to whole wide characters.
                            var start = c
                            if new[base + start].width == 0, start > 0 { start -= 1 }
                            var end = c
                            while end < cols, new[base + end] != old[base + end] || new[base + end].width == 0 { end += 1 }
                            if end < cols, new[base + end - 1].width == 2 { end += 1 }
                            // Erased to the end of the row: what is after the run is blank already.
                            if emitRun(new, row: r, from: start, to: min(end, cols), rows: rows, cols: cols, into: &out) { break }
                            c = end
                        }
                    }
                    for c in base..<(base + cols) { old[c] = new[c] }
                }
            }
        }
        if let cur = canvas.cursor, cur.row >= 0, cur.row < rows, cur.col >= 0, cur.col < cols {
            move(to: cur.row, cur.col, into: &out)
            if cursorShown != true { out += Self.showCursor; cursorShown = true }
        } else if cursorShown != false {
            out += Self.hideCursor; cursorShown = false
        }
    }

    /// A row whose change is `k` cells inserted at one column (what follows moved right) or
    /// deleted there (what follows moved left), up to a column after which nothing changed: what
    /// typing or erasing in the middle of a line does. Sent as ICH plus the new cells, or DCH,
    /// instead of the rest of the row; when something after the change stays put (a border, a
    /// scroll bar), a DCH or ICH there puts it back. Returns false, sending nothing, otherwise.
    private mutating func shiftRow(new: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>, row r: Int,
                                   cols: Int, rows: Int, into out: inout [UInt8]) -> Bool {
        let base = r * cols
        var a = 0
        while a < cols, new[base + a] == old[base + a] { a += 1 }
        var z = cols
        while z > a, new[base + z - 1] == old[base + z - 1] { z -= 1 }
        // Short changes cost less written out.
        guard z - a >= 8 else { return false }
        // Blanks that look alike after the change shift onto themselves: then the shift runs to
        // the row's end, and only the cells that cross z must be such blanks too.
        var blankLook: Int?
        if z < cols, new[base + z].isPlainBlank, eraseOK(new[base + z].style) {
            let look = index(of: new[base + z].style)
            var c = z + 1
            while c < cols, new[base + c].isPlainBlank, index(of: new[base + c].style) == look { c += 1 }
            if c == cols { blankLook = look }
        }
        // A second shift, to put back what follows, costs more.
        guard blankLook != nil || z == cols || z - a >= 20 else { return false }
        // The bottom-right cell is never written without xenl; keep to the general path there.
        if r == rows - 1, !capabilities.eatNewlineGlitch { return false }
        let stride = MemoryLayout<Cell>.stride
        func same(_ p: UnsafeBufferPointer<Cell>, _ i: Int, _ q: UnsafeBufferPointer<Cell>, _ j: Int, _ n: Int) -> Bool {
            memcmp(p.baseAddress! + base + i, q.baseAddress! + base + j, n * stride) == 0
        }
        func blanks(_ p: UnsafeBufferPointer<Cell>, _ range: Range<Int>, _ look: Int) -> Bool {
            range.allSatisfy { p[base + $0].isPlainBlank && index(of: p[base + $0].style) == look }
        }
        // Every column a shift starts or ends at must start a character in both frames.
        func starts(_ cs: Int...) -> Bool {
            cs.allSatisfy { $0 >= cols || (new[base + $0].width != 0 && old[base + $0].width != 0) }
        }
        for k in 1...min(4, z - a - 1) where starts(a, a + k, z - k, z, cols - k) {
            if same(new, a + k, old, a, z - a - k), blankLook.map({ blanks(old, (z - k)..<z, $0) }) ?? true {
                move(to: r, a, into: &out)
                shift(.insert, k, into: &out)
                emitRun(new, row: r, from: a, to: a + k, rows: rows, cols: cols, into: &out)
                // What was pushed past z comes back; blanks come in at the end of the row.
                if z < cols, blankLook == nil { move(to: r, z, into: &out); refill(new, row: r, k: k, cols: cols, rows: rows, into: &out) }
                return true
            }
            if same(new, a, old, a + k, z - a - k), blankLook.map({ blanks(new, (z - k)..<z, $0) }) ?? true {
                move(to: r, a, into: &out)
                if z < cols, blankLook == nil {
                    shift(.delete, k, into: &out)
                    move(to: r, z - k, into: &out)
                    shift(.insert, k, into: &out)
                    emitRun(new, row: r, from: z - k, to: z, rows: rows, cols: cols, into: &out)
                } else {
                    refill(new, row: r, k: k, cols: cols, rows: rows, into: &out)
                }
                return true
            }
        }
        return false
    }

    private enum Shift { case insert, delete }

    private mutating func shift(_ s: Shift, _ k: Int, into out: inout [UInt8]) {
        out += [0x1B, 0x5B]
        if k > 1 { appendNumber(k, to: &out) }
        out.append(s == .insert ? 0x40 : 0x50) // ICH, DCH
    }

    /// DCH of `k` at the cursor, then the row's last `k` cells as they should be: DCH brings in
    /// blanks in the background of the style in effect, which is all that is needed when the row
    /// ends in blanks EL could draw.
    private mutating func refill(_ new: UnsafeBufferPointer<Cell>, row r: Int, k: Int, cols: Int, rows: Int,
                                 into out: inout [UInt8]) {
        let base = r * cols
        let tail = new[base + cols - 1]
        var blank = tail.isPlainBlank && eraseOK(tail.style)
        if blank {
            let look = index(of: tail.style)
            for c in (cols - k)..<cols where !new[base + c].isPlainBlank || index(of: new[base + c].style) != look { blank = false }
            setStyle(tail.style, into: &out)
        }
        shift(.delete, k, into: &out)
        if !blank { emitRun(new, row: r, from: cols - k, to: cols, rows: rows, cols: cols, into: &out) }
    }

    static let showCursor = Array("\u{1B}[?25h".utf8)
    static let hideCursor = Array("\u{1B}[?25l".utf8)

    /// Writes cells [c0, c1) of row `r`. A run whose last cells are blanks that go on, alike, to
    /// the end of the row ends in EL instead (a placeholder or a word cleared from a field is one
    /// erase, not a space per cell); returns true then.
    @discardableResult
    private mutating func emitRun(_ cells: UnsafeBufferPointer<Cell>, row r: Int, from c0: Int, to c1: Int,
                                  rows: Int, cols: Int, into out: inout [UInt8]) -> Bool {
        let base = r * cols
        var stop = c1
        var erase = false
        let last = cells[base + cols - 1]
        if last.isPlainBlank, eraseOK(last.style) {
            // Blanks alike on the terminal: styles that share an SGR (a field's and the background's).
            let look = index(of: last.style)
            var k = cols - 1
            while k > c0, cells[base + k - 1].isPlainBlank,
                  cells[base + k - 1].style == last.style || index(of: cells[base + k - 1].style) == look { k -= 1 }
            if k <= c1, c1 - k >= 4 { stop = k; erase = true }
        }
        if stop > c0 { move(to: r, c0, into: &out) }
        var c = c0
        while c < stop {
            let cell = cells[base + c]
            if cell.width == 0 { c += 1; continue }
            // Without xenl, writing the bottom-right cell would scroll the screen.
            if r == rows - 1, c + Int(cell.width) >= cols, !capabilities.eatNewlineGlitch { break }
            setStyle(cell.style, into: &out)
            cell.forEachScalar { appendUTF8($0, to: &out) }
            c += Int(cell.width)
            col = c >= cols ? -1 : c
            if col < 0 { row = -1 }
        }
        if erase {
            move(to: r, stop, into: &out)
            setStyle(cells[base + stop].style, into: &out)
            out += [0x1B, 0x5B, 0x4B] // ESC [ K
        }
        return erase
    }

    private mutating func move(to r: Int, _ c: Int, into out: inout [UInt8]) {
        if row == r, col == c { return }
        if row == r, col >= 0, c > col, c - col < 10 {
            out += [0x1B, 0x5B]; appendNumber(c - col, to: &out); out.append(0x43) // CUF
        } else if row == r, col >= 0 {
            out += [0x1B, 0x5B]; appendNumber(c + 1, to: &out); out.append(0x47) // CHA
        } else {
            out += [0x1B, 0x5B]; appendNumber(r + 1, to: &out)
            if c > 0 { out.append(0x3B); appendNumber(c + 1, to: &out) }
            out.append(0x48) // CUP
        }
        row = r; col = c
    }

    private mutating func setStyle(_ style: Style, into out: inout [UInt8]) {
        let i = index(of: style)
        if i != currentSGR { out += sgrBytes[i]; currentSGR = i }
    }

    private mutating func eraseOK(_ style: Style) -> Bool { erasable[index(of: style)] }

    /// The SGR sequence for `style` (absolute: it starts with a reset), made once per style.
    private mutating func index(of style: Style) -> Int {
        let key = Self.key(of: style)
        if sgrIndex[key] >= 0 { return sgrIndex[key] }
        let colors = capabilities.colors
        let s = (colors >= 8 ? theme : ThemeLoader.builtInMono).style(for: style.slot)
        let a = s.attributes.union(style.attributes)
        var seq: [UInt8] = [0x1B, 0x5B, 0x30]
        func param(_ n: Int) { seq.append(0x3B); appendNumber(n, to: &seq) }
        if a.contains(.bold) { param(1) }
        if a.contains(.dim) { param(2) }
        if a.contains(.italic) { param(3) }
        if a.contains(.underline) { param(4) }
        if a.contains(.reverse) { param(7) }
        var bgDefault = true
        if colors >= 8 {
            if let f = s.foreground.index(forColors: colors) {
                if f < 8 { param(30 + f) } else if f < 16 { param(90 + f - 8) } else { param(38); param(5); param(f) }
            }
            if let b = s.background.index(forColors: colors) {
                bgDefault = false
                if b < 8 { param(40 + b) } else if b < 16 { param(100 + b - 8) } else { param(48); param(5); param(b) }
            }
        }
        seq.append(0x6D) // m
        // An erased cell shows no underline or reverse, and the background only with bce.
        let canErase = !a.contains(.underline) && !a.contains(.reverse) && (bgDefault || capabilities.backColorErase)
        let i: Int
        if let same = sgrBytes.firstIndex(of: seq), erasable[same] == canErase { i = same } else {
            i = sgrBytes.count
            sgrBytes.append(seq)
            erasable.append(canErase)
        }
        sgrIndex[key] = i
        return i
    }

    /// A style's slot (a field-less enum is stored as its case's ordinal) and its attributes.
    @inline(__always)
    private static func key(of style: Style) -> Int {
        Int(unsafeBitCast(style.slot, to: UInt8.self)) << 8 | Int(style.attributes.rawValue)
    }
}

@inline(__always)
private func appendNumber(_ n: Int, to out: inout [UInt8]) {
    if n >= 10 { appendNumber(n / 10, to: &out) }
    out.append(UInt8(48 + n % 10))
}

@inline(__always)
private func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    let v = s.value
    switch v {
    case 0..<0x80: out.append(UInt8(v))
    case 0x80..<0x800: out += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
    case 0x800..<0x10000: out += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
    default: out += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
    }
}

extension Cell {
    /// A space with no marks: what EL leaves.
    var isPlainBlank: Bool { scalar == " " && width == 1 && !hasMarks }
}
