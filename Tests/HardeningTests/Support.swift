import AssistantModel
import Foundation
import Testing

// Shared by the hardening tests: the built binaries, processes run off Swift's cooperative pool
// (two threads here: a blocking wait there would starve in-process sandboxes), tmux sessions on a
// private server, a seeded generator, and the full/CI count switch.

/// `HARDENING_FULL=1` runs the issue's full counts; CI runs the shorter ones.
let fullRun = ProcessInfo.processInfo.environment["HARDENING_FULL"].map { !$0.isEmpty && $0 != "0" } ?? false
func count(ci: Int, full: Int) -> Int { fullRun ? full : ci }

/// Tests/HardeningTests/Support.swift → the package root.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A built program beside the test bundle (`swift build --build-tests` puts them together).
func binary(_ name: String) throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
        packageRoot.appendingPathComponent(".build/debug"),
    ]
    let found = candidates.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "\(name) not found beside the test bundle; build with 'swift build --build-tests'")
}

/// SplitMix64: the same seed gives the same run on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func makeTempDir(_ tag: String = "hardening") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// HOME and XDG folders in a fresh temp dir; nothing from the caller's environment (no key).
func hermeticEnv(_ dir: String, _ extra: [String: String] = [:]) -> [String: String] {
    ["HOME": dir, "XDG_CONFIG_HOME": dir + "/config", "XDG_DATA_HOME": dir + "/data", "LANG": "C.UTF-8",
     "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "interactive=no", "TERM": "xterm-256color"]
        .merging(extra) { _, new in new }
}

struct ProcessResult {
    let status: Int32
    let signalled: Bool
    let stdout: [UInt8]
    let stderr: [UInt8]
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Held while pipes are made and a program is spawned, so no other spawn inherits them.
let spawnLock = NSLock()

/// Runs a program to completion with posix_spawn; reads and the wait happen on dispatch threads.
/// (Foundation's Process sometimes never reports the exit of a program that leaves a daemon behind,
/// such as tmux's client.) `quiet` discards the output: the daemon would hold the pipes open.
func run(_ path: String, _ args: [String], env: [String: String], stdin: [UInt8]? = nil,
         timeout: Double = 60, quiet: Bool = false) async throws -> ProcessResult {
    let (spawned, outFD, errFD, input) = try spawnLock.withLock { try spawn(path, args, env: env, quiet: quiet) }
    let pid = spawned
    DispatchQueue.global().async {
        if let stdin { stdin.withUnsafeBytes { var off = 0; while off < $0.count { let n = write(input, $0.baseAddress! + off, $0.count - off); if n <= 0 { break }; off += n } } }
        close(input)
    }
    let killer = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    // The readers give up a little after the child's deadline: a descriptor whose write end
    // lingers elsewhere must fail the test, not hang the whole run.
    let giveUp = ContinuousClock.now + .milliseconds(Int64((timeout + 10) * 1000))
    async let o = readFD(outFD, until: giveUp)
    async let e = readFD(errFD, until: giveUp)
    let (od, ed) = await (o, e)
    let status: Int32 = await withCheckedContinuation { cont in
        DispatchQueue.global().async {
            var st: Int32 = 0
            while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
            cont.resume(returning: st)
        }
    }
    killer.cancel()
    let signalled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
    return ProcessResult(status: signalled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF, signalled: signalled, stdout: od, stderr: ed)
}

/// Spawns with pipes for stdin, stdout and stderr; returns the pid and the parent's ends.
private func spawn(_ path: String, _ args: [String], env: [String: String], quiet: Bool) throws -> (pid_t, Int32, Int32, Int32) {
    var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else { throw POSIXError(.EMFILE) }
    for fd in outPipe + errPipe + inPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    if quiet {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    } else {
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    }
    // Nothing else of this process (the sandboxes' sockets, other tests' pipes) leaks into the
    // child: a tmux server would keep them open for its whole life.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
        if let fd = Int32(name), fd > 2 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }
    let argv = ([path] + args).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    var attr = cleanSpawnAttributes()
    defer { posix_spawnattr_destroy(&attr) }
    let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
    close(outPipe[1]); close(errPipe[1]); close(inPipe[0])
    guard rc == 0 else {
        close(outPipe[0]); close(errPipe[0]); close(inPipe[1])
        throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT)
    }
    return (pid, outPipe[0], errPipe[0], inPipe[1])
}

/// No signal blocked, every signal at its default: a dispatch thread blocks them all, and a child
/// would inherit that (a tmux server that cannot be told to stop, a program deaf to SIGTERM).
func cleanSpawnAttributes() -> posix_spawnattr_t {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return attr
}

/// Reads a descriptor to its end (or until `deadline`) on a dispatch thread, then closes it.
func readFD(_ fd: Int32, until deadline: ContinuousClock.Instant) async -> [UInt8] {
    await withCheckedContinuation { cont in
        DispatchQueue.global().async {
            var all = [UInt8](), buf = [UInt8](repeating: 0, count: 65536)
            while ContinuousClock.now < deadline {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, 200)
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 { continue }
                if ready < 0 { break }
                let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                all += buf[0..<n]
            }
            close(fd)
            cont.resume(returning: all)
        }
    }
}

