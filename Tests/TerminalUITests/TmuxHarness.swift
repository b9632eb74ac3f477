import Foundation
import Testing
@testable import TerminalUI

/// Runs the built tui-demo in a private tmux server (`-L`, `-f /dev/null`) and reads its screen.
/// Every wait polls with a deadline; nothing sleeps a fixed time.
final class TmuxHarness {
    let socket = "tuitest-\(getpid())-\(UUID().uuidString.prefix(8))"
    let dir: URL
    private(set) var started = false

    /// The tui-demo executable in the products directory beside the test bundle.
    static func demoBinary() -> String? {
        var candidates: [URL] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("tui-demo"))
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("tui-demo"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("tui-demo"))
        for test in Bundle.allBundles where test.bundlePath.hasSuffix(".xctest") {
            candidates.append(test.bundleURL.deletingLastPathComponent().appendingPathComponent("tui-demo"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit { stop() }

    /// Runs a tmux command and returns its status and output. Uses posix_spawn + waitpid rather
    /// than Foundation's Process: the server that new-session forks inherits descriptors, and
    /// Process would wait on them as long as the server lives.
    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, output: String) {
        let outPath = dir.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8" // the tmux client needs UTF-8 or it mangles non-ASCII
        env.removeValue(forKey: "TMUX")
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        // The test runner's threads block most signals and a spawned process inherits that mask;
        // a tmux server that cannot see SIGCHLD/SIGTERM never exits. Start it with a clean mask.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { return (-1, "posix_spawnp tmux failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : -1, output)
    }

    /// Starts the demo at cols×rows. The wrapper records stty before and after, and the exit status.
    /// With `jobControl`, the wrapper is typed into an interactive bash, so Ctrl-Z and `fg` work as
    /// for a user (a plain `sh` pane is an orphaned process group, where stop signals are dropped).
    func start(binary: String, arguments: [String] = [], environment: [String: String] = [:], cols: Int = 100, rows: Int = 30,
               jobControl: Bool = false) throws {
        let script = dir.appendingPathComponent("run.sh")
        let envPrefix = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let args = arguments.map { "'\($0)'" }.joined(separator: " ")
        try """
        #!/bin/sh
        D='\(dir.path)'
        stty -a > "$D/stty.before"
        env \(envPrefix) '\(binary)' --pid-file "$D/pid" \(args)
        echo $? > "$D/exit.tmp"
        stty -a > "$D/stty.after"
        mv "$D/exit.tmp" "$D/exit"
        echo "[wrapper: exit $(cat "$D/exit")]"
        exec sleep 600
        """.write(to: script, atomically: true, encoding: .utf8)
        let r = tmux(["new-session", "-d", "-s", "t", "-x", "\(cols)", "-y", "\(rows)",
                      "-e", "SWIFT_BACKTRACE=interactive=no", "-e", "LANG=C.UTF-8",
                      jobControl ? "bash --norc --noprofile -i" : "sh '\(script.path)'"])
        guard r.status == 0 else { throw HarnessError.tmux(r.output) }
        started = true
        if jobControl {
            sendLiteral("sh '\(script.path)'")
            sendKeys("Enter")
        }
    }

    func stop() {
        guard started else { return }
        started = false
        let r = tmux(["kill-server"])
        if r.status != 0 { FileHandle.standardError.write(Data("kill-server: \(r)\n".utf8)) }
        let uid = getuid()
        try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(uid)/\(socket)")
        try? FileManager.default.removeItem(at: dir)
    }

    /// The pane's text; `history` adds scrollback and joins wrapped lines (for crash reports).
    func screen(history: Bool = false) -> String {
        tmux(history ? ["capture-pane", "-p", "-J", "-S", "-400", "-t", "t"] : ["capture-pane", "-p", "-t", "t"]).output
    }

    func sendKeys(_ keys: String...) { tmux(["send-keys", "-t", "t"] + keys) }
    func sendLiteral(_ text: String) { tmux(["send-keys", "-t", "t", "-l", text]) }

    /// Polls until `predicate` holds for the screen, or the deadline passes (then returns false).
    @discardableResult
    func waitFor(timeout: Double = 10, history: Bool = false, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(screen(history: history)) { return true }
            usleep(20_000)
        }
        return false
    }

    func waitFor(_ text: String, timeout: Double = 10) -> Bool { waitFor(timeout: timeout) { $0.contains(text) } }

    /// Contents of a file the wrapper writes, once it exists.
    func waitForFile(_ name: String, timeout: Double = 15) -> String? {
        let url = dir.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOf: url, encoding: .utf8), !s.isEmpty { return s }
            usleep(20_000)
        }
        return nil
    }

    var demoPID: Int32? { waitForFile("pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }

    /// tty settings before and after the demo, without the size line (a resize changes it).
    func sttyBeforeAndAfter() -> (String, String)? {
        guard let b = waitForFile("stty.before"), let a = waitForFile("stty.after") else { return nil }
        func modes(_ s: String) -> String { s.split(separator: "\n").dropFirst().joined(separator: "\n") }
        return (modes(b), modes(a))
    }

    enum HarnessError: Error { case tmux(String) }
}
