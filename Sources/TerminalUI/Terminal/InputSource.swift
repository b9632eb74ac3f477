/// Where the run loop's input comes from: the terminal (`Terminal`, reading the tty) or a script
/// (`ScriptedInput`, for tests that drive the real loop without a terminal).
public protocol InputSource: AnyObject {
    /// Descriptors whose readiness means events are waiting (the tty, the resize pipe); the loop
    /// polls them together with its mailbox and timers.
    var readinessFDs: [Int32] { get }
    /// While set, the loop waits at most this many ms before asking again, with `timedOut`
    /// true if nothing else woke it (an ESC waiting to be told from Alt+key; a script's next step).
    var pendingTimeout: Int32? { get }
    /// True once no more input will come (a script ran out): the loop ends as on a hang-up.
    var isClosed: Bool { get }
    /// Every event available now, without waiting.
    func readEvents(timedOut: Bool) -> [InputEvent]
    /// Ctrl-Z: stops the process with the terminal restored; returns once continued.
    func suspend()
    /// Hands the terminal to `body` (an editor, a pager) and takes it back after.
    func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T
}
