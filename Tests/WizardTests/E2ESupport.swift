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

    /// Runs a command to completion: its exit status, stdout and stderr.
    @discardableResult
    static func run(_ args: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0].hasPrefix("/") ? args[0] : (which(args[0]) ?? args[0]))
        p.arguments = Array(args.dropFirst())
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inp = Pipe()
            p.standardInput = inp
            inp.fileHandleForWriting.write(Data(stdin.utf8))
            try? inp.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
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
    let process = Process()
    let log: String
    let baseURL: String
    let output = Pipe()

    init(program: String, dir: String) throws {
        log = dir + "/requests.jsonl"
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["sandbox", "--port", "0", "--log-requests", log]
        process.environment = E2E.environment(home: dir)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // It prints its address once it listens; read until then (bounded by a deadline).
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        let fd = output.fileHandleForReading.fileDescriptor
        var found: String?
        while found == nil, Date() < deadline, process.isRunning {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 200) > 0 else { continue }
            var buf = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            text += String(decoding: buf[0..<n], as: UTF8.self)
            if let r = text.range(of: "listening on "), let end = text[r.upperBound...].firstIndex(of: "\n") {
                found = String(text[r.upperBound..<end]).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let found else {
            process.terminate()
            throw E2EError("the sandbox did not start: \(text)")
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
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
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

    func close() { _ = try? tmux(["kill-server"]) }
}
