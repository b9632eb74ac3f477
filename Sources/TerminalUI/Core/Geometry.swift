/// A rectangle of cells: top-left corner plus size. Layout helpers return new rects.
public struct Rect: Equatable, Sendable, Hashable {
    public var row: Int, col: Int, width: Int, height: Int
    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row; self.col = col; self.width = max(0, width); self.height = max(0, height)
    }
    public var bottom: Int { row + height }
    public var right: Int { col + width }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(row r: Int, col c: Int) -> Bool { r >= row && r < bottom && c >= col && c < right }
    /// Shrunk by `d` on every side.
    public func inset(by d: Int) -> Rect { Rect(row: row + d, col: col + d, width: width - 2 * d, height: height - 2 * d) }
    public func inset(top: Int = 0, left: Int = 0, bottom b: Int = 0, right r: Int = 0) -> Rect {
        Rect(row: row + top, col: col + left, width: width - left - r, height: height - top - b)
    }
    /// The first `n` rows, and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(row: row, col: col, width: width, height: n), Rect(row: row + n, col: col, width: width, height: height - n))
    }
    /// The first `n` columns, and the rest.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), width)
        return (Rect(row: row, col: col, width: n, height: height), Rect(row: row, col: col + n, width: width - n, height: height))
    }
    /// A rect of the given size centred in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let w = min(w, width), h = min(h, height)
        return Rect(row: row + (height - h) / 2, col: col + (width - w) / 2, width: w, height: h)
    }
}
