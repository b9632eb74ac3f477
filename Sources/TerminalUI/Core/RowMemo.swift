#if canImport(Glibc)
import Glibc
#endif

/// Whole rows of a frame drawn from a key alone, kept between frames: while the key is the same,
/// the rows are copied from the last frame's instead of drawn again. A program's header and
/// footer change on few keys, and drawing them was a tenth of every keystroke.
///
/// The draw function must depend on nothing but the key and the canvas's size, draw only into
/// `rows`, and find those rows blank (they are copied whole, blanks included). One that moves the
/// cursor is not kept. Shared by copies of a program's state (a cache, not state), hence the lock.
///
/// `draw` is inlined into the caller so the keys compare there, specialized: compared through
/// the generic `Equatable` witness, a key cost half of drawing the rows again.
public final class RowMemo<Key: Equatable & Sendable>: @unchecked Sendable {
    @usableFromInline let lock = Lock()
    @usableFromInline var key: Key?
    @usableFromInline var size = (rows: -1, cols: -1)
    @usableFromInline var span = 0..<0
    @usableFromInline var cells: [Cell] = []
    /// Frames that copied the rows instead of drawing them (tests count them).
    public var hits: Int { lock.locked { hitCount } }
    @usableFromInline var hitCount = 0

    public init() {}

    @inlinable
    public func draw(into canvas: inout Canvas, rows: Range<Int>, key: Key, _ body: (inout Canvas) -> Void) {
        let rows = rows.clamped(to: 0..<canvas.rows)
        let cols = canvas.cols
        // Copied whole, so what was under them must be what the kept copy had under it.
        assert(canvas.rowCells(rows).allSatisfy { $0 == .blank }, "rows \(rows) were drawn on before their memo")
        // Checked and copied under one lock: the memo could change between two.
        let copied: Bool = lock.locked {
            guard self.key.map({ $0 == key }) == true, size == (canvas.rows, cols), span == rows else { return false }
            canvas.copyRows(rows, from: cells)
            hitCount += 1
            return true
        }
        if copied { return }
        let cursor = canvas.cursor
        body(&canvas)
        let keep = Self.same(cursor, canvas.cursor)
        let drawn = keep ? canvas.rowCells(rows) : []
        lock.locked {
            self.key = keep ? key : nil; size = (canvas.rows, cols); span = rows; cells = drawn
        }
    }

    @usableFromInline
    static func same(_ a: (row: Int, col: Int)?, _ b: (row: Int, col: Int)?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y
        default: return false
        }
    }
}

extension Canvas {
    /// The cells of `rows`, in order.
    @usableFromInline
    func rowCells(_ rows: Range<Int>) -> [Cell] { Array(cells[(rows.lowerBound * cols)..<(rows.upperBound * cols)]) }

    /// Writes `rows` from `source` (what `rowCells` gave for the same rows at this width).
    @usableFromInline
    mutating func copyRows(_ rows: Range<Int>, from source: [Cell]) {
        guard !rows.isEmpty else { return }
        let start = rows.lowerBound * cols, count = rows.count * cols
        precondition(source.count == count, "rows of another size")
        overwrite(from: start, with: source)
    }
}
