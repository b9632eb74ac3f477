import AssistantModel
import Testing
import TerminalUI
@testable import Wizard

/// A long prompt is written back to the draft when it is needed, not on every key; these pin down
/// that "when needed" really covers leaving the field, saving and sending.
@Suite("Long texts")
struct LongTextTests {
    static let big = String(repeating: "A line of a long prompt.\n", count: 4_000)   // ~100 KB

    func typedIntoPrompt(_ keys: String) -> Wizard {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n", "prompt": .string(Self.big)], rows: 30, cols: 100)
        _ = w.update(.input(.key(.tab)))
        for c in keys { _ = w.update(.input(.key(.char(c)))) }
        return w
    }

    @Test func typingIntoALongTextAsksForASaveWithoutRewritingTheDraftPerKey() {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n", "prompt": .string(Self.big)], rows: 30, cols: 100)
        _ = w.update(.input(.key(.tab)))
        let effects = w.update(.input(.key(.char("x"))))
        #expect(effects.contains { if case .save = $0 { return true }; return false })
        #expect(w.state.form.unwritten != nil)
    }

    @Test func leavingTheFieldWritesTheText() {
        var w = typedIntoPrompt("xyz")
        _ = w.update(.input(.key(.tab)))
        #expect(w.state.draft.value(at: "prompt")?.stringValue == "xyz" + Self.big)
    }

    @Test func flushingForASaveWritesTheText() {
        var w = typedIntoPrompt("q")
        w.flushEdits()
        #expect(w.state.draft.value(at: "prompt")?.stringValue == "q" + Self.big)
    }

    @Test func sendingCarriesTheNewestText() {
        var w = typedIntoPrompt("s")
        _ = w.update(.input(.key(KeyPress(.function(5)))))
        _ = w.update(.input(.key(.enter)))
        let effects = w.update(.input(.key(.char("y"))))
        guard case .send(.create(let body))? = effects.first else { Issue.record("no create: \(effects)"); return }
        #expect(body.value(at: "prompt")?.stringValue == "s" + Self.big)
    }

    @Test func shortTextsStillReachTheDraftOnEveryKey() {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n", "prompt": "short"], rows: 30, cols: 100)
        _ = w.update(.input(.key(.tab)))
        _ = w.update(.input(.key(.char("!"))))
        #expect(w.state.draft.value(at: "prompt")?.stringValue?.contains("!") == true)
    }
}
