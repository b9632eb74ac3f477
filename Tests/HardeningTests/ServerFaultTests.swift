import AssistantModel
import Drafts
import Foundation
import RevoxClient
import RevoxSandbox
import TerminalUI
import Testing
@testable import Wizard

/// Each server fault ends in a clear message, the draft kept, and at most one create sent.
@Suite("Server faults")
struct ServerFaultTests {
    static let body: JSONValue = ["name": "Front desk", "prompt": "You answer calls for {{company}}."]

    static var fast: RevoxHTTPClient.Options {
        var o = RevoxHTTPClient.Options()
        o.retryBaseDelay = .milliseconds(20)
        o.maxRetryDelay = .milliseconds(100)
        // Generous: only the cases about timeouts set short ones; the rest must not fail because
        // the machine is busy with the other tests.
        o.connectTimeout = .seconds(10)
        o.requestTimeout = .seconds(30)
        return o
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var faults: SandboxFaults
        var timeout: Duration = .seconds(30)
        var kinds: Set<RevoxError.Kind>
        /// Words the message must contain (lowercased).
        var says: [String]
        var description: String { name }
    }

    static let sandboxCases: [Case] = [
        Case(name: "slow (1.5 s), within the deadline", faults: SandboxFaults(latency: .milliseconds(1500)), kinds: [], says: []),
        Case(name: "timeout after the request was sent", faults: SandboxFaults(latency: .seconds(3)), timeout: .milliseconds(500),
             kinds: [.outcomeUnknown], says: ["may have been created"]),
        Case(name: "500", faults: SandboxFaults(serverError: .next(5)), kinds: [.serverError], says: ["500"]),
        Case(name: "429 with Retry-After", faults: SandboxFaults(rateLimit: .next(5), retryAfterSeconds: 7), kinds: [.rateLimited], says: ["429", "7 s"]),
        Case(name: "connection closed after the create", faults: SandboxFaults(dropAfterCreate: .next(1)), kinds: [.outcomeUnknown], says: ["may have been created"]),
        Case(name: "HTML instead of JSON", faults: SandboxFaults(notJSON: .next(1)), kinds: [.outcomeUnknown], says: ["not the json"]),
        Case(name: "503", faults: SandboxFaults(forced: .next(5), forcedStatus: 503), kinds: [.serverError], says: ["503"]),
    ]

    /// Sends the body through the wizard (F5, Enter), runs the create with the real client, feeds
    /// the result back, and checks the screen, the draft and the create count.
    /// The wizard is returned as the result screen shows it, with its canvas; the effects include
    /// those of the user looking at the result and going back.
    static func throughWizard(_ create: (JSONValue) async -> Result<Assistant, RevoxError>) async -> (Wizard, [WizardEffect], Canvas) {
        var w = Wizard(backend: Backend(isSandbox: true, baseURL: "sandbox", maskedKey: nil), body: body, rows: 30, cols: 220)
        _ = w.update(.input(.key(KeyPress(.function(5)))))
        _ = w.update(.input(.key(.enter))) // the question: create it here?
        let effects = w.update(.input(.key(.char("y"))))
        var later: [WizardEffect] = []
        for e in effects {
            guard case .send(.create(let b)) = e else { continue }
            let result = await create(b)
            later += w.update(.sendFinished(SendOutcome(result, wasCreate: true), record: nil))
        }
        var canvas = Canvas(rows: 30, cols: 220)
        w.render(into: &canvas)
        // The user looks at the result and comes back: nothing is sent on the program's own.
        var after = w
        for m: WizardMessage in [.tick, .tick, .input(.key(.escape)), .tick, .tick] { later += after.update(m) }
        if after.state.draft != body { Issue.record("the draft changed after the result") }
        return (w, effects + later, canvas)
    }

