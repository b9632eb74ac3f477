import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Owns the terminal while a full-screen program runs: locale (UTF-8, with a C.UTF-8 fallback),
/// curses modes, colours, mouse, bracketed paste, the guards that restore the terminal on signals,
/// crashes and `exit()`, and stderr held until the end. Start one at a time.
public final class Terminal: InputSource {
    public struct Options: Sendable {
        public var mouse = true
        /// ms to wait after ESC before it counts as the Escape key (not Alt+key).
        public var escapeDelay: Int32 = 25
        public var theme: Theme = ThemeLoader.builtInDefault
        public init() {}
    }

    public let screen: NCursesScreen
    /// Set when the locale was not UTF-8 and C.UTF-8 was used instead.
    public private(set) var localeWarning: String?
    private var decoder = InputDecoder()
    private var inputBuffer: [UInt8] = []
    /// Read end of the pipe the SIGWINCH handler writes to (the run loop polls it).
    public var resizeFD: Int32 { resizePipeReadFD }
    private var active = false
    private let options: Options

    public init(options: Options = Options()) {
        self.options = options
        localeWarning = Terminal.setUpLocale()
        holdStderr()
        if let w = localeWarning { Terminal.writeStderr("warning: \(w)\n") } // replayed after exit
        initscr()
        markCursesActive(true)
        active = true
        raw(); noecho(); nonl()
        // Input never goes through curses: `readEvents` reads the tty itself, in bulk, and one
        // decoder turns the bytes into keys (curses would read one byte per read(2) and decode
        // escape sequences a second time). keypad only sends the terminal's keypad mode.
        keypad(stdscr, true)
        // No poll for typeahead before every refresh: curses never reads input here.
        typeahead(-1)
        if has_colors() { start_color(); use_default_colors() }
        screen = NCursesScreen(theme: options.theme)
        installTerminalGuards()
        enableModes()
    }

    deinit { if active { stop() } }

    /// Sets LC_ALL from the environment; when that is not UTF-8 (unset LANG, a locale that is not
    /// installed), falls back to C.UTF-8 and says so. Without UTF-8, curses drops typed non-ASCII
    /// and draws it as blanks.
    static func setUpLocale() -> String? {
        setlocale(LC_ALL, "")
        if isUTF8() { return nil }
        let before = String(cString: nl_langinfo(nl_item(CODESET)))
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8() {
            return "the locale's character set is \(before), not UTF-8; using C.UTF-8 (set LANG to a UTF-8 locale to silence this)"
        }
        return "the locale's character set is \(before), not UTF-8, and C.UTF-8 is not available: non-ASCII text will not work"
    }

    static func isUTF8() -> Bool {
        let cs = String(cString: nl_langinfo(nl_item(CODESET))).lowercased()
        return cs == "utf-8" || cs == "utf8"
    }

    static func writeStderr(_ s: String) {
        var s = s
        s.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    private func enableModes() {
        if options.mouse {
            mousemask(ncs_BUTTON1_PRESSED() | ncs_BUTTON1_RELEASED() | ncs_BUTTON4_PRESSED() | ncs_BUTTON5_PRESSED() | ncs_BUTTON3_PRESSED(), nil)
            mouseinterval(0)
        }
        // Curses writes only here (its start-up clear, keypad and mouse modes): frames are ours.
        refresh()
        // putp() does not reach tmux; a direct write does.
        let on = Array("\u{1B}[?2004h".utf8)
        _ = on.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }

    /// Ends curses and puts the terminal back; replays held stderr.
    public func stop() {
        guard active else { return }
        active = false
        restoreTerminal()
    }

    /// Releases the terminal, runs `body` (an editor, a pager), and takes the terminal back,
    /// redrawing everything on the next frame.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        restoreTerminal()
        defer { reacquire() }
        return try body()
    }

    private func reacquire() {
        holdStderr()
        reset_prog_mode()
        markCursesActive(true)
        refresh()
        enableModes()
        screen.invalidate()
    }

    /// Suspends the process (Ctrl-Z) with the terminal restored; resumes in full-screen mode.
    public func suspend() {
        withTerminalReleased { stopProcessForJobControl() }
    }

    /// Reads every event available now, without waiting. `timedOut` flushes a pending ESC.
    /// A resize (SIGWINCH, noted by the guard's pipe) comes first, with the new size applied.
    public func readEvents(timedOut: Bool = false) -> [InputEvent] {
        var out: [InputEvent] = []
        if takeResize() {
            var ws = winsize()
            if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0,
               Int(ws.ws_row) != screen.rows || Int(ws.ws_col) != screen.cols {
                resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
            }
            out.append(.resize(rows: screen.rows, cols: screen.cols))
        }
        // FIONREAD says how much is there, so the read never blocks and takes it all at once.
        var available: Int32 = 0
        while ioctl(0, UInt(FIONREAD), &available) == 0, available > 0 {
            let want = Int(available)
            if inputBuffer.count < want { inputBuffer = [UInt8](repeating: 0, count: max(want, 4096)) }
            let n = inputBuffer.withUnsafeMutableBytes { read(0, $0.baseAddress, want) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            out += inputBuffer.withUnsafeBufferPointer { decoder.feed(buffer: UnsafeBufferPointer(rebasing: $0[..<n])) }
            if n < want { break }
            // A paste bigger than one read: take what has arrived meanwhile too (without waiting).
            if !decoder.isInPaste { break }
        }
        if timedOut, !decoder.isInPaste { out += decoder.flush() }
        return out
    }

    /// True when an ESC waits for the next key (the loop then polls with the ESC delay).
    public var inputPending: Bool { decoder.isPending }

    /// The tty and the resize pipe.
    public var readinessFDs: [Int32] { [0, resizeFD] }
    public var pendingTimeout: Int32? { decoder.isPending ? options.escapeDelay : nil }
    /// A closed terminal sends SIGHUP; reads never end the loop themselves.
    public var isClosed: Bool { false }
}
