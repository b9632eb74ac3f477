@testable import AssistantModel
import Drafts
import Foundation
import RevoxClient
import TerminalUI
import Testing
@testable import Wizard

/// The start screen as code (issue 14): each draft's status against the server in use, pulling
/// from the server, and starting from a template, in both front ends.
@Suite struct StartScreenAsCodeTests {
    static let server = Backend(isSandbox: false, baseURL: "https://revox.test/api", maskedKey: "sk_…1a2b")
    static let template = StartTemplate(name: "survey", body: ["name": "Customer survey", "prompt": "You ask three questions."])

    func obj(_ v: JSONValue) -> JSONObject { v.objectValue! }

    func screen(_ w: Wizard) -> String {
        let s = BufferScreen(rows: w.state.rows, cols: w.state.cols)
        var c = s.makeCanvas()
        w.render(into: &c)
        s.present(c)
        return s.plainText
    }

    func summary(_ slug: String, _ name: String) -> DraftSummary {
        DraftSummary(slug: slug, name: name, file: "/d/\(slug).json", modified: 1, errorCount: 0, warningCount: 0)
    }

    @Test func theDraftsListShowsWhatTheFilesTellAtOnceAndTheServersAnswerLater() {
        var w = Wizard.startScreen(backend: Self.server, rows: 24, cols: 120)
        _ = w.update(.input(.key(.down)))
        #expect(w.update(.input(.key(.enter))) == [.listDrafts])
        _ = w.update(.draftStatuses(["new-one": .known(.neverSent), "desk": .checking(changedHere: ["name"]), "reminder": .checking(changedHere: [])]))
        _ = w.update(.draftsListed(.success([summary("new-one", "New one"), summary("desk", "Desk"), summary("reminder", "Reminder")])))
        w.state.start.draftList.select(id: "desk")
        var text = screen(w)
        #expect(text.contains("never sent here"), "\(text)")
        #expect(text.contains("changed here; checking…"), "\(text)")
        #expect(text.contains("Desk: changed here: name; checking…"), "the highlighted draft's line: \(text)")
        _ = w.update(.draftStatuses(["desk": .known(.conflict(id: "a1", here: ["name"], onServer: ["prompt"]))]))
        _ = w.update(.draftStatuses(["reminder": .known(.inSync(id: "a2"))]))
        text = screen(w)
        #expect(text.contains("Desk: conflict: name here, prompt on the server"), "\(text)")
        #expect(text.contains("in sync"), "\(text)")
        #expect(!text.contains("checking…"), "\(text)")
        // The status words filter the list like its other columns.
        for c in "conflict" { _ = w.update(.input(.key(.char(c)))) }
        #expect(w.state.start.draftList.visible.count == 1)
    }

    @Test func aTemplateStartsANewDraftFromTheStartScreen() {
        var w = Wizard.startScreen(backend: Self.server, templates: [Self.template], rows: 24, cols: 100)
        for _ in 0..<3 { _ = w.update(.input(.key(.down))) }
        #expect(w.update(.input(.key(.enter))).isEmpty)
        #expect(screen(w).contains("Customer survey"))
        let effects = w.update(.input(.key(.enter)))
        #expect(effects.contains(.newDraft), "\(effects)")
        guard case .editing = w.state.screen else { Issue.record("not editing"); return }
        #expect(w.state.draft == Self.template.body)
        #expect(w.state.slug == nil)
    }

