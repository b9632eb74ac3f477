import AssistantModel
import Foundation
import Testing

/// `assistants delete` deletes on the server, which cannot be undone: it asks on a terminal and
/// needs --yes without one (issue 11). Against a sandbox in its own process, over loopback.
@Suite("CLI: assistants delete asks first", .serialized)
struct AssistantsDeleteTests {
    /// A sandbox holding one assistant named "Front desk": the sandbox, the environment, the id.
    static func sandboxWithAssistant(_ tag: String) throws -> (SandboxProcess, [String: String], String, String) {
        let program = try #require(E2E.program, "build with 'swift build --build-tests'")
        let home = try E2E.tempDir(tag)
        let sandbox = try SandboxProcess(program: program, dir: home)
        var env = E2E.environment(home: home, apiKey: "sk_test_delete_0123")
        env["REVOX_BASE_URL"] = sandbox.baseURL
        let file = home + "/front-desk.json"
        try Data(CanonicalJSON.encode(["name": "Front desk", "prompt": "You answer calls for {{company}}."])).write(to: URL(fileURLWithPath: file))
        let created = try E2E.run([program, "submit", file], environment: env)
        guard created.status == 0, let id = try? JSONParser.parse(created.out).objectValue?["id"]?.stringValue else {
            sandbox.stop()
            throw E2EError("submit failed: \(created.err)")
        }
        return (sandbox, env, id, program)
    }

    static func exists(_ id: String, program: String, env: [String: String]) throws -> Bool {
        try E2E.run([program, "assistants", "get", id], environment: env).status == 0
    }

    @Test func withoutATerminalOrYesNothingIsDeleted() throws {
        let (sandbox, env, id, program) = try Self.sandboxWithAssistant("del-notty")
        defer { sandbox.stop() }
        let r = try E2E.run([program, "assistants", "delete", id], environment: env)
        #expect(r.status == 1)
        #expect(r.err.contains("not deleting assistant \(id) on \(sandbox.baseURL)"), "\(r.err)")
        #expect(r.err.contains("--yes"))
        #expect(try Self.exists(id, program: program, env: env), "the assistant is still on the server")
        #expect(!sandbox.requests().contains { $0.method == "DELETE" })
    }

    @Test func withYesItDeletesWithoutAsking() throws {
        let (sandbox, env, id, program) = try Self.sandboxWithAssistant("del-yes")
        defer { sandbox.stop() }
        let r = try E2E.run([program, "assistants", "delete", "--yes", id], environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.err.contains("[y/N]"))
        #expect(try !Self.exists(id, program: program, env: env))
    }

    @Test(.enabled(if: E2E.hasTmux), arguments: [("n", false), ("y", true)])
    func onATerminalItAsksNamingTheAssistantAndTheServer(answer: String, deletes: Bool) throws {
        let (sandbox, env, id, program) = try Self.sandboxWithAssistant("del-tty-\(answer)")
        defer { sandbox.stop() }
        let done = FileManager.default.temporaryDirectory.appendingPathComponent("aw-del-\(getpid())-\(answer).status").path
        let line = [program, "assistants", "delete", id, "--base-url", sandbox.baseURL].map(TmuxSession.quote).joined(separator: " ")
        let tmux = try TmuxSession(command: ["/bin/sh", "-c", "\(line); echo $? > \(done); sleep 30"],
                                   environment: env, cols: 200, rows: 10)
        defer { tmux.close() }
        tmux.wait(for: "Delete assistant 'Front desk' (\(id)) on \(sandbox.baseURL)? [y/N]")
        try tmux.type(answer)
        try tmux.keys("Enter")
        tmux.wait(for: deletes ? "Deleted assistant \(id)" : "Not deleted.")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: done), Date() < deadline { usleep(30_000) }
        let status = (try? String(contentsOfFile: done, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == (deletes ? "0" : "1"))
        #expect(try Self.exists(id, program: program, env: env) == !deletes)
    }
}