    @Test("sandbox faults through the client and the wizard", arguments: sandboxCases)
    func sandboxFault(_ c: Case) async throws {
        let sb = try await Sandbox.start(SandboxOptions(faults: c.faults))
        var o = Self.fast
        o.requestTimeout = c.timeout
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)), options: o)
        var resultScreen = ""
        let (w, effects, _) = await Self.throughWizard { b in
            do throws(RevoxError) { return .success(try await client.createAssistant(b)) } catch { return .failure(error) }
        }
        var canvas = Canvas(rows: 30, cols: 220)
        var shown = w
        if case .failed = w.state.send {} else if case .succeeded = w.state.send {} else { Issue.record("\(c): the send did not finish: \(w.state.send)") }
        shown.state.screen = .result
        shown.render(into: &canvas)
        resultScreen = canvas.plainText
        #expect(effects.filter { if case .send(.create) = $0 { return true }; return false }.count == 1, "\(c): \(effects)")
        #expect(w.state.draft == Self.body, "\(c): the draft changed")
        if c.kinds.isEmpty {
            if case .succeeded = w.state.send {} else { Issue.record("\(c): \(w.state.send)") }
        } else if case .failed(let e) = w.state.send {
            #expect(c.kinds.contains(e.kind), "\(c): \(e.kind) \(e.message)")
            for word in c.says { #expect(e.message.lowercased().contains(word), "\(c): \(e.message)") }
            #expect(resultScreen.contains(String(e.message.prefix(60)).sanitizedForDisplay), "\(c): the message is not on screen:\n\(resultScreen)")
        } else {
            Issue.record("\(c): expected a failure, got \(w.state.send)")
        }
        // Wait out a slow server so a late create would be counted too.
        try await Task.sleep(for: .milliseconds(c.timeout < .seconds(1) ? 3200 : 100))
        let creates = await sb.createRequestCount
        #expect(creates <= 1, "\(c): the create was sent \(creates) times")
        await client.shutdown()
        await sb.stop()
    }

    @Test("a server that is not listening: nothing sent, said so")
    func nothingListening() async throws {
        let server = try RawServer { _, _ in RawServer.Reply() }
        let port = server.port
        server.stop()
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: "http://127.0.0.1:\(port)", apiKey: APIKey("sk_test_0123456789")), options: Self.fast)
        let (w, _, _) = await Self.throughWizard { b in
            do throws(RevoxError) { return .success(try await client.createAssistant(b)) } catch { return .failure(error) }
        }
        await client.shutdown()
        guard case .failed(let e) = w.state.send else { Issue.record("\(w.state.send)"); return }
        #expect(e.kind == .noConnection && e.message.contains("Nothing was sent"), "\(e.message)")
        #expect(w.state.draft == Self.body)
    }

    struct RawCase: Sendable, CustomStringConvertible {
        var name: String
        var reply: RawServer.Reply
        var kinds: Set<RevoxError.Kind>
        var description: String { name }
    }

    static let tenMB: [UInt8] = {
        let filler = String(repeating: "x", count: 10 << 20)
        return Array(#"{"assistant": {"id": "a1", "name": "Front desk", "padding": ""#.utf8) + Array(filler.utf8) + Array(#""}}"#.utf8)
    }()

    static let rawCases: [RawCase] = [
        RawCase(name: "a 10 MB body", reply: RawServer.Reply(body: tenMB), kinds: [.outcomeUnknown]),
        RawCase(name: "JSON with a wrong Content-Type", reply: RawServer.json(#"{"assistant": {"id": "a1", "name": "Front desk"}}"#, contentType: "text/plain"), kinds: []),
        RawCase(name: "HTML with an HTML Content-Type", reply: RawServer.json("<html>\u{1B}[2J oops</html>", contentType: "text/html"), kinds: [.outcomeUnknown]),
        RawCase(name: "a body cut off mid-answer", reply: RawServer.Reply(body: Array(#"{"assistant": {"id": "a1", "name": "Front desk"}}"#.utf8), cutAfter: 12), kinds: [.outcomeUnknown]),
        RawCase(name: "an empty 200", reply: RawServer.Reply(body: []), kinds: [.outcomeUnknown]),
        RawCase(name: "a 500 with a hostile body", reply: RawServer.json("{\"message\": \"\u{1B}]0;pwned\u{7}\u{1B}[2J\u{202E}gnirts\"}", status: 500), kinds: [.serverError]),
    ]

    @Test("faults the sandbox has no switch for, through the client and the wizard", arguments: rawCases)
    func rawFault(_ c: RawCase) async throws {
        let server = try RawServer { _, _ in c.reply }
        defer { server.stop() }
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: server.baseURL, apiKey: APIKey("sk_test_0123456789")), options: Self.fast)
        let (w, effects, canvas) = await Self.throughWizard { b in
            do throws(RevoxError) { return .success(try await client.createAssistant(b)) } catch { return .failure(error) }
        }
        await client.shutdown()
        #expect(server.createCount == 1, "\(c): \(server.createCount) creates")
        #expect(effects.filter { if case .send(.create) = $0 { return true }; return false }.count == 1)
        #expect(w.state.draft == Self.body)
        if c.kinds.isEmpty {
            if case .succeeded = w.state.send {} else { Issue.record("\(c): \(w.state.send)") }
        } else if case .failed(let e) = w.state.send {
            #expect(c.kinds.contains(e.kind), "\(c): \(e.kind): \(e.message)")
            #expect(e.message.count < 1000 && e.rawBody.count < 20_000, "\(c): the message is not short: \(e.message.count), \(e.rawBody.count)")
            #expect(unsafeScalars(in: e.message + e.suggestion).isEmpty)
        } else {
            Issue.record("\(c): \(w.state.send)")
        }
        for r in 0..<canvas.rows { for col in 0..<canvas.cols { #expect(unsafeScalars(in: canvas[r, col].text, allowing: []).isEmpty) } }
    }

    @Test("submit (the CLI) against a sandbox process with faults: a message, an exit status, one create", arguments: [
        (["--fail-next", "3"], Int32(3), "500"),
        (["--rate-limit-next", "3", "--retry-after", "9"], Int32(3), "429"),
        (["--drop-create-next", "1"], Int32(4), "may have been created"),
        (["--not-json-next", "1"], Int32(4), "may have been created"),
        (["--status-next", "2", "--status", "503"], Int32(3), "503"),
    ])
    func submitAgainstFaults(flags: [String], status: Int32, says: String) async throws {
        let dir = try makeTempDir("submit-fault")
        let log = dir + "/requests.jsonl"
        let draft = dir + "/d.json"
        try Data(CanonicalJSON.encode(Self.body)).write(to: URL(fileURLWithPath: draft))
        let before = fileBytes(draft)
        let sandbox = try await SandboxProcess.start(flags + ["--log-requests", log], home: dir)
        let r = try await wizardCLI(["submit", draft], env: hermeticEnv(dir, ["REVOX_BASE_URL": sandbox.baseURL, "REVOX_API_KEY": "sk_test_HARDENING_0123456789"]))
        sandbox.stop()
        #expect(r.status == status, "exit \(r.status): \(r.err)")
        #expect(r.err.contains(says), "\(r.err)")
        #expect(fileBytes(draft) == before, "the draft changed")
        let creates = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.contains("\"POST\"") }
        #expect(creates.count == 1, "\(creates.count) creates")
    }
}

/// `assistant-wizard sandbox` as its own process, on a free port.
final class SandboxProcess: @unchecked Sendable {
    let process: Process
    let baseURL: String

    private init(process: Process, baseURL: String) { self.process = process; self.baseURL = baseURL }

    static func start(_ flags: [String], home: String) async throws -> SandboxProcess {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary("assistant-wizard"))
        p.arguments = ["sandbox", "--port", "0"] + flags
        p.environment = hermeticEnv(home)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try spawnLock.withLock { try p.run() }
        let first = await withCheckedContinuation { (cont: CheckedContinuation<String, Never>) in
            DispatchQueue.global().async {
                var seen = Data()
                while !seen.contains(0x0A) {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen.append(chunk)
                }
                cont.resume(returning: String(decoding: seen, as: UTF8.self))
            }
        }
        let url = try #require(first.split(separator: "\n").first?.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, "\(first)")
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(first)")
        // Keep draining stdout so the sandbox never blocks on a full pipe.
        DispatchQueue.global().async { _ = out.fileHandleForReading.readDataToEndOfFile() }
        return SandboxProcess(process: p, baseURL: url)
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }

    deinit { stop() }
}
