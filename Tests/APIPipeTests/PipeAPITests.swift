#if canImport(Glibc)
import Glibc
#endif
@testable import APIPipe
import AssistantModel
import Drafts
import Foundation
import RevoxClient
import RevoxSandbox
import Testing

/// The wizard's API through the real networking helper (`assistant-wizard-net`, built beside the
/// test bundle), and what the session sees when the helper dies or hangs in the middle of a create.
@Suite(.serialized) struct PipeAPITests {
    static let body = json(#"{"name": "Front desk", "prompt": "You answer calls."}"#)

    /// The helper built with the tests: `swift build --build-tests` puts it beside the bundle.
    static var helper: String {
        let path = HelperProcess.path()
        precondition(FileManager.default.isExecutableFile(atPath: path), "build the helper first: swift build --build-tests (\(path) is missing)")
        return path
    }

    static func json(_ text: String) -> JSONValue { try! JSONParser.parse(Array(text.utf8)) }

    static func error(_ body: () async throws(RevoxError) -> Void) async -> RevoxError? {
        do throws(RevoxError) { try await body(); return nil } catch { return error }
    }

    /// Polls (no fixed sleep) until `condition` holds, for up to `seconds`.
    static func eventually(_ seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < end {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }

    static func isGone(_ pid: pid_t) -> Bool { kill(pid, 0) != 0 && errno == ESRCH }

    /// `--api latest` reaches the helper's sandbox: it answers as today's API does (a field only
    /// the latest generation has is answered), where the seed's sandbox answers the seed's fields.
    @Test func theSandboxSpeaksTheGenerationItWasAskedFor() async throws {
        let body = Self.json(#"{"name": "Front desk", "prompt": "You answer calls."}"#)
        let latest = PipeAPI(connection: .sandbox(timeout: .seconds(20), api: .latest), helperPath: Self.helper)
        let created = try await latest.createAssistant(body)
        #expect(created.json.contains("sms_enabled"), "\(created.json)")
        await latest.shutdown()
        let seed = PipeAPI(connection: .sandbox(timeout: .seconds(20), api: .seed), helperPath: Self.helper)
        let old = try await seed.createAssistant(body)
        #expect(!old.json.contains("sms_enabled"), "\(old.json)")
        await seed.shutdown()
        #expect(try PipeWire.connection(fromHello: PipeWire.hello(.sandbox(timeout: .seconds(3), api: .latest))) == .sandbox(timeout: .seconds(3), api: .latest))
    }

    @Test func theSandboxServesEveryCallThroughTheHelper() async throws {
        let api = PipeAPI(connection: .sandbox(timeout: .seconds(20), api: .seed), helperPath: Self.helper)
        let voices = try await api.listVoices()
        #expect(!voices.isEmpty)
        let created = try await api.createAssistant(Self.body)
        #expect(created.name == "Front desk")
        let fetched = try await api.assistant(id: created.id)
        #expect(fetched == created)
        let changed = try await api.updateAssistant(id: created.id, changes: ["name": "Reception"])
        #expect(changed.name == "Reception")
        #expect(try await api.listAssistants().map(\.id) == [created.id])
        let refused = await Self.error { () throws(RevoxError) in _ = try await api.createAssistant(["name": "No prompt"]) }
        #expect(refused?.kind == .invalidFields)
        #expect(refused?.fieldErrors.contains { $0.path == "prompt" } == true)
        try await api.deleteAssistant(id: created.id)
        let missing = await Self.error { () throws(RevoxError) in _ = try await api.assistant(id: created.id) }
        #expect(missing?.kind == .notFound)
        let pid = try #require(api.helperPID)
        await api.shutdown()
        #expect(Self.isGone(pid), "the helper exits when the wizard closes the pipe")
    }

    @Test func theKeyTravelsOverThePipeNeverInTheHelpersArgvOrEnvironment() async throws {
        let sb = try await Sandbox.start()
        defer { Task { await sb.stop() } }
        let key = "sk_test_PIPEKEY_0123456789abcdef"
        let config = try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(key), keySource: .environment, timeout: .seconds(20))
        let api = PipeAPI(connection: .remote(config), helperPath: Self.helper)
        _ = try await api.listVoices()
        #expect(await sb.receivedRequests.last?.hadAuthorization == true)
        let pid = try #require(api.helperPID)
        let cmdline = try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
        let environ = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(!cmdline.contains(key) && !environ.contains(key))
        await api.shutdown()
    }

    /// A sandbox that takes `latency` to answer, logging what it received, and a session whose
    /// draft is to be created on it through the helper.
    struct SlowServer {
        let sandbox: Sandbox
        let api: PipeAPI
        let session: DraftSession
        var server: DraftServer { DraftServer(baseURL: sandbox.baseURL) }

        static func start(latency: Duration, timeout: Duration = .seconds(30), grace: Duration = .seconds(5)) async throws -> SlowServer {
            let sb = try await Sandbox.start(SandboxOptions(faults: SandboxFaults(latency: latency)))
            let config = try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey), timeout: timeout)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let session = DraftSession.new(store: DraftStore(directory: dir), body: PipeAPITests.body)
            return SlowServer(sandbox: sb, api: PipeAPI(connection: .remote(config), helperPath: PipeAPITests.helper, grace: grace), session: session)
        }

        var creates: Int { get async { await sandbox.receivedRequests.filter(\.isCreate).count } }
    }

