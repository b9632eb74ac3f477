import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Owns the terminal while a full-screen program runs: locale (UTF-8, with a C.UTF-8 fallback),
/// curses modes, colours, mouse, bracketed paste, the guards that restore the terminal on signals,
/// crashes and `exit()`, and stderr held until the end. Start one at a time.
public final class Terminal {
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
        keypad(stdscr, true)
        nodelay(stdscr, true)
        set_escdelay(options.escapeDelay)
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
        define_key("\u{1B}[200~", InputDecoder.pasteStartCode)
        define_key("\u{1B}[201~", InputDecoder.pasteEndCode)
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
    public func readEvents(timedOut: Bool = false) -> [InputEvent] {
        var out: [InputEvent] = []
        var wch: wint_t = 0
        while true {
            let r = get_wch(&wch)
            if r == ERR { break }
            if r == KEY_CODE_YES {
                let code = Int32(bitPattern: wch)
                if code == KEY_RESIZE {
                    out.append(.resize(rows: screen.rows, cols: screen.cols))
                } else if code == KEY_MOUSE {
                    var ev = MEVENT()
                    if getmouse(&ev) == OK, let m = Terminal.mouse(ev) { out.append(.mouse(m)) }
                } else {
                    let name = keyname(code).map { String(cString: $0) }
                    out += decoder.feed(keyCode: code, name: name)
                }
            } else if let s = Unicode.Scalar(UInt32(wch)) {
                out += decoder.feed(scalar: s)
            }
        }
        if timedOut, !decoder.isInPaste { out += decoder.flush() }
        return out
    }

    /// True when an ESC waits for the next key (the loop then polls with the ESC delay).
    public var inputPending: Bool { decoder.isPending }

    static func mouse(_ ev: MEVENT) -> MouseEvent? {
        let b = ev.bstate
        var mods: Modifiers = []
        if b & ncs_BUTTON_SHIFT() != 0 { mods.insert(.shift) }
        if b & ncs_BUTTON_CTRL() != 0 { mods.insert(.ctrl) }
        if b & ncs_BUTTON_ALT() != 0 { mods.insert(.alt) }
        let kind: MouseEvent.Kind
        if b & ncs_BUTTON4_PRESSED() != 0 { kind = .wheelUp }
        else if ncs_BUTTON5_PRESSED() != 0, b & ncs_BUTTON5_PRESSED() != 0 { kind = .wheelDown }
        else if b & ncs_BUTTON1_PRESSED() != 0 || b & ncs_BUTTON1_CLICKED() != 0 { kind = .press(button: 1) }
        else if b & ncs_BUTTON3_PRESSED() != 0 { kind = .press(button: 3) }
        else if b & ncs_BUTTON1_RELEASED() != 0 { kind = .release }
        else { return nil }
        return MouseEvent(kind, row: Int(ev.y), col: Int(ev.x), modifiers: mods)
    }
}
