import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal's screen. Curses sets the terminal up (modes, colours, the alternate screen,
/// the size after a resize) and never draws: each frame is diffed once, by `FrameWriter`, into
/// one buffer sent with one write(2). (Drawn through curses, a frame was diffed twice, ours and
/// curses', and went out in several writes.) A new size or `invalidate()` redraws every cell.
public final class NCursesScreen: Screen {
    public private(set) var theme: Theme
    public var colorCount: Int { writer.capabilities.colors }
    private var writer: FrameWriter
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let size: () -> (rows: Int, cols: Int)
    /// write(2) calls made so far (one per frame that changed anything, unless the tty takes it in parts).
    public private(set) var writeCount = 0

    /// The screen curses set up (`initscr`): its size, colours and terminfo flags, on stdout.
    init(theme: Theme) {
        let caps = FrameWriter.Capabilities(colors: has_colors() ? Int(COLORS) : 0,
                                            backColorErase: ncs_back_color_erase() != 0,
                                            eatNewlineGlitch: ncs_eat_newline_glitch() != 0,
                                            insertDeleteChars: ncs_insert_delete_chars() != 0)
        self.theme = theme
        writer = FrameWriter(theme: theme, capabilities: caps)
        fd = 1
        size = { (Int(getmaxy(stdscr)), Int(getmaxx(stdscr))) }
    }

    /// A screen of `rows`×`cols` that writes to `fd` (tests read what each frame sends from a pipe).
    public init(theme: Theme, colors: Int, rows: Int, cols: Int, fd: Int32) {
        self.theme = theme
        writer = FrameWriter(theme: theme, capabilities: .init(colors: colors, backColorErase: true, eatNewlineGlitch: true, insertDeleteChars: true))
        self.fd = fd
        size = { (rows, cols) }
    }

    public var rows: Int { size().rows }
    public var cols: Int { size().cols }

    /// Forces the next `present` to redraw every cell (after the terminal was released).
    public func invalidate() { writer.invalidate() }

    /// Switches theme; colours degrade to what the terminal has (256, 16, 8, none → mono).
    public func setTheme(_ t: Theme) {
        theme = t
        writer.setTheme(t)
    }

    public func present(_ canvas: Canvas) {
        buffer.removeAll(keepingCapacity: true)
        writer.frame(canvas, into: &buffer)
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                writeCount += 1
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return }
                off += n
            }
        }
    }
}
