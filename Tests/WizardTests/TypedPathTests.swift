import AssistantModel
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Issue 10, typed paths: which field, row or step an issue or a key is about is decided by the
/// path's components, never by how the path is spelled. This went wrong while paths were
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
    // A server path in brackets is FlowTests.a422MapsOntoTheFieldAndEnterJumpsThere(path:).
}
