import AssistantModel
import Foundation
import Testing

/// Runs the built program in a private tmux server, for the end-to-end tests.
enum E2E {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `assistant-wizard` built beside the test bundle (the products directory).
    static var program: String? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 { candidates.append(dir.appendingPathComponent("assistant-wizard")); dir = dir.deletingLastPathComponent() }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/assistant-wizard"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var hasTmux: Bool { which("tmux") != nil }

    static func which(_ name: String) -> String? {
        for d in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(d)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Starts a program with stdin from /dev/null and stdout and stderr into files (never pipes:
    /// `tmux new-session` leaves a server holding what it inherited). posix_spawn, not Foundation's
    /// Process, whose waitUntilExit hung under the test runner.
    static func spawn(_ args: [String], environment: [String: String], stdout: String, stderr: String) throws -> pid_t {
        let path = args[0].hasPrefix("/") ? args[0] : (which(args[0]) ?? args[0])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw E2EError("cannot start \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for a child; its exit status (128+signal when killed).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs a command to completion: its exit status, stdout and stderr.
    @discardableResult
    static func run(_ args: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aw-e2e-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
        let pid = try spawn(args, environment: environment ?? ProcessInfo.processInfo.environment, stdout: base + ".out", stderr: base + ".err")
        let status = wait(pid)
        let o = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let e = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        return (status, o, e)
    }

    static func tempDir(_ tag: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aw-e2e-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// The environment the program runs in: its own HOME and XDG_DATA_HOME, a UTF-8 locale, no key
    /// unless given, no interactive backtraces.
    static func environment(home: String, apiKey: String? = nil) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for k in ["REVOX_API_KEY", "REVOX_BASE_URL", "VISUAL", "EDITOR", "NO_COLOR", "ACCESSIBLE", "TMUX"] { env[k] = nil }
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["SWIFT_BACKTRACE"] = "interactive=no"
        if let apiKey { env["REVOX_API_KEY"] = apiKey }
        return env
    }
}

/// A sandbox server in its own process, logging every request it receives.
final class SandboxProcess {
    let pid: pid_t
    let log: String
    let baseURL: String

    /// `api`: the generation the sandbox speaks (`sandbox --api`); its own default when nil.
    init(program: String, dir: String, api: APIGeneration? = nil) throws {
        log = dir + "/requests.jsonl"
        let out = dir + "/sandbox.out"
        pid = try E2E.spawn([program, "sandbox", "--port", "0", "--log-requests", log] + (api.map { ["--api", $0.rawValue] } ?? []),
                            environment: E2E.environment(home: dir), stdout: out, stderr: dir + "/sandbox.err")
        // It prints its address once it listens; poll its output until then (with a deadline).
        let deadline = Date().addingTimeInterval(20)
        var found: String?
        var text = ""
        while found == nil, Date() < deadline {
            text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let r = text.range(of: "listening on "), let end = text[r.upperBound...].firstIndex(of: "\n") {
                found = String(text[r.upperBound..<end]).trimmingCharacters(in: .whitespaces)
            } else {
                usleep(30_000)
            }
        }
        guard let found else {
            kill(pid, SIGTERM); E2E.wait(pid)
            throw E2EError("the sandbox did not start: \(text) \((try? String(contentsOfFile: dir + "/sandbox.err", encoding: .utf8)) ?? "")")
        }
        baseURL = found
    }

    /// Every request received so far: method, path and JSON body.
    func requests() -> [(method: String, path: String, body: JSONValue?)] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let o = try? JSONParser.parse(String(line)), let obj = o.objectValue else { return nil }
            let body = obj["body"].flatMap { $0.isNull ? nil : $0 }
            return (obj["method"]?.stringValue ?? "", obj["path"]?.stringValue ?? "", body)
        }
    }

    func stop() {
        kill(pid, SIGTERM)
        E2E.wait(pid)
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A private tmux server with one 100×30 window running the program.
final class TmuxSession {
    let socket: String
    let env: [String: String]

    init(command: [String], environment: [String: String], cols: Int = 100, rows: Int = 30) throws {
        socket = "aw-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        env = environment
        // The program's environment goes on the command line; tmux's own server would not pass it.
        let exports = environment.filter { ["HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LANG", "LC_ALL", "SWIFT_BACKTRACE", "REVOX_API_KEY", "PATH"].contains($0.key) }
            .map { "\($0.key)=\(TmuxSession.quote($0.value))" }.sorted().joined(separator: " ")
        let unset = environment["REVOX_API_KEY"] == nil ? "-u REVOX_API_KEY -u REVOX_BASE_URL " : ""
        let line = "env \(unset)\(exports) " + command.map(TmuxSession.quote).joined(separator: " ")
        let r = try tmux(["new-session", "-d", "-x", String(cols), "-y", String(rows), line])
        guard r.status == 0 else { throw E2EError("tmux new-session failed: \(r.err)") }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        var e = env
        e["TMUX"] = nil
        return try E2E.run(["tmux", "-L", socket, "-f", "/dev/null"] + args, environment: e)
    }

    func capture() -> String { (try? tmux(["capture-pane", "-p"]).out) ?? "" }

    /// Sends tmux key names (Tab, Enter, M-n, C-s, F5, Down …).
    func keys(_ names: String...) throws { try tmux(["send-keys"] + names) }
    func keys(_ names: [String]) throws { try tmux(["send-keys"] + names) }
    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    /// Polls the screen until `predicate` holds; fails with the last screen at the deadline.
    @discardableResult
    func wait(for what: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation,
              _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = capture()
            if predicate(screen) { return true }
            usleep(30_000)
        } while Date() < deadline
        Issue.record("waited \(Int(timeout)) s for \(what); the screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        wait(for: "“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The pid of the program in the pane.
    func panePID() -> pid_t? {
        (try? tmux(["display-message", "-p", "#{pane_pid}"]).out).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Ends the server, and the program if it outlives its terminal (after a send it ignored the
    /// SIGHUP tmux sends; see the report), so a test never leaves processes behind.
    func close() {
        let pid = panePID()
        _ = try? tmux(["kill-server"])
        guard let pid, pid > 0 else { return }
        let deadline = Date().addingTimeInterval(2)
        while TmuxSession.isRunning(pid), Date() < deadline { usleep(20_000) }
        if TmuxSession.isRunning(pid) { kill(pid, SIGKILL) }
    }

    /// Alive and not a zombie waiting to be reaped.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }
}
