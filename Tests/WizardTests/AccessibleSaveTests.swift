import AssistantModel
import Drafts
import Foundation
import Testing
@testable import Wizard

/// The accessible mode on the draft session: a failed save is never an exit 0, another program's
/// change is asked about, and row answers are saved as they are given.
@Suite struct AccessibleSaveTests {
    static let backend = Backend(isSandbox: true, baseURL: "built-in sandbox", maskedKey: nil)

    @Test func aDraftThatCannotBeSavedExitsNonZero() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-folder-\(UUID().uuidString)").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let store = DraftStore(directory: file + "/drafts")
        let run = await runAccessible(Wizard(backend: Self.backend), api: RecordingAPI(), store: store, ["Front desk", "quit"])
        #expect(run.status == AccessibleWizard.notSaved, "\(run.output)")
        #expect(run.output.contains("NOT saved") && run.output.contains("is a file, not a folder"))
    }

    @Test func anotherProgramsChangeIsAskedAboutAndKept() async throws {
        let store = try temporaryStore()
        let slug = try store.create(["name": "Mine", "prompt": "p"])
        let session = try DraftSession.open(store: store, slug: slug)
        // Another program writes the file after it was opened here.
        try Data(#"{"name": "Theirs", "prompt": "p"}"#.utf8).write(to: URL(fileURLWithPath: store.file(for: slug)))
        let io = ScriptedLineIO(["Mine 2", "copy", "quit"])
        let status = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
            Thread {
                done.resume(returning: AccessibleWizard(wizard: Wizard(backend: Self.backend, draft: session.opened(on: .builtInSandbox)),
                                                        api: RecordingAPI(), store: store, session: session).run(io: io))
            }.start()
        }
        #expect(status == 0, "\(io.output)")
        #expect(io.output.contains("Another program changed"))
        #expect(try store.load(slug).value(at: "name") == "Theirs", "their change was written over")
        #expect(try store.list().contains { $0.name == "Mine 2" })
    }
}
