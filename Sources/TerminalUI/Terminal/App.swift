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
    public private(set) var terminal: Terminal?
    private var timers: [(deadline: UInt64, message: Message)] = []

    public init(options: Options = Options()) { self.options = options }

    static func nowNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Delivers `message` to update after `seconds` (spinner ticks, debounced saves). Call from
    /// the loop's thread (inside update); other threads post to `mailbox`.
    public func schedule(after seconds: Double, _ message: Message) {
        timers.append((Self.nowNanos() + UInt64(max(0, seconds) * 1e9), message))
        timers.sort { $0.deadline < $1.deadline }
    }

    /// Releases the terminal while `body` runs (e.g. `$EDITOR`), then restores it and redraws.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        guard let terminal else { return try body() }
        return try terminal.withTerminalReleased(body)
    }

    /// Current screen size (rows, cols).
    public var size: (rows: Int, cols: Int) { (terminal?.screen.rows ?? 0, terminal?.screen.cols ?? 0) }

    /// Runs until update returns `.quit(code)`; returns the code. The terminal is restored on return.
    public func run<State>(state: inout State,
                           update: (inout State, AppEvent<Message>, App<Message>) -> LoopAction,
                           render: (State, inout Canvas) -> Void) -> Int32 {
        let term = Terminal(options: options.terminal)
        terminal = term
        defer { term.stop(); terminal = nil }
        let screen = term.screen
        func draw() {
            var canvas = Canvas(rows: screen.rows, cols: screen.cols)
            if screen.cols < options.minimumCols || screen.rows < options.minimumRows {
                App.drawTooSmall(into: &canvas, needCols: options.minimumCols, needRows: options.minimumRows)
            } else {
                render(state, &canvas)
            }
            screen.present(canvas)
        }
        draw()
        var signalPipe: [Int32] = [-1, -1]
        if options.handlesTermination, pipe(&signalPipe) == 0 {
            for fd in signalPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(signalPipe[1], F_SETFL, O_NONBLOCK)
            routeTermination(to: signalPipe[1])
        }
        defer {
            routeTermination(to: -1)
            if signalPipe[0] >= 0 { close(signalPipe[0]); close(signalPipe[1]) }
        }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: mailbox.readFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: term.resizeFD, events: Int16(POLLIN), revents: 0)]
        while true {
            var timeout: Int32 = -1
            if let t = timers.first {
                let now = Self.nowNanos()
                timeout = t.deadline <= now ? 0 : Int32(min(60_000, (t.deadline - now) / 1_000_000 + 1))
            }
            if term.inputPending { timeout = timeout < 0 ? options.terminal.escapeDelay : min(timeout, options.terminal.escapeDelay) }
            for i in fds.indices { fds[i].revents = 0 }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            var events: [AppEvent<Message>] = []
            if fds[2].revents != 0 {
                var sig: UInt8 = 0
                _ = read(signalPipe[0], &sig, 1)
                events.append(.terminate(signal: Int32(sig)))
            }
            // Input first (a resize, then the keys).
            events += term.readEvents(timedOut: n == 0).map { .input($0) }
            if fds[1].revents != 0 { events += mailbox.takeAll().map { .message($0) } }
            let now = Self.nowNanos()
            while let t = timers.first, t.deadline <= now { timers.removeFirst(); events.append(.message(t.message)) }
            if events.isEmpty { continue }
            for e in events {
                if case .input(.key(let k)) = e, options.suspendOnCtrlZ, k == .ctrl("z") {
                    term.suspend()
                    continue
                }
                if case .quit(let code) = update(&state, e, self) { return code }
            }
            draw()
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
