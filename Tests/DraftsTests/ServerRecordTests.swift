import AssistantModel
import Drafts
import Foundation
import RevoxClient
import Testing

/// What was sent where: each server has its own record, so a draft is never sent twice to one
/// server and one server's id is never sent to another.
@Suite(.serialized) struct ServerRecordTests {
    let body = json(#"{"name": "Front desk", "prompt": "You answer calls."}"#)

    @Test("A, then B, then A: a create on each, then a PATCH of A's own id on A")
    func sendToTwoServers() async throws {
        let (a, b) = (try await Server.start(), try await Server.start())
        defer { Task { await a.stop(); await b.stop() } }
        let store = try tempStore()
        let session = DraftSession.new(store: store, body: body)

        guard case .create = session.plan(for: a.draftServer) else { Issue.record("not a create on A"); return }
        let onA = await session.send(session.plan(for: a.draftServer), to: a.draftServer, via: a.client)
        guard case .sent(let createdOnA, true, nil) = onA else { Issue.record("\(onA)"); return }

        // B has never seen this draft: a create there, never a PATCH of A's id.
        guard case .create = session.plan(for: b.draftServer) else { Issue.record("B was not a create"); return }
        let onB = await session.send(session.plan(for: b.draftServer), to: b.draftServer, via: b.client)
        guard case .sent(let createdOnB, true, nil) = onB else { Issue.record("\(onB)"); return }

        // Back on A with a change: a PATCH of A's assistant, not a second create.
        session.edit(json(#"{"name": "Front desk", "prompt": "You answer calls politely."}"#))
        guard case .update(let id, let changes) = session.plan(for: a.draftServer) else { Issue.record("A was not an update"); return }
        #expect(id == createdOnA.id && changes.keys == ["prompt"])
        let again = await session.send(session.plan(for: a.draftServer), to: a.draftServer, via: a.client)
        guard case .sent(_, false, nil) = again else { Issue.record("\(again)"); return }

        #expect(await a.writes == ["POST /assistants", "PATCH /assistants/\(createdOnA.id)"])
        #expect(await b.writes == ["POST /assistants"])
        #expect(!(await b.writes).contains { $0.contains(createdOnA.id) })
        // Both records are on disk, each under its server.
        let slug = try #require(session.slug)
        let meta = try #require(try store.metadata(slug))
        #expect(meta[a.sandbox.baseURL]?.assistantID == createdOnA.id)
        #expect(meta[b.sandbox.baseURL]?.assistantID == createdOnB.id)
    }

    @Test("The built-in sandbox's ids are kept for the session only, never on disk")
    func builtInSandboxKeepsNoRecord() async throws {
        let a = try await Server.start()
        defer { Task { await a.stop() } }
        let store = try tempStore()
        let session = DraftSession.new(store: store, body: body)
        _ = await session.send(session.plan(for: .builtInSandbox), to: .builtInSandbox, via: a.client)
        guard case .nothingToSend = session.plan(for: .builtInSandbox) else { Issue.record("not remembered in the session"); return }
        let slug = try #require(session.slug)
        let meta = try store.metadata(slug)
        #expect(meta?.isSubmitted != true)
        // The draft tried in the sandbox can still be sent to Revox: a create there.
        guard case .create = session.plan(for: DraftServer(baseURL: "https://www.getrevox.com/api")) else { Issue.record("blocked"); return }
    }

    @Test("A record that cannot be stored is in the outcome, with the id")
    func unstorableRecordIsReported() async throws {
        let a = try await Server.start()
        defer { Task { await a.stop() } }
        let store = try tempStore()
        let session = DraftSession.new(store: store, body: body)
        session.save()
        // The sidecar's name is taken by a folder: the record cannot be written.
        let slug = try #require(session.slug)
        try FileManager.default.createDirectory(atPath: store.metadataFile(for: slug), withIntermediateDirectories: false)
        let outcome = await session.send(session.plan(for: a.draftServer), to: a.draftServer, via: a.client)
        guard case .sent(let assistant, true, let failure?) = outcome else { Issue.record("\(outcome)"); return }
        #expect(outcome.recordWarning?.contains(assistant.id) == true)
        _ = failure
        // Within the session it is still known: the next send is a PATCH, never a second create.
        session.edit(json(#"{"name": "Front desk 2", "prompt": "You answer calls."}"#))
        guard case .update(let id, _) = session.plan(for: a.draftServer) else { Issue.record("a second create was planned"); return }
        #expect(id == assistant.id)
    }

    @Test("A damaged sidecar blocks sending, names its path, and is never overwritten")
    func damagedSidecar() async throws {
        let store = try tempStore()
        let slug = try store.create(body)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: store.metadataFile(for: slug)))
        let session = try DraftSession.open(store: store, slug: slug)
        defer { session.close() }
        guard case .recordUnreadable(let e) = session.plan(for: DraftServer(baseURL: "http://127.0.0.1:9")) else { Issue.record("not blocked"); return }
        #expect(e.description.contains(store.metadataFile(for: slug)))
        let fake = Assistant(json: JSONObject([("id", "asst_1"), ("name", "x")]))!
        #expect(session.remember(fake, on: DraftServer(baseURL: "http://127.0.0.1:9"), created: true) != nil)
        #expect(try String(contentsOfFile: store.metadataFile(for: slug), encoding: .utf8) == "{ not json")
    }

    @Test("Records written by older versions are read: one record, with or without a base URL")
    func legacyRecords() throws {
        let withURL = DraftMetadata(json: json(#"{"assistant_id": "asst_1", "base_url": "http://127.0.0.1:5", "server_copy": {"id": "asst_1"}}"#))
        #expect(withURL["http://127.0.0.1:5"]?.assistantID == "asst_1" && withURL.servers.count == 1)
        let without = DraftMetadata(json: json(#"{"assistant_id": "asst_2"}"#))
        #expect(without[DraftMetadata.legacyServer]?.assistantID == "asst_2")
        // Written back in the new shape, the old keys are gone.
        #expect(withURL.json.objectValue?["assistant_id"] == nil)
        #expect(DraftMetadata(json: withURL.json) == withURL)
    }
}