func readAll(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { cont in
        DispatchQueue.global().async { cont.resume(returning: handle.readDataToEndOfFile()) }
    }
}

/// Runs `assistant-wizard` with `env`.
func wizardCLI(_ args: [String], env: [String: String], stdin: [UInt8]? = nil, timeout: Double = 60) async throws -> ProcessResult {
    try await run(try binary("assistant-wizard"), args, env: env, stdin: stdin, timeout: timeout)
}

func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
}

/// Waits without blocking the cooperative pool.
/// Runs CPU-bound work on a thread of its own. Swift's cooperative pool has one thread per core
/// (two here); a long loop held there starves every async test running beside it (the sandbox's
/// handlers, the client's continuations), whose timeouts then fire.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { cont in
        let t = Thread { cont.resume(returning: work()) }
        t.stackSize = 8 << 20
        t.start()
    }
}

func pause(_ seconds: Double) async { try? await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }

// MARK: tmux

/// One tmux server of its own (`-L`, no config) running one program in a pane of a fixed size.
final class Tmux: @unchecked Sendable {
    let socket: String
    private(set) var started = false

    init() { socket = "hardening-\(UUID().uuidString.prefix(10))" }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    @discardableResult
    func tmux(_ args: [String], quiet: Bool = false) async throws -> ProcessResult {
        try await run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + args,
                      env: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"], timeout: 20, quiet: quiet)
    }

    /// Starts `command` (run by sh) in a 100×30 pane with `env`; the pane stays after the program exits.
    func start(_ command: String, env: [String: String], rows: Int = 30, cols: Int = 100) async throws {
        let exports = env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuote($0.value));" }.joined(separator: " ")
        // The option is set in the same invocation, before the session exists: set afterwards, a
        // program that ends at once (a refusal, a usage error) takes its pane with it and the
        // screen reads empty.
        let r = try await tmux(["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                                "new-session", "-d", "-x", "\(cols)", "-y", "\(rows)", "sh", "-c", exports + " " + command], quiet: true)
        try #require(r.status == 0, "tmux new-session failed (exit \(r.status))")
        started = true
    }

    func keys(_ keys: String...) async throws { try await tmux(["send-keys"] + keys) }
    func literal(_ text: String) async throws { try await tmux(["send-keys", "-l", text]) }

    /// The visible screen and the lines scrolled off above it, wrapped lines joined.
    func screen() async throws -> String { try await tmux(["capture-pane", "-p", "-J", "-S", "-100"]).out }

    /// The pane's process (the shell wrapper or the program).
    func panePID() async throws -> pid_t? {
        pid_t(try await tmux(["display-message", "-p", "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func paneDead() async throws -> Bool {
        try await tmux(["display-message", "-p", "#{pane_dead}"]).out.hasPrefix("1")
    }

    /// Polls the screen until `predicate` holds; returns the last screen either way.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if predicate(last) { return last }
            await pause(0.05)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)")
        return last
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15) async throws -> String {
        try await waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Ends the pane's programs (their process group) and the server.
    func stop() async {
        if let pid = try? await panePID(), pid > 1 { kill(-pid, SIGKILL) }
        _ = try? await tmux(["kill-server"])
    }

    /// A test that fails half-way still leaves no server (and no program) behind.
    deinit {
        let names: [String] = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null", "kill-server"]
        let argv = names.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        var attr = cleanSpawnAttributes()
        defer { posix_spawnattr_destroy(&attr) }
        if posix_spawn(&pid, argv[0]!, &actions, &attr, argv, environ) == 0 { var st: Int32 = 0; waitpid(pid, &st, 0) }
        posix_spawn_file_actions_destroy(&actions)
    }
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// The pids of `parent`'s children (from /proc), for finding the program under a `sh -c` wrapper.
func childPIDs(of parent: pid_t) -> [pid_t] {
    guard let s = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8) else { return [] }
    return s.split(separator: " ").compactMap { pid_t($0) }
}

/// The pid of the first process under `root` whose command name is `name`.
func findProcess(named name: String, under root: pid_t) -> pid_t? {
    var queue = [root]
    while let p = queue.first {
        queue.removeFirst()
        let comm = (try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comm, name.hasPrefix(comm) || comm == name { return p }
        queue += childPIDs(of: p)
    }
    return nil
}

func isAlive(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    // A zombie is dead for our purposes.
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return !stat.contains(") Z ")
}

/// Every scalar that must never reach a terminal raw (C0/C1 controls, DEL, bidi controls).
func unsafeScalars(in text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [UInt32] {
    text.unicodeScalars.map(\.value).filter { v in
        if allowed.contains(v) { return false }
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || [0x061C, 0x200E, 0x200F, 0xFEFF].contains(v) || (0xE0000...0xE007F).contains(v)
    }
}
