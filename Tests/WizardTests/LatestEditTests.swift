import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing
@testable import Wizard

/// Issue 13: a 0.5.0-shaped assistant (every field filled) fetched by id keeps every writable
/// field in the draft, and a rename PATCHes only `name`.
@Suite struct LatestEditTests {
    @Test func renameOfALatestAssistantPatchesOnlyName() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../AssistantModelTests/Fixtures/latest-full.json").standardizedFileURL
        let full = try JSONParser.parse(Array(try Data(contentsOf: url)))
        let sb = try await Sandbox.start(SandboxOptions(api: .latest))
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)))
        do {
            let created = try await client.createAssistant(full)
            let fetched = try await client.assistant(id: created.id)
            var draft = JSONValue.object(fetched.requestBody)
            #expect(draft == full, "the draft holds every field the server has")
            #expect(Validator.validate(draft, api: APIGeneration.resolve(nil, for: draft)) == [])
            try draft.set("name", to: "Renamed")
            let diff = PatchDiff(draft: draft, server: .object(fetched.json))
            #expect(diff.changes.keys == ["name"])
            #expect(diff.leftAlone == [])
            let renamed = try await client.updateAssistant(id: created.id, changes: .object(diff.changes))
            #expect(renamed.name == "Renamed")
            let patch = await sb.receivedRequests.last { $0.method == "PATCH" }
            #expect(patch?.bodyText.contains("\"name\"") == true && patch?.bodyText.contains("prompt") == false)
        } catch {
            await client.shutdown(); await sb.stop(); throw error
        }
        await client.shutdown()
        await sb.stop()
    }
}