    @Test func aHelperKilledMidCreateIsMayHaveBeenCreatedAndNothingIsResent() async throws {
        let s = try await SlowServer.start(latency: .seconds(30))
        let plan = s.session.plan(for: s.server)
        #expect(plan.isCreate)
        let send = Task { await s.session.send(plan, to: s.server, via: s.api) }
        // The create has reached the server (which sits on it); then the helper dies.
        #expect(await Self.eventually { await s.creates == 1 })
        let pid = try #require(s.api.helperPID)
        kill(pid, SIGKILL)
        let outcome = await send.value
        guard case .failed(let e) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
        #expect(e.kind == .outcomeUnknown && e.mayHaveBeenCreated)
        #expect(e.message.contains("may have been created"))
        #expect(e.suggestion.contains("Do not send it again"))
        #expect(await s.creates == 1, "never re-sent")
        await s.api.shutdown()
        s.session.close()
        await s.sandbox.stop()
    }

    @Test func aHelperStuckMidCreateIsStoppedAndMayHaveBeenCreated() async throws {
        let s = try await SlowServer.start(latency: .seconds(30), timeout: .seconds(1), grace: .milliseconds(500))
        let plan = s.session.plan(for: s.server)
        let send = Task { await s.session.send(plan, to: s.server, via: s.api) }
        #expect(await Self.eventually { await s.creates == 1 })
        let pid = try #require(s.api.helperPID)
        kill(pid, SIGSTOP)   // hung: alive, reading nothing, answering nothing
        let outcome = await send.value
        guard case .failed(let e) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
        #expect(e.kind == .outcomeUnknown && e.mayHaveBeenCreated)
        #expect(await Self.eventually { Self.isGone(pid) }, "a stuck helper is killed")
        #expect(await s.creates == 1, "never re-sent")
        await s.api.shutdown()
        s.session.close()
        await s.sandbox.stop()
    }

    @Test func aReadWhoseHelperDiesSaysSoAndNothingWasCreated() async throws {
        let s = try await SlowServer.start(latency: .seconds(30))
        let read = Task { await Self.error { () throws(RevoxError) in _ = try await s.api.listVoices() } }
        #expect(await Self.eventually { await s.sandbox.receivedRequests.count == 1 })
        kill(try #require(s.api.helperPID), SIGKILL)
        let e = await read.value
        #expect(e?.kind == .noConnection && e?.mayHaveBeenCreated == false)
        #expect(e?.message.contains("networking helper stopped") == true)
        await s.api.shutdown()
        s.session.close()
        await s.sandbox.stop()
    }

    @Test func theCallAfterAHelperDiedStartsANewOne() async throws {
        let api = PipeAPI(connection: .sandbox(timeout: .seconds(20), api: .seed), helperPath: Self.helper)
        _ = try await api.listVoices()
        let first = try #require(api.helperPID)
        kill(first, SIGKILL)
        #expect(await Self.eventually { api.helperPID == nil }, "the reader notices the end")
        #expect(try await !api.listVoices().isEmpty)
        #expect(api.helperPID != nil && api.helperPID != first)
        await api.shutdown()
    }

    @Test func aMissingHelperIsNoConnectionAndNothingWasSent() async throws {
        let api = PipeAPI(connection: .sandbox(timeout: .seconds(5), api: .seed), helperPath: "/nonexistent/assistant-wizard-net")
        let e = await Self.error { () throws(RevoxError) in _ = try await api.createAssistant(Self.body) }
        #expect(e?.kind == .noConnection && e?.mayHaveBeenCreated == false)
        #expect(e?.message.contains("Nothing was sent") == true)
        #expect(e?.message.contains("/nonexistent/assistant-wizard-net") == true)
    }

    @Test func errorsCrossThePipeWhole() throws {
        let e = RevoxError(kind: .rateLimited, method: "GET", path: "/voices", status: 429,
                           fieldErrors: [FieldError(path: "voice.speed", message: "too fast\nreally")], retryAfter: 2.5,
                           rawBody: "{\"error\": \"slow down\"}", serverMessage: "slow down", detail: "d", message: "m", suggestion: "s")
        let line = PipeWire.line(PipeWire.answer(id: 7, .failure(e)))
        #expect(line.filter { $0 == 0x0A }.count == 1, "one line, whatever the strings hold")
        let back = try #require(PipeWire.answer(try JSONParser.parse(Array(line.dropLast()))))
        guard case .failure(let f) = back.1 else { Issue.record("not an error"); return }
        #expect(back.0 == 7)
        #expect(f.kind == e.kind && f.status == 429 && f.retryAfter == 2.5 && f.fieldErrors == e.fieldErrors)
        #expect(f.rawBody == e.rawBody && f.serverMessage == e.serverMessage && f.detail == "d" && f.message == "m" && f.suggestion == "s")
    }
}
