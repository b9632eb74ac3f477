import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing

@Suite("Endpoints over loopback HTTP")
struct EndpointTests {
    @Test func voicesCoverBothProvidersAndSeveralLanguages() async throws {
        try await withFixture { f in
            let voices = try await f.client.listVoices()
            #expect(voices.count >= 20)
            #expect(Set(voices.map(\.provider)) == ["cartesia", "elevenlabs"])
            #expect(Set(voices.map(\.language)).count >= 5)
            #expect(Set(voices.map(\.id)).count == voices.count, "voice ids are unique")
            #expect(voices.allSatisfy { !$0.name.isEmpty && !$0.description.isEmpty })
        }
    }

    @Test func createSendsCanonicalBytesAndGetsEveryField() async throws {
        try await withFixture { f in
            let a = try await f.client.createAssistant(minimalBody)
            #expect(!a.id.isEmpty)
            #expect(a.name == "Front desk")
            for key in CanonicalJSON.requestKeyOrder + ["id", "organization_id", "created_at", "updated_at"] {
                #expect(a.json.contains(key), "response lacks \(key)")
            }
            #expect(a.firstSentenceMode == "generated")
            #expect(a.json["llm_model"] == ["type": "dedicated-instance", "name": "gpt-4.1"])
            #expect(a.json["webhook_url"] == .null)
            #expect(a.json["first_sentence_delay_ms"] == 400)
            let received = await f.sandbox.receivedRequests
            #expect(received.count == 1)
            #expect(received[0].method == "POST" && received[0].path == "/assistants")
            #expect(received[0].body == CanonicalJSON.encode(minimalBody))
            #expect(received[0].hadAuthorization)
        }
    }

    @Test func getPatchListDeleteRoundTrip() async throws {
        try await withFixture { f in
            let created = try await f.client.createAssistant(parse("""
                {"name": "A", "prompt": "P", "first_sentence": "Hi", "first_sentence_mode": "static"}
                """))
            let fetched = try await f.client.assistant(id: created.id)
            #expect(fetched.json == created.json)

            let patched = try await f.client.updateAssistant(id: created.id, changes: ["name": "B"])
            #expect(patched.name == "B")
            #expect(patched.prompt == "P", "fields not sent are kept")
            #expect(patched.json["first_sentence"] == "Hi")
            #expect(patched.json["first_sentence_mode"] == "static")
            #expect(patched.createdAt == created.createdAt)

            let list = try await f.client.listAssistants()
            #expect(list.map(\.id) == [created.id])
            #expect(list[0].name == "B")

            try await f.client.deleteAssistant(id: created.id)
            let gone = await revoxError { () throws(RevoxError) in try await f.client.assistant(id: created.id) }
            #expect(gone?.kind == .notFound)
            #expect(gone?.status == 404)
            let r1 = try await f.client.listAssistants()
            #expect(r1.isEmpty)
        }
    }

    @Test func patchValidatesTheMergedResultAndUnknownIdsAre404() async throws {
        try await withFixture { f in
            let a = try await f.client.createAssistant(minimalBody)
            let blank = await revoxError { () throws(RevoxError) in try await f.client.updateAssistant(id: a.id, changes: ["name": "   "]) }
            #expect(blank?.kind == .invalidFields)
            #expect(blank?.fieldErrors.map(\.path) == ["name"])
            let r2 = try await f.client.assistant(id: a.id)
            #expect(r2.name == "Front desk", "a refused PATCH changes nothing")
            let missing = await revoxError { () throws(RevoxError) in try await f.client.updateAssistant(id: "nope", changes: ["name": "x"]) }
            #expect(missing?.kind == .notFound)
            let missingDelete = await revoxError { () throws(RevoxError) in try await f.client.deleteAssistant(id: "nope") }
            #expect(missingDelete?.kind == .notFound)
        }
    }

    @Test func invalidBodyIs422WithPathsAndNothingStored() async throws {
        try await withFixture { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(["name": "No prompt"]) }
            #expect(e?.kind == .invalidFields)
            #expect(e?.status == 422)
            #expect(e?.fieldErrors.contains { $0.path == "prompt" } == true)
            #expect(e?.message.contains("prompt") == true)
            #expect(e?.isRejection == true)
            let r3 = try await f.client.listAssistants()
            #expect(r3.isEmpty)
        }
    }

    @Test func nonObjectBodyIs400() async throws {
        try await withFixture { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(["not", "an", "object"]) }
            #expect(e?.kind == .badRequest)
            #expect(e?.serverMessage?.contains("JSON object") == true)
        }
    }

    @Test func missingKeyIs401WithAMessageAboutTheKey() async throws {
        let sb = try await Sandbox.start()
        try await withClient(try RevoxConfiguration(baseURL: sb.baseURL, apiKey: nil)) { client in
            let e = await revoxError { () throws(RevoxError) in try await client.listVoices() }
            #expect(e?.kind == .unauthorized)
            #expect(e?.message.contains("No API key") == true)
            #expect(e?.suggestion.contains("REVOX_API_KEY") == true)
        }
        await sb.stop()
    }

    @Test func aRefusedKeyIsNamedMaskedNeverInFull() async throws {
        let sb = try await Sandbox.start(SandboxOptions(faults: SandboxFaults(forced: .next(1), forcedStatus: 401)))
        let key = APIKey("sk_live_0123456789abcdef1a2b")!
        try await withClient(try RevoxConfiguration(baseURL: sb.baseURL, apiKey: key)) { client in
            let e = await revoxError { () throws(RevoxError) in try await client.listVoices() }
            #expect(e?.kind == .unauthorized)
            #expect(e?.message.contains("sk_…1a2b") == true)
            #expect(e.map { !"\($0.message) \($0.suggestion) \($0.details)".contains(key.secret) } == true)
        }
        await sb.stop()
    }

    @Test func stoppedSandboxFreesItsPort() async throws {
        let sb = try await Sandbox.start()
        let port = sb.port
        await sb.stop()
        let again = try await Sandbox.start(SandboxOptions(port: port))
        #expect(again.port == port)
        await again.stop()
    }

    @Test func requestLogIsJSONLines() async throws {
        let dir = try makeTempDir()
        let log = dir.appendingPathComponent("requests.jsonl").path
        let sb = try await Sandbox.start(SandboxOptions(logRequestsPath: log))
        try await withClient(try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey))) { client in
            _ = try await client.createAssistant(minimalBody)
            _ = try await client.listVoices()
        }
        await sb.stop()
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { parse(String($0)) }
        #expect(lines.count == 2)
        #expect(lines[0].objectValue?["method"] == "POST")
        #expect(lines[0].objectValue?["path"] == "/assistants")
        #expect(lines[0].objectValue?["body"] == minimalBody)
        #expect(lines[1].objectValue?["path"] == "/voices")
        #expect(lines[1].objectValue?["body"] == .null)
    }
}
