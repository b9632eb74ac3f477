import AssistantModel
import Drafts
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
            // Edit by id, as every front end does it: the session saves the draft and records the server.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("latest-\(UUID().uuidString)").path
            let session = try DraftSession.fetched(fetched, from: DraftServer(baseURL: sb.baseURL), store: DraftStore(directory: dir))
            defer { session.close() }
            #expect(session.body == full, "the draft holds every field the server has")
            #expect(try DraftStore(directory: dir).load(#require(session.slug)) == full, "and so does its file")
            #expect(session.issues == [])
            var draft = session.body
            try draft.set("name", to: "Renamed")
            session.edit(draft)
            guard case .update(let id, let changes) = session.plan(for: DraftServer(baseURL: sb.baseURL)) else { Issue.record("not a PATCH"); return }
            #expect(id == created.id && changes.keys == ["name"] && changes.leftAlone == [])
            let outcome = await session.send(.update(id: id, changes), to: DraftServer(baseURL: sb.baseURL), via: client)
            guard case .sent(let renamed, false, nil) = outcome else { Issue.record("\(outcome)"); return }
            #expect(renamed.name == "Renamed")
            let patch = await sb.receivedRequests.last { $0.method == "PATCH" }
            #expect(patch.map { try? JSONParser.parse($0.body) } == ["name": "Renamed"])
        } catch {
            await client.shutdown(); await sb.stop(); throw error
        }
        await client.shutdown()
        await sb.stop()
    }
}
