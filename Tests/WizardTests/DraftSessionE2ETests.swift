import AssistantModel
import Foundation
import Testing

/// The draft session in the real program (issue 10): a failed save never quits silently, the last
/// words before TERM are saved, a held draft is refused from the start screen, another program's
/// change is never overwritten, and each server gets its own record.
@Suite(.serialized, .enabled(if: E2E.hasTmux && E2E.program != nil, "needs tmux and the built assistant-wizard"))
struct DraftSessionE2ETests {
    let program = E2E.program ?? ""

    func shell(_ line: String, home: String, apiKey: String? = nil) throws -> TmuxSession {
        try TmuxSession(command: ["sh", "-c", line + "; echo EXIT=$?; sleep 60"], environment: E2E.environment(home: home, apiKey: apiKey))
    }

    /// The wizard on a new draft whose folder cannot be made (XDG_DATA_HOME is a file), with
    /// `name` typed and Ctrl-Q pressed: the save failed, so it asks instead of quitting.
    func quitAfterAFailedSave(typing name: String) throws -> TmuxSession {
        let home = try E2E.tempDir("savefail")
        var env = E2E.environment(home: home)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: home + "/data"))
        env["XDG_DATA_HOME"] = home + "/data"
        let t = try TmuxSession(command: ["sh", "-c", "\(TmuxSession.quote(program)) new --sandbox; echo EXIT=$?; sleep 60"], environment: env)
        t.wait(for: "1/10 Basics")
        try t.type(name)
        t.wait(for: "NOT SAVED")
        try t.keys("C-q")
        t.wait(for: "could not be saved")
        #expect(!t.capture().contains("EXIT="), "it quit with the edits unsaved")
        return t
    }

    @Test func quitAfterAFailedSaveAsksAndCanRescueTheDraft() throws {
        let t = try quitAfterAFailedSave(typing: "Rescue me")
        defer { t.close() }
        try t.keys("s") // Save there
        t.wait(for: "EXIT=0")
        let rescued = try FileIO.list("/tmp").filter { $0.hasPrefix("assistant-wizard-untitled-") }
        let bodies = rescued.compactMap { try? DraftStore.loadBody(file: "/tmp/" + $0) }
        #expect(bodies.contains { $0.value(at: "name") == "Rescue me" }, "\(rescued)")
        for f in rescued { try? FileManager.default.removeItem(atPath: "/tmp/" + f) }
    }

    @Test func loseAndQuitExitsNonZero() throws {
        let t = try quitAfterAFailedSave(typing: "Gone")
        defer { t.close() }
        try t.keys("l") // Lose the changes and quit
        t.wait(for: "EXIT=1")
    }

    @Test func theLastWordsBeforeTermAreSaved() throws {
        let home = try E2E.tempDir("term")
        let t = try shell("\(TmuxSession.quote(program)) new --sandbox", home: home)
        defer { t.close() }
        t.wait(for: "1/10 Basics")
        try t.type("Typed just before the kill")
        t.wait(for: "Typed just before the kill")
        let pid = try #require(findChild(named: "assistant-wizard", of: t.panePID() ?? -1))
        kill(pid, SIGTERM) // well inside the autosave's 0.3 s wait
        t.wait(for: "EXIT=143")
        let store = DraftStore(directory: home + "/data/assistant-wizard/drafts")
        #expect(try store.load("typed-just-before-the-kill").value(at: "name") == "Typed just before the kill")
    }

    @Test func aDraftHeldByAnotherWizardIsRefusedFromTheStartScreen() throws {
        let home = try E2E.tempDir("held")
        let store = DraftStore(directory: home + "/data/assistant-wizard/drafts")
        try store.create(["name": "Shared", "prompt": "p"])
        let first = try shell("\(TmuxSession.quote(program)) edit shared --sandbox", home: home)
        defer { first.close() }
        first.wait(for: "1/10 Basics")
        let second = try shell("\(TmuxSession.quote(program)) --sandbox", home: home)
        defer { second.close() }
        second.wait(for: "Open a saved draft")
        try second.keys("Down", "Enter")
        second.wait(for: "Shared")
        try second.keys("Enter")
        // The message wraps: read it as one line.
        func flat(_ screen: String) -> String { screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        second.wait(for: "the refusal") { flat($0).contains("is open in another program (assistant-wizard, pid") }
        #expect(flat(second.capture()).contains("Its lock file is \(store.directory)/.shared.lock"))
    }

    @Test func anotherProgramsChangeIsNotOverwritten() throws {
        let home = try E2E.tempDir("changed")
        let store = DraftStore(directory: home + "/data/assistant-wizard/drafts")
        try store.create(["name": "Mine", "prompt": "p"])
        let t = try shell("\(TmuxSession.quote(program)) edit mine --sandbox", home: home)
        defer { t.close() }
        t.wait(for: "1/10 Basics")
        let theirs = Data(#"{"name": "Changed elsewhere", "prompt": "p"}"#.utf8)
        try theirs.write(to: URL(fileURLWithPath: store.file(for: "mine")))
        try t.keys("End")
        try t.type("!")
        t.wait(for: "changed on disk")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.file(for: "mine"))) == theirs)
        try t.keys("c") // save mine as a copy
        t.wait(for: "saved")
        try t.keys("C-q")
        t.wait(for: "EXIT=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.file(for: "mine"))) == theirs)
        #expect(try store.list().contains { $0.name == "Mine!" })
    }

    func findChild(named name: String, of root: pid_t) -> pid_t? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
                let comm = stat[stat.index(after: open)..<close]
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if comm == name.prefix(15), fields.count > 1, pid_t(fields[1]) == root { return pid }
            }
            usleep(20_000)
        }
        return nil
    }
}
