import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing

/// `sandbox --api latest`: answers in the 0.5.0 shapes with the server's defaults, validates by the
/// latest rules. The seed sandbox is unchanged.
@Suite struct LatestSandboxTests {
    static let full: JSONValue = {
        let url = packageRoot.appendingPathComponent("Tests/AssistantModelTests/Fixtures/latest-full.json")
        return try! JSONParser.parse(Array(try! Data(contentsOf: url)))
    }()

    func withLatest(_ body: (RevoxHTTPClient) async throws -> Void) async throws {
        let sb = try await Sandbox.start(SandboxOptions(api: .latest))
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)),
                                     options: Fixture.fastOptions)
        do { try await body(client) } catch { await client.shutdown(); await sb.stop(); throw error }
        await client.shutdown()
        await sb.stop()
    }

    @Test func minimalCreateGetsEveryLatestFieldWithDefaults() async throws {
        try await withLatest { client in
            let a = try await client.createAssistant(["name": "n", "prompt": "p"])
            for key in CanonicalJSON.requestKeyOrder(for: .latest) { #expect(a.json.contains(key), "response lacks \(key)") }
            #expect(!a.json.contains("transfer_phone_number"))
            #expect(a.json["sms_enabled"] == false)
            #expect(a.json["stt_model"] == "stt-rt-v5")
            #expect(a.json["type"] == "standalone")
            #expect(a.json["background_sound_volume"]?.numberValue?.doubleValue == 0.5)
            #expect(a.json["transfer_destinations"] == .null)
        }
    }

    @Test func everyFieldSentIsKeptAndRetryDefaultsAreFilled() async throws {
        try await withLatest { client in
            let a = try await client.createAssistant(Self.full)
            for (key, value) in Self.full.objectValue! where key != "faq_items" {
                #expect(a.json[key] == value, "\(key) not kept")
            }
            var old = Self.full
            try old.set("call_retry_config", to: ["calling_windows": [["calling_window_start_time": "09:00", "calling_window_end_time": "17:00",
                                                                         "retry_delay_seconds": 60]], "max_retry_attempts": 2])
            let b = try await client.createAssistant(old)
            #expect(b.json["call_retry_config"]?.objectValue?["allowed_days"] == ["monday", "tuesday", "wednesday", "thursday", "friday"])
            #expect(b.json["call_retry_config"]?.objectValue?["call_twice_in_a_row"] == false)
            // Edit by id keeps every writable field of the answer in the draft.
            let fetched = try await client.assistant(id: a.id)
            #expect(fetched.generation == .latest)
            #expect(JSONValue.object(fetched.requestBody) == Self.full)
            let renamed = try await client.updateAssistant(id: a.id, changes: ["name": "Renamed"])
            #expect(renamed.json["human_transfer_mode"] == "warm" && renamed.json["name"] == "Renamed")
        }
    }

    @Test func latestRulesRejectWhatTheLatestSDKRejects() async throws {
        try await withLatest { client in
            var bad = Self.full
            try bad.set("human_transfer_mode", to: "lukewarm")
            try bad.set("stt_model", to: "stt-rt-v9")
            let e = await revoxError { () async throws(RevoxError) in try await client.createAssistant(bad) }
            #expect(e?.kind == .invalidFields)
            #expect(Set(e?.fieldErrors.map(\.path) ?? []) == ["human_transfer_mode", "stt_model"])
        }
    }

    @Test func theSeedSandboxStillSpeaksTheSeed() async throws {
        try await withFixture { f in
            let e = await revoxError { () async throws(RevoxError) in
                try await f.client.createAssistant(["name": "n", "prompt": "p", "voice": ["id": "v", "provider": "gradium"]])
            }
            #expect(e?.fieldErrors.map(\.path) == ["voice.provider"])
            let a = try await f.client.createAssistant(["name": "n", "prompt": "p", "sms_enabled": true, "transfer_phone_number": "+14155550100"])
            #expect(!a.json.contains("sms_enabled"))
            #expect(a.json["transfer_phone_number"] == "+14155550100")
        }
    }
}
