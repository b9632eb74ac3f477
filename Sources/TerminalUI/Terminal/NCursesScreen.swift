import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal. Presents a canvas by writing only the cells that changed since the previous
/// frame into curses' screen, then `refresh` (curses sends only what differs); a new size or
/// `invalidate()` redraws everything after `erase` (never `clear`, which flickers).
public final class NCursesScreen: Screen {
    public private(set) var theme: Theme
    public private(set) var colorCount: Int = 0
    private var previous: Canvas?
    private var pairs: [ThemeSlot: (pair: Int16, attrs: attr_t)] = [:]
    private var cursorVisible: Int32 = -1

    init(theme: Theme) {
        self.theme = theme
        setTheme(theme)
    }

    public var rows: Int { Int(getmaxy(stdscr)) }
    public var cols: Int { Int(getmaxx(stdscr)) }

    /// Forces the next `present` to redraw every cell (after the terminal was released).
    public func invalidate() { previous = nil }

    /// Switches theme; colours degrade to what the terminal has (256, 16, 8, none → mono).
    public func setTheme(_ t: Theme) {
        theme = t
        colorCount = has_colors() ? Int(COLORS) : 0
        let effective = colorCount >= 8 ? t : ThemeLoader.builtInMono
        pairs = [:]
        for (i, slot) in ThemeSlot.allCases.enumerated() {
            let s = effective.style(for: slot)
            var pair: Int16 = 0
            if colorCount >= 8, i + 1 < Int(COLOR_PAIRS) {
                let fg = Int16(s.foreground.index(forColors: colorCount) ?? -1)
                let bg = Int16(s.background.index(forColors: colorCount) ?? -1)
                init_pair(Int16(i + 1), fg, bg)
                pair = Int16(i + 1)
            }
            pairs[slot] = (pair, Self.attrs(s.attributes))
        }
        invalidate()
    }

    static func attrs(_ a: TextAttributes) -> attr_t {
        var r = ncs_A_NORMAL()
        if a.contains(.bold) { r |= ncs_A_BOLD() }
        if a.contains(.dim) { r |= ncs_A_DIM() }
        if a.contains(.underline) { r |= ncs_A_UNDERLINE() }
        if a.contains(.reverse) { r |= ncs_A_REVERSE() }
        if a.contains(.italic) { r |= ncs_A_ITALIC() }
        return r
    }

    private func apply(_ style: Style) {
        let p = pairs[style.slot] ?? (0, ncs_A_NORMAL())
        attr_set(p.attrs | Self.attrs(style.attributes), p.pair, nil)
    }

    private func draw(_ canvas: Canvas, row: Int, from c0: Int, to c1: Int) {
        var c = c0
        var buf: [wchar_t] = []
        while c < c1 {
            let style = canvas[row, c].style
            let start = c
            buf.removeAll(keepingCapacity: true)
            while c < c1, canvas[row, c].style == style {
                let cell = canvas[row, c]
                if cell.width != 0 { cell.forEachScalar { buf.append(wchar_t(bitPattern: $0.value)) } }
                c += 1
            }
            apply(style)
            buf.withUnsafeBufferPointer { _ = mvaddnwstr(Int32(row), Int32(start), $0.baseAddress, Int32($0.count)) }
        }
    }

    public func present(_ canvas: Canvas) {
        let full = previous.map { $0.rows != canvas.rows || $0.cols != canvas.cols } ?? true
        if full {
            erase()
            for r in 0..<canvas.rows { draw(canvas, row: r, from: 0, to: canvas.cols) }
        } else if let prev = previous {
            for r in 0..<canvas.rows {
                var c = 0
                while c < canvas.cols {
                    guard canvas[r, c] != prev[r, c] else { c += 1; continue }
                    // A changed run, widened to whole wide characters.
                    var start = c
                    if canvas[r, start].width == 0, start > 0 { start -= 1 }
                    var end = c
                    while end < canvas.cols, canvas[r, end] != prev[r, end] || canvas[r, end].width == 0 { end += 1 }
                    if end < canvas.cols, canvas[r, end - 1].width == 2 { end += 1 }
                    draw(canvas, row: r, from: start, to: min(end, canvas.cols))
                    c = end
                }
            }
        }
        if let cur = canvas.cursor, cur.row >= 0, cur.row < canvas.rows, cur.col >= 0, cur.col < canvas.cols {
            move(Int32(cur.row), Int32(cur.col))
            if cursorVisible != 1 { curs_set(1); cursorVisible = 1 }
        } else if cursorVisible != 0 {
            curs_set(0); cursorVisible = 0
        }
        previous = canvas
        refresh()
    }
}
