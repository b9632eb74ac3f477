import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// What the run loop hands a program's update function.
public enum AppEvent<Message: Sendable>: Sendable {
    case input(InputEvent)
    /// A message posted to the mailbox (from any thread) or scheduled with `App.schedule`.
    case message(Message)
    /// SIGTERM or SIGHUP arrived (with `Options.handlesTermination`): save and quit. A second
    /// one ends the process at once.
    case terminate(signal: Int32)
}

/// What update tells the loop.
public enum LoopAction: Equatable, Sendable {
    case `continue`
    case quit(Int32)
}

/// The run loop for a full-screen program, Elm style: one state value, `update` for every input
/// event and message, `render` from the state into a canvas after each batch.
///
///     let app = App<Msg>(options: opts)
///     Task { let voices = try await client.voices(); app.mailbox.post(.voicesLoaded(voices)) }
///     let code = app.run(state: &state, update: { state, event, app in … return .continue },
///                        render: { state, canvas in … })
///
/// Waiting is `poll` on the terminal and the mailbox's pipe (plus the nearest timer and the ESC
/// delay), so an idle program uses no CPU.
public final class App<Message: Sendable> {
    public struct Options: Sendable {
        public var terminal = Terminal.Options()
        /// Below this size a "make the window at least W×H" screen is shown instead of the program.
        public var minimumCols = 80
        public var minimumRows = 24
        /// Ctrl-Z suspends to the shell (raw mode delivers it as a key).
        public var suspendOnCtrlZ = true
        /// TERM and HUP come to update as `.terminate` instead of ending the process at once, so
        /// a program can save what was typed last.
        public var handlesTermination = false
        public init() {}
    }

    public let mailbox = Mailbox<Message>()
    public let options: Options
    /// The real terminal while `run` owns it (nil with an injected screen and input).
    public private(set) var terminal: Terminal?
    private var timers: [(deadline: UInt64, message: Message)] = []
    /// A screen and input given at init (tests); otherwise `run` opens the terminal.
    private let injected: (screen: any Screen, input: any InputSource)?
    private var screen: (any Screen)?
    private var input: (any InputSource)?
    /// The pipe TERM and HUP are told through (see `requestTermination`).
    private var signalPipe: [Int32] = [-1, -1]

    /// A program on the real terminal, opened when `run` starts.
    public init(options: Options = Options()) {
        self.options = options
        injected = nil
    }

    /// A program on `screen` with `input`: the same loop without a terminal (an in-memory screen
    /// and a scripted input in tests).
    public init(options: Options = Options(), screen: any Screen, input: any InputSource) {
        self.options = options
        injected = (screen, input)
    }

    static func nowNanos() -> UInt64 { monotonicNanos() }

    /// Delivers `message` to update after `seconds` (spinner ticks, debounced saves). Call from
    /// the loop's thread (inside update); other threads post to `mailbox`.
    public func schedule(after seconds: Double, _ message: Message) {
        // Kept in deadline order by inserting in place: a sort here ran unspecialized over the
        // generic message, and its first call cost 0.44 M of the 9.2 M instructions before the first frame.
        let deadline = Self.nowNanos() + UInt64(max(0, seconds) * 1e9)
        var i = timers.endIndex
        while i > timers.startIndex, timers[i - 1].deadline > deadline { i -= 1 }
        timers.insert((deadline, message), at: i)
    }