    @Test func pullingFromTheStartScreenListsTheServerThenPullsOneOrAll() {
        var w = Wizard.startScreen(backend: Self.server, rows: 24, cols: 100)
        for _ in 0..<4 { _ = w.update(.input(.key(.down))) }
        #expect(w.update(.input(.key(.enter))) == [.listAssistants])
        let a = Assistant(json: obj(["id": "a1", "name": "Desk", "prompt": "P"]))!
        let b = Assistant(json: obj(["id": "a2", "name": "Reminder", "prompt": "P"]))!
        _ = w.update(.assistantsListed(.success([a, b])))
        #expect(screen(w).contains("All 2 assistants"), "\(screen(w))")
        // Enter on "all": both pulled, then the drafts list with the outcome.
        #expect(w.update(.input(.key(.enter))) == [.pull([a, b], open: false)])
        let after = w.update(.pulledAll([.created(slug: "desk"), .keptLocalChanges(slug: "reminder", fields: ["prompt"])]))
        #expect(after == [.listDrafts])
        #expect(w.state.start.message?.contains("1 new") == true && w.state.start.message?.contains("1 kept its local changes") == true,
                "\(w.state.start.message ?? "")")
        // One picked: its draft opens, and the status line says how the pull went.
        w = Wizard.startScreen(backend: Self.server, rows: 24, cols: 100)
        for _ in 0..<4 { _ = w.update(.input(.key(.down))) }
        _ = w.update(.input(.key(.enter)))
        _ = w.update(.assistantsListed(.success([a, b])))
        _ = w.update(.input(.key(.down)))
        #expect(w.update(.input(.key(.enter))) == [.pull([a], open: true)])
        let record = SubmissionRecord(assistantID: "a1", serverCopy: .object(a.json))
        _ = w.update(.pulled(.unchanged(slug: "desk"), OpenedDraft(slug: "desk", body: .object(a.requestBody), record: record)))
        guard case .editing = w.state.screen else { Issue.record("not editing"); return }
        #expect(w.state.serverRecord?.assistantID == "a1")
        #expect(w.state.status == "The draft desk already matched the server.")
    }

    // MARK: the accessible twin

    /// A store with a draft pulled from `api`'s assistant a1 and one never sent.
    func pulledStore(_ api: RecordingAPI) throws -> DraftStore {
        let store = try temporaryStore()
        api.existing["a1"] = obj(["id": "a1", "name": "Desk", "prompt": "P"])
        let a = Assistant(json: api.existing["a1"]!)!
        #expect(DraftPull.pull(a, from: Self.server.server, store: store, slug: nil) == .created(slug: "desk"))
        try store.create(["name": "Fresh", "prompt": "Hi."])
        return store
    }

    @Test func theAccessibleDraftsListSaysEachStatus() async throws {
        let api = RecordingAPI()
        let store = try pulledStore(api)
        api.existing["a1"]?["prompt"] = "Changed on the server"
        let run = await runAccessible(.startScreen(backend: Self.server), api: api, store: store, ["2", "back", "6"])
        #expect(run.output.contains("Fresh, changed") && run.output.contains("never sent here; file fresh.json"), "\(run.output)")
        // Listed first with what the files tell, then the server's answer.
        let listed = try #require(run.output.range(of: "Desk, changed"))
        let answer = try #require(run.output.range(of: "Desk: changed on the server: prompt"), "\(run.output)")
        #expect(listed.lowerBound < answer.lowerBound)
        #expect(run.output[listed.lowerBound...].prefix(200).contains("checking…"), "\(run.output)")
    }

    @Test func theAccessibleStartMenuPullsOneOrAll() async throws {
        let api = RecordingAPI()
        let store = try pulledStore(api)
        api.existing["a1"]?["name"] = "Desk (server)"
        var run = await runAccessible(.startScreen(backend: Self.server), api: api, store: store, ["5", "1", "quit"])
        #expect(run.output.contains("1. Desk (server), id a1"), "\(run.output)")
        #expect(run.output.contains("The draft desk was updated from the server: name."), "\(run.output)")
        #expect(try store.load("desk").value(at: "name") == "Desk (server)")
        #expect(!FileManager.default.fileExists(atPath: store.file(for: "desk-server")), "pulled into a second draft")

        api.existing["a2"] = obj(["id": "a2", "name": "Reminder", "prompt": "R"])
        run = await runAccessible(.startScreen(backend: Self.server), api: api, store: store, ["5", "all", "back", "6"])
        #expect(run.output.contains("Pulled into a new draft, reminder."), "\(run.output)")
        #expect(run.output.contains("The draft desk already matched the server."), "\(run.output)")
        #expect(run.output.contains("Pulled 2 assistants: 1 new, 0 updated, 1 unchanged."), "\(run.output)")
        #expect(run.output.contains("Reminder: in sync"), "\(run.output)")
    }

    @Test func theAccessibleStartMenuStartsFromATemplate() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(.startScreen(backend: Self.server, templates: [Self.template]), api: api, store: store, ["4", "1", "quit"])
        #expect(run.output.contains("1. survey: Customer survey"), "\(run.output)")
        #expect(try store.load("customer-survey") == Self.template.body, "\(run.output)")
    }
}
