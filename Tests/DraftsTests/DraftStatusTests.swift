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

    /// The drafts list: what the files tell is known before any request; the rest after one GET
    /// a draft, and the server's refusal or absence is said, never guessed.
    @Test func aListedDraftsStatusComesFromItsFilesFirstThenFromTheServer() async throws {
        let store = try tempStore("listed")
        let server = try await Server.start()
        let a = try await server.client.createAssistant(["name": "Desk", "prompt": "P"])
        let b = try await server.client.createAssistant(["name": "Gone", "prompt": "P"])
        for x in [a, b] { _ = DraftPull.pull(x, from: server.draftServer, store: store, slug: nil) }
        try store.create(["name": "Fresh", "prompt": "P"])
        try store.save(["name": "Desk 2", "prompt": "P"], slug: "desk")
        _ = try await server.client.updateAssistant(id: a.id, changes: ["prompt": "P2"])
        try await server.client.deleteAssistant(id: b.id)

        let gets = await server.sandbox.receivedRequests.count
        let listed = ListedDraft.read(["desk", "gone", "fresh"], store: store, server: server.draftServer)
        #expect(listed.map(\.local) == [.checking(changedHere: ["name"]), .checking(changedHere: []), .known(.neverSent)])
        #expect(await server.sandbox.receivedRequests.count == gets, "the files' status asked the server")
        // The built-in sandbox keeps no records on disk: never sent there.
        #expect(ListedDraft.read(["desk"], store: store, server: .builtInSandbox).map(\.local) == [.known(.neverSent)])

        let answers = await ListedDraft.check(listed, via: server.client)
        #expect(answers == ["desk": .known(.conflict(id: a.id, here: ["name"], onServer: ["prompt"])), "gone": .known(.gone(id: b.id))])
        #expect(await server.sandbox.receivedRequests.count == gets + 2)
        await server.sandbox.stop()

        // Unreachable: each is said to be unchecked, and only the first waits for the network.
        let offline = await ListedDraft.check(listed, via: server.client)
        guard case .unchecked(let here, let why)? = offline["desk"] else { Issue.record("\(offline)"); return }
        #expect(here == ["name"] && !why.isEmpty)
        #expect(offline["gone"].map { if case .unchecked = $0 { return true }; return false } == true)
        #expect(offline["fresh"] == nil)
        await server.client.shutdown()
    }

    /// A forced push: the fields the server changed are taken into the draft from its answer.
    @Test func adoptTakesTheServersFieldsIntoTheDraft() async throws {
        let store = try tempStore("adopt")
        let a = Self.current(#"{"id": "a1", "name": "Desk", "prompt": "Theirs", "end_of_call_sentence": "Bye."}"#)
        let session = DraftSession.new(store: store, body: ["name": "Mine", "prompt": "Old"])
        _ = session.save()
        #expect(session.adopt(["prompt", "end_of_call_sentence"], from: a) == .success(["prompt", "end_of_call_sentence"]))
        #expect(try store.load(session.slug!) == ["name": "Mine", "prompt": "Theirs", "end_of_call_sentence": "Bye."])
        #expect(session.adopt(["prompt"], from: a) == .success([]))
        session.close()
    }
}
