import AssistantModel
import Drafts
import RevoxClient
import Testing

/// The status of a draft against a server (issue 14), from the draft, the record's copy and the
/// server's copy now; and pulling through the session.
@Suite struct DraftStatusTests {
    static let copy: JSONValue = json(#"{"id": "a1", "name": "Desk", "prompt": "P", "updated_at": "1", "faq_items": [{"id": "f1", "question": "Q", "answer": "A", "source": "human"}]}"#)
    static let draft: JSONValue = json(#"{"name": "Desk", "prompt": "P", "faq_items": [{"question": "Q", "answer": "A"}]}"#)
    static func current(_ text: String) -> Assistant { Assistant(json: json(text).objectValue!)! }
    static let record = SubmissionRecord(assistantID: "a1", serverCopy: copy)

    @Test func eachCase() {
        let same = Self.current(#"{"id": "a1", "name": "Desk", "prompt": "P", "updated_at": "2", "faq_items": [{"id": "f9", "question": "Q", "answer": "A"}]}"#)
        let moved = Self.current(#"{"id": "a1", "name": "Desk", "prompt": "P2", "faq_items": [{"question": "Q", "answer": "A"}]}"#)
        var edited = Self.draft
        try! edited.set("name", to: "Desk 2")
        #expect(DraftStatus.make(body: Self.draft, record: .success(nil), current: nil) == .neverSent)
        #expect(DraftStatus.make(body: Self.draft, record: .success(Self.record), current: same) == .inSync(id: "a1"))
        #expect(DraftStatus.make(body: edited, record: .success(Self.record), current: same) == .changedHere(id: "a1", fields: ["name"]))
        #expect(DraftStatus.make(body: Self.draft, record: .success(Self.record), current: moved) == .changedOnServer(id: "a1", fields: ["prompt"]))
        #expect(DraftStatus.make(body: edited, record: .success(Self.record), current: moved) == .conflict(id: "a1", here: ["name"], onServer: ["prompt"]))
        #expect(DraftStatus.make(body: Self.draft, record: .success(Self.record), current: nil) == .gone(id: "a1"))
        let damaged = DraftError.damagedRecord(file: "x", reason: "y")
        #expect(DraftStatus.make(body: Self.draft, record: .failure(damaged), current: same) == .recordUnreadable(damaged))
    }

    @Test func aFieldAddedOrRemovedOnTheServerIsAChange() {
        let added = Self.current(#"{"id": "a1", "name": "Desk", "prompt": "P", "webhook_url": "https://x.example", "faq_items": [{"question": "Q", "answer": "A"}]}"#)
        #expect(DraftStatus.serverChanges(from: Self.copy, to: added) == ["webhook_url"])
        let dropped = Self.current(#"{"id": "a1", "name": "Desk", "prompt": "P"}"#)
        #expect(DraftStatus.serverChanges(from: Self.copy, to: dropped) == ["faq_items"])
    }

    @Test func pullCreatesThenUpdatesOnlyADraftWithoutLocalChanges() async throws {
        let store = try tempStore("pull")
        let server = try await Server.start()
        let a = try await server.client.createAssistant(["name": "Desk", "prompt": "P"])
        guard case .created(let slug) = DraftPull.pull(a, from: server.draftServer, store: store, slug: nil) else { Issue.record("not created"); return }
        #expect(DraftPull.index(store: store, server: server.draftServer) == [a.id: slug])
        #expect(DraftPull.pull(a, from: server.draftServer, store: store, slug: slug) == .unchanged(slug: slug))

        let b = try await server.client.updateAssistant(id: a.id, changes: ["prompt": "P2"])
        #expect(DraftPull.pull(b, from: server.draftServer, store: store, slug: slug) == .updated(slug: slug, fields: ["prompt"]))
        #expect(try store.load(slug).objectValue?["prompt"] == "P2")

        try store.save(["name": "Mine", "prompt": "P2"], slug: slug)
        let c = try await server.client.updateAssistant(id: a.id, changes: ["prompt": "P3"])
        #expect(DraftPull.pull(c, from: server.draftServer, store: store, slug: slug) == .keptLocalChanges(slug: slug, fields: ["name"]))
        #expect(try store.load(slug) == ["name": "Mine", "prompt": "P2"])
        await server.stop()
    }
}
