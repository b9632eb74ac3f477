import AssistantModel
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Issue 10, typed paths: which field, row or step an issue or a key is about is decided by the
/// path's components, never by how the path is spelled. Both cases went wrong while paths were
/// compared as text.
@Suite struct TypedPathTests {
    func sidebar(_ h: Harness, _ step: Step) -> String { h.screen().text(row: 2 + step.rawValue) }

    /// A top-level key written with a dot (`"voice.speed"`, the dotted form typed by hand) is one
    /// unknown key, not a field of the Voice step: reopening the draft does not mark Voice as gone
    /// through, and the key's warning is the review's.
    @Test func aDottedTopLevelKeyIsNotTheVoiceSteps() {
        let h = Harness(["name": "Clinic", "voice.speed": .number(JSONNumber(literal: "1.1")!)])
        #expect(sidebar(h, .voice).contains("· 2 Voice"), "\(sidebar(h, .voice))")
        let warning = h.w.state.issues.first { $0.path.description == #"["voice.speed"]"# }
        let owner: Step? = warning.map { Step.owning(path: $0.path) }
        #expect(owner == .review, "\(h.w.state.issues)")
    }

    /// A server may spell a path with brackets (`voice["speed"]`): it is still `voice.speed`, so
    /// Enter on the failure focuses that field, its message shows there, and editing it clears it.
    @Test func aServerPathInBracketsLandsOnItsField() {
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "voice": ["id": "v1", "provider": "cartesia", "speed": .number(JSONNumber(literal: "1.0")!)]])
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let err = RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                             fieldErrors: [FieldError(path: #"voice["speed"]"#, message: "speed not allowed for this voice")],
                             message: "The server rejected some fields.", suggestion: "Fix them and send again.")
        h.send(.sendFinished(.failed(err), record: nil))
        h.key(.enter)
        #expect(h.w.state.step == .voice)
        #expect(h.focusedPath == "voice.speed")
        #expect(h.text.contains("server: speed not allowed for this voice"))
        h.key(.up)
        #expect(!h.text.contains("server: speed not allowed"))
    }
}