    /// Releases the terminal while `body` runs (e.g. `$EDITOR`), then restores it and redraws.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        guard let input else { return try body() }
        return try input.withTerminalReleased(body)
    }

    /// Current screen size (rows, cols); before `run`, the injected screen's (0×0 for the terminal).
    public var size: (rows: Int, cols: Int) {
        guard let s = screen ?? injected?.screen else { return (0, 0) }
        return (s.rows, s.cols)
    }

    /// Tells the loop a TERM or HUP arrived, as the signal handler does (with
    /// `Options.handlesTermination`, while `run` runs): update gets `.terminate`.
    public func requestTermination(signal: Int32) {
        guard signalPipe[1] >= 0 else { return }
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(signalPipe[1], &byte, 1)
    }

    /// Runs until update returns `.quit(code)`; returns the code. The terminal is restored on return.
    public func run<State>(state: inout State,
                           update: (inout State, AppEvent<Message>, App<Message>) -> LoopAction,
                           render: (State, inout Canvas) -> Void) -> Int32 {
        let screen: any Screen, input: any InputSource
        if let injected {
            (screen, input) = injected
        } else {
            let term = Terminal(options: options.terminal)
            terminal = term
            (screen, input) = (term.screen, term)
        }
        self.screen = screen
        self.input = input
        defer { terminal?.stop(); terminal = nil; self.screen = nil; self.input = nil }
        // One canvas, reused: a frame is drawn over the previous one's memory, not a new one.
        var canvas = Canvas(rows: 0, cols: 0)
        // The state is passed in, not captured: read through the capture, it was copied whole for
        // each frame (every field of the program's state retained and released).
        func draw(_ state: borrowing State) {
            canvas.reset(rows: screen.rows, cols: screen.cols)
            if screen.cols < options.minimumCols || screen.rows < options.minimumRows {
                App.drawTooSmall(into: &canvas, needCols: options.minimumCols, needRows: options.minimumRows)
            } else {
                render(state, &canvas)
            }
            screen.present(canvas)
        }
        draw(state)
        if options.handlesTermination, pipe(&signalPipe) == 0 {
            for fd in signalPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(signalPipe[1], F_SETFL, O_NONBLOCK)
            if terminal != nil { routeTermination(to: signalPipe[1]) }
        }
        defer {
            if terminal != nil { routeTermination(to: -1) }
            if signalPipe[0] >= 0 { close(signalPipe[0]); close(signalPipe[1]) }
            signalPipe = [-1, -1]
        }
        var fds = [pollfd(fd: mailbox.readFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalPipe[0], events: Int16(POLLIN), revents: 0)]
        fds += input.readinessFDs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var hungUp = false
        while true {
            var timeout: Int32 = -1
            if let t = timers.first {
                let now = Self.nowNanos()
                timeout = t.deadline <= now ? 0 : Int32(min(60_000, (t.deadline - now) / 1_000_000 + 1))
            }
            if let p = input.pendingTimeout { timeout = timeout < 0 ? p : min(timeout, p) }
            for i in fds.indices { fds[i].revents = 0 }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            var events: [AppEvent<Message>] = []
            if fds[1].revents != 0 {
                var sig: UInt8 = 0
                _ = read(signalPipe[0], &sig, 1)
                events.append(.terminate(signal: Int32(sig)))
            }
            // Input first (a resize, then the keys).
            events += input.readEvents(timedOut: n == 0).map { .input($0) }
            if fds[0].revents != 0 { events += mailbox.takeAll().map { .message($0) } }
            let now = Self.nowNanos()
            while let t = timers.first, t.deadline <= now { timers.removeFirst(); events.append(.message(t.message)) }
            // No more input will come (a script ran out): as a hang-up, once; then as a second one.
            if events.isEmpty, input.isClosed {
                guard options.handlesTermination, !hungUp else { return 128 + SIGHUP }
                hungUp = true
                events.append(.terminate(signal: SIGHUP))
            }
            if events.isEmpty { continue }
            for e in events {
                if case .input(.key(let k)) = e, options.suspendOnCtrlZ, k == .ctrl("z") {
                    input.suspend()
                    continue
                }
                if case .quit(let code) = update(&state, e, self) { return code }
            }
            draw(state)
        }
    }

    static func drawTooSmall(into canvas: inout Canvas, needCols: Int, needRows: Int) {
        let lines = ["The window is too small.",
                     "Make it at least \(needCols)×\(needRows)",
                     "(now \(canvas.cols)×\(canvas.rows))."]
        let top = max(0, (canvas.rows - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let w = displayWidth(l)
            canvas.put(l, row: top + i, col: max(0, (canvas.cols - w) / 2), style: i == 1 ? .warning : .text)
        }
    }
}
