import AssistantModel
import Foundation
import RevoxSandbox
import Testing

/// The real `assistant-wizard` binary, run with a hermetic environment.
@Suite("CLI: submit, voices, assistants, sandbox")
struct CLITests {
    static var binary: URL? {
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("assistant-wizard") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ args: [String], env: [String: String]) async throws -> ProcessResult {
        let bin = try #require(binary, "assistant-wizard not found next to the test bundle; build with 'swift build --build-tests'")
        return try await runProcess(bin, args, env: env.merging(["SWIFT_BACKTRACE": "interactive=no", "PATH": "/usr/bin:/bin"]) { a, _ in a })
    }

    /// HOME and XDG dirs in a fresh temp dir, nothing else from the caller's environment.
    static func hermeticEnv() throws -> (URL, [String: String]) {
        let dir = try makeTempDir()
        return (dir, ["HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                      "XDG_DATA_HOME": dir.appendingPathComponent("data").path, "LANG": "C.UTF-8"])
    }

    /// A draft file holding `body` in canonical form.
    static func draft(_ name: String, in dir: URL, _ body: JSONValue = minimalBody) throws -> URL {
        let file = dir.appendingPathComponent(name)
        try Data(CanonicalJSON.encode(body)).write(to: file)
        return file
    }

    /// `env` pointed at a running sandbox through REVOX_BASE_URL and REVOX_API_KEY.
    static func env(_ env: [String: String], for sb: Sandbox) -> [String: String] {
        env.merging(["REVOX_BASE_URL": sb.baseURL, "REVOX_API_KEY": sb.apiKey]) { _, new in new }
    }

    @Test func submitToTheSandboxPrintsTheCreatedAssistant() async throws {
        let (dir, env) = try Self.hermeticEnv()
        let file = try CLITests.draft("draft.json", in: dir)
        let r = try await Self.run(["submit", file.path, "--sandbox"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONParser.parse(r.stdout)
        #expect(json.objectValue?["name"] == "Front desk")
        #expect(json.objectValue?["id"]?.stringValue?.isEmpty == false)
        #expect(r.stderr.contains("Created assistant"))
    }

    @Test func submitOfAnInvalidDraftSendsNothingAndExits1() async throws {
        let (dir, env) = try Self.hermeticEnv()
        let sb = try await Sandbox.start()
        let file = dir.appendingPathComponent("bad.json")
        try Data(#"{"name": "No prompt"}"#.utf8).write(to: file)
        let e = CLITests.env(env, for: sb)
        let r = try await Self.run(["submit", file.path], env: e)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("prompt"))
        #expect(r.stderr.contains("Nothing was sent"))
        #expect(await sb.receivedRequests.isEmpty)
        // The same draft made valid goes through to that server, exactly once.
        try Data(CanonicalJSON.encode(minimalBody)).write(to: file)
        let ok = try await Self.run(["submit", file.path], env: e)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(await sb.createRequestCount == 1)
        #expect(await sb.receivedRequests.first?.body == CanonicalJSON.encode(minimalBody))
        await sb.stop()
    }

    @Test func submitExitCodesFollowTheCause() async throws {
        let (dir, env) = try Self.hermeticEnv()
        let file = try CLITests.draft("draft.json", in: dir)
        let sb = try await Sandbox.start(SandboxOptions(faults: SandboxFaults(dropAfterCreate: .next(1))))
        let e = CLITests.env(env, for: sb)
        let unknown = try await Self.run(["submit", file.path], env: e)
        #expect(unknown.status == 4, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("may have been created"))
        #expect(await sb.createRequestCount == 1)

        await sb.setFaults(SandboxFaults(serverError: .next(1)))
        let failed = try await Self.run(["submit", file.path, "--json"], env: e)
        #expect(failed.status == 3)
        #expect(try JSONParser.parse(failed.stdout).objectValue?["error"]?.objectValue?["kind"] == "serverError")

        await sb.setFaults(SandboxFaults(forced: .next(1), forcedStatus: 403))
        let refused = try await Self.run(["submit", file.path], env: e)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("403"))
        await sb.stop()

        // Port 1 on loopback has no listener: a refused connection, so nothing was sent. (A
        // just-stopped sandbox can still accept and then reset, which is rightly "may have been
        // created" and made this flaky under load.)
        var closed = e
        closed["REVOX_BASE_URL"] = "http://127.0.0.1:1"
        let gone = try await Self.run(["submit", file.path], env: closed)
        #expect(gone.status == 3)
        #expect(gone.stderr.contains("Could not connect"))
    }

    @Test func aKeyFileOthersCanReadIsRefusedWithTheFix() async throws {
        let (dir, env) = try Self.hermeticEnv()
        let key = dir.appendingPathComponent("key")
        try writeFile(key, "sk_test_0000000099999", mode: 0o644)
        let r = try await Self.run(["voices", "--api-key-file", key.path], env: env)
        #expect(r.status == 2)
        #expect(r.stderr.contains("chmod 600 \(key.path)"))
        #expect(!r.stderr.contains("sk_test_0000000099999"))
    }

    @Test func noKeyAnywhereSaysHowToSetOne() async throws {
        let (_, env) = try Self.hermeticEnv()
        let r = try await Self.run(["assistants", "list"], env: env)
        #expect(r.status == 2)
        #expect(r.stderr.contains("REVOX_API_KEY"))
        #expect(r.stderr.contains("--sandbox"))
    }

    @Test func voicesTableFiltersAndJSON() async throws {
        let (_, env) = try Self.hermeticEnv()
        let table = try await Self.run(["voices", "--sandbox", "--language", "fr"], env: env)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count >= 3)
        #expect(lines.dropFirst().allSatisfy { $0.contains("  fr  ") })
        let json = try await Self.run(["voices", "--sandbox", "--provider", "elevenlabs", "--json"], env: env)
        let voices = try JSONParser.parse(json.stdout).objectValue?["voices"]?.arrayValue ?? []
        #expect(!voices.isEmpty)
        #expect(voices.allSatisfy { $0.objectValue?["provider"] == "elevenlabs" })
    }

    @Test func assistantsGetAndDeleteAgainstASandboxProcess() async throws {
        let (dir, env) = try Self.hermeticEnv()
        let log = dir.appendingPathComponent("requests.jsonl")
        let bin = try #require(Self.binary)
        let server = Process()
        server.executableURL = bin
        server.arguments = ["sandbox", "--port", "0", "--log-requests", log.path]
        server.environment = env.merging(["SWIFT_BACKTRACE": "interactive=no"]) { a, _ in a }
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        // The first line names the URL.
        let first = await readFirstLine(out.fileHandleForReading)
        let url = try #require(first.split(separator: " ").last.map(String.init))
        #expect(url.hasPrefix("http://127.0.0.1:"))
        var e = env
        e["REVOX_BASE_URL"] = url
        e["REVOX_API_KEY"] = "sk_anything_at_all"

        let draft = try CLITests.draft("d.json", in: dir)
        let created = try await Self.run(["submit", draft.path], env: e)
        let id = try #require(try JSONParser.parse(created.stdout).objectValue?["id"]?.stringValue)
        let list = try await Self.run(["assistants", "list"], env: e)
        #expect(list.stdout.contains(id))
        let got = try await Self.run(["assistants", "get", id], env: e)
        #expect(try JSONParser.parse(got.stdout).objectValue?["id"]?.stringValue == id)
        let deleted = try await Self.run(["assistants", "delete", "--yes", id], env: e)
        #expect(deleted.status == 0)
        let again = try await Self.run(["assistants", "get", id], env: e)
        #expect(again.status == 1)
        #expect(again.stderr.contains("404"))

        let exited = AsyncStream<Int32>.makeStream()
        server.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        server.interrupt()
        var status: Int32 = -1
        for await s in exited.stream { status = s }
        #expect(status == 0, "stops cleanly on Ctrl-C")
        let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(logged.map { $0.objectValue?["method"]?.stringValue ?? "" } == ["POST", "GET", "GET", "DELETE", "GET"])
        #expect(logged.first?.objectValue?["body"] == minimalBody)
    }
}

@Suite("CLI: a submitted draft remembers its assistant")
struct SubmitMemoryTests {
    @Test func aSecondSubmitIsRefusedThenCreateNewAndUpdateAreExplicit() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let sb = try await Sandbox.start()
        let e = CLITests.env(env, for: sb)
        let file = dir.appendingPathComponent("front-desk.json")
        let bytes = CanonicalJSON.encode(minimalBody)
        try Data(bytes).write(to: file)

        let first = try await CLITests.run(["submit", file.path], env: e)
        #expect(first.status == 0, "\(first.stderr)")
        let id = try JSONParser.parse(first.stdout).objectValue?["id"]?.stringValue
        let meta = try JSONParser.parse(String(contentsOf: dir.appendingPathComponent(".front-desk.meta.json"), encoding: .utf8))
        #expect(meta.objectValue?["servers"]?.objectValue?[sb.baseURL]?.objectValue?["assistant_id"]?.stringValue == id)
        #expect(try Data(contentsOf: file) == Data(bytes), "the body is not changed")

        let second = try await CLITests.run(["submit", file.path], env: e)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already submitted") && second.stderr.contains(id ?? "?"))
        #expect(await sb.createRequestCount == 1, "nothing sent the second time")

        try Data(CanonicalJSON.encode(["name": "Front desk 2", "prompt": "P"])).write(to: file)
        let updated = try await CLITests.run(["submit", file.path, "--update"], env: e)
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(try JSONParser.parse(updated.stdout).objectValue?["id"]?.stringValue == id)
        #expect(await sb.receivedRequests.last?.method == "PATCH")
        #expect(await sb.receivedRequests.last?.path == "/assistants/\(id ?? "")")

        let again = try await CLITests.run(["submit", file.path, "--create-new"], env: e)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(await sb.createRequestCount == 2)
        await sb.stop()
    }

    @Test func theInProcessSandboxLeavesNoRecord() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let file = try CLITests.draft("d.json", in: dir)
        let r = try await CLITests.run(["submit", file.path, "--sandbox"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".d.meta.json").path))
    }
}
