import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

// Everything a signal handler touches lives in plain globals: handlers cannot capture context.
nonisolated(unsafe) private var cursesActive: sig_atomic_t = 0
nonisolated(unsafe) private var savedStderr: Int32 = -1
nonisolated(unsafe) private var heldStderr: Int32 = -1
nonisolated(unsafe) private let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
nonisolated(unsafe) private var handlersInstalled = false
/// While a program takes TERM and HUP as requests (App.Options.handlesTermination), the write end
/// of the pipe the handler tells the loop through; -1 otherwise.
nonisolated(unsafe) private var terminationPipe: Int32 = -1
nonisolated(unsafe) private var terminationRequested: sig_atomic_t = 0
/// The self-pipe a resize is noted in: the run loop polls its read end with the terminal, so a
/// SIGWINCH that arrives while the loop is busy is not lost (curses is never asked for input).
nonisolated(unsafe) private(set) var resizePipeReadFD: Int32 = -1
nonisolated(unsafe) private var resizePipeWriteFD: Int32 = -1

/// Escape sequences that turn off what we turned on (mouse tracking, bracketed paste), reset the
/// attributes our frames leave set (curses does not know them) and show the cursor; written with
/// `write(2)` because it is safe in a signal handler.
private let modesOff: [UInt8] = Array("\u{1B}[0m\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?25h".utf8)

private func writeAll(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) {
    var off = 0
    while off < count {
        let n = write(fd, bytes + off, count - off)
        if n <= 0 { if n < 0, errno == EINTR { continue }; return }
        off += n
    }
}

/// Puts the terminal back (endwin + modes off) and replays what was written to stderr while the
/// screen was up. Idempotent; called from exit paths and signal handlers.
func restoreTerminal() {
    if cursesActive != 0 {
        cursesActive = 0
        endwin()
        modesOff.withUnsafeBytes { writeAll(1, $0.baseAddress!, $0.count) }
    }
    releaseStderr()
}

/// Sends stderr to an unlinked temp file while the screen is up: a message written there (a Swift
/// `Fatal error:` line, a library warning) would be drawn over the UI and then lost.
func holdStderr() {
    guard heldStderr < 0 else { return }
    var template = Array("/tmp/terminalui-stderr-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    savedStderr = dup(2)
    dup2(fd, 2)
    heldStderr = fd
}

/// Points stderr back at the terminal and replays what was held.
func releaseStderr() {
    guard heldStderr >= 0, savedStderr >= 0 else { return }
    dup2(savedStderr, 2)
    close(savedStderr)
    savedStderr = -1
    let fd = heldStderr
    heldStderr = -1
    lseek(fd, 0, SEEK_SET)
    var buf = (0..<4096).map { _ in UInt8(0) } as [UInt8]
    buf.withUnsafeMutableBytes { raw in
        while true {
            let n = read(fd, raw.baseAddress!, raw.count)
            if n <= 0 { break }
            writeAll(2, raw.baseAddress!, n)
        }
    }
    close(fd)
}

func markCursesActive(_ on: Bool) { cursesActive = on ? 1 : 0 }

/// Routes TERM and HUP to `fd` (a pipe's write end) instead of ending the process; -1 stops it.
func routeTermination(to fd: Int32) {
    terminationRequested = 0
    terminationPipe = fd
}

private let terminatingHandler: @convention(c) (Int32) -> Void = { sig in
    // The first TERM or HUP of a program that saves on its way out is a request to its loop (so
    // what was typed last is saved); a second one, or any other signal, ends the process now.
    if (sig == SIGTERM || sig == SIGHUP), terminationPipe >= 0, terminationRequested == 0 {
        terminationRequested = 1
        var byte = UInt8(truncatingIfNeeded: sig)
        _ = write(terminationPipe, &byte, 1)
        return
    }
    restoreTerminal()
    _ = ncs_sigaction_default(sig)
    raise(sig) // blocked until we return; then the default action ends the process by this signal
}

private let fatalHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, _ in
    restoreTerminal()
    // Chain to the previous action (the Swift backtracer): the faulting instruction runs again on
    // return and lands there, printing its report on the restored terminal.
    _ = ncs_sigaction_restore(sig, savedActions + Int(sig))
    if ncs_siginfo_code(info) <= 0 {
        // Sent by kill/raise: nothing re-faults on return, and the backtracer returns after its
        // report, so the program would go on running on a restored terminal. Report now (the
        // signal unblocked), then end by the signal's default action.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        _ = ncs_sigaction_default(sig)
        raise(sig)
    }
}

private let exitHandler: @convention(c) () -> Void = { restoreTerminal() }

private let resizeHandler: @convention(c) (Int32) -> Void = { _ in
    let saved = errno
    var b: UInt8 = 1
    _ = write(resizePipeWriteFD, &b, 1) // a full pipe already says "resized"
    errno = saved
}

/// True (once) when the window was resized since the last call.
func takeResize() -> Bool {
    guard resizePipeReadFD >= 0 else { return false }
    var buf = (0, 0, 0, 0, 0, 0, 0, 0) as (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    var any = false
    while withUnsafeMutableBytes(of: &buf, { read(resizePipeReadFD, $0.baseAddress, $0.count) }) > 0 { any = true }
    return any
}

/// Installs the handlers that restore the terminal on INT/TERM/HUP/QUIT, on crashes and on exit().
/// SIGWINCH goes to a self-pipe (see `takeResize`); SIGTSTP is left to ncurses (cbreak suspend).
func installTerminalGuards() {
    guard !handlersInstalled else { return }
    handlersInstalled = true
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { _ = ncs_sigaction_handler(sig, terminatingHandler, 0) }
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] { _ = ncs_sigaction_info(sig, fatalHandler, savedActions + Int(sig)) }
    atexit(exitHandler)
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        resizePipeReadFD = fds[0]; resizePipeWriteFD = fds[1]
        // Replaces curses' own handler: readEvents applies the new size itself (resizeterm).
        _ = ncs_sigaction_handler(SIGWINCH, resizeHandler, SA_RESTART)
    }
}

/// Stops the process group with SIGTSTP, as the tty driver does for Ctrl-Z in cooked mode (in raw
/// mode it is just a key), so the shell sees the job stop; returns once it is continued (`fg`).
func stopProcessForJobControl() {
    var old = sigaction()
    sigaction(SIGTSTP, nil, &old)
    _ = ncs_sigaction_default(SIGTSTP)
    kill(0, SIGTSTP)
    sigaction(SIGTSTP, &old, nil)
}
