#if canImport(Glibc)
import Glibc
#endif

/// Input from a script instead of a terminal, so a test runs a program's real loop (its timers,
/// mailbox, resize and termination handling) with a `BufferScreen`: bytes go through the same
/// decoder as the tty's, one step per batch, each batch drawn before the next step.
///
///     let input = ScriptedInput([.type("Front desk"), .wait("saved", timeout: 5) { screen.find("saved") != nil },
///                                .bytes([0x11])])   // Ctrl-Q
///     let app = App<Msg>(screen: screen, input: input)
///
/// When the script has run out the loop ends as on a hang-up (SIGHUP), so a test never waits on
/// a program that did not quit.
public final class ScriptedInput: InputSource {
    public enum Step {
        /// Bytes as a terminal sends them, in one read.
        case bytes([UInt8])
        /// Finished events (a mouse click), handed over as they are.
        case events([InputEvent])
        /// No input until `condition` holds (checked before each batch the loop handles and every
        /// 2 ms); after `timeout` seconds the script fails and ends.
        case wait(String, timeout: Double, until: () -> Bool)
        /// Runs `body` on the loop's thread between batches (a check, a change on disk).
        case run(() -> Void)
        /// The window changes size: the screen takes it, then the program gets the resize.
        case resize(BufferScreen, rows: Int, cols: Int)

        /// One read per character, as a person types: each key is its own batch and frame.
        public static func type(_ text: String) -> [Step] { text.map { .bytes(Array(String($0).utf8)) } }
        /// A key by its bytes: Ctrl-letter (`ctrl("q")` is 0x11).
        public static func ctrl(_ letter: Character) -> Step {
            .bytes([UInt8(letter.asciiValue! & 0x1F)])
        }
    }

    private var steps: [Step]
    private var next = 0
    private var decoder = InputDecoder()
    private var waitStarted: UInt64?
    /// What went wrong: a wait that timed out (the rest of the script was dropped).
    public private(set) var failures: [String] = []
    public private(set) var suspendCount = 0
    public private(set) var releaseCount = 0
    /// ms after ESC before it counts as the Escape key, as the terminal's option.
    public var escapeDelay: Int32 = 25

    public init(_ steps: [Step]) { self.steps = steps }

    public var readinessFDs: [Int32] { [] }

    public var pendingTimeout: Int32? {
        if decoder.isPending { return escapeDelay }
        // Run out: no wait, so the loop sees at once that the input is closed (and hangs up).
        guard next < steps.count else { return 0 }
        if case .wait = steps[next] { return 2 }
        return 0
    }

    public var isClosed: Bool { next >= steps.count && !decoder.isPending }

    public func readEvents(timedOut: Bool) -> [InputEvent] {
        if decoder.isPending {
            return timedOut ? decoder.flush() : []
        }
        while next < steps.count {
            switch steps[next] {
            case .bytes(let b):
                next += 1
                return decoder.feed(bytes: b)
            case .events(let e):
                next += 1
                return e
            case .resize(let screen, let rows, let cols):
                next += 1
                screen.resize(rows: rows, cols: cols)
                return [.resize(rows: rows, cols: cols)]
            case .run(let body):
                next += 1
                body()
            case .wait(let what, let timeout, let condition):
                if condition() { next += 1; waitStarted = nil; continue }
                let now = monotonicNanos()
                if let started = waitStarted {
                    if Double(now - started) / 1e9 > timeout {
                        failures.append("timed out after \(timeout) s waiting for \(what)")
                        next = steps.count
                    }
                } else {
                    waitStarted = now
                }
                return []
            }
        }
        return []
    }

    public func suspend() { suspendCount += 1 }

    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        releaseCount += 1
        return try body()
    }
}

/// CLOCK_MONOTONIC in nanoseconds (system-wide, so comparable across processes).
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
