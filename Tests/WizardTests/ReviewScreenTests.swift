import AssistantModel
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Issue 10: the review page owns its update and render, and one layout value places both what
/// is drawn and what a click hits.
@Suite struct ReviewScreenTests {
    /// The screen row holding `text`, as drawn.
    static func row(of text: String, in h: Harness) -> Int? {
        h.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    static func click(_ h: inout Harness, row: Int, col: Int = 40) -> [WizardEffect] {
        h.send(.input(.mouse(MouseEvent(.press(button: 1), row: row, col: col))))
    }

    @Test func clickingTheDrawnSendButtonAsksToSend() throws {
        var h = Harness(validBody)
        h.go(.review)
        let send = try #require(Self.row(of: "[ Send: create the assistant ]", in: h), "\(h.text)")
        _ = Self.click(&h, row: send)
        #expect(h.w.state.review.part == .send)
        #expect(h.w.state.review.confirm != nil, "the click did not reach the send button:\n\(h.text)")
        #expect(h.text.contains("Create 'Clinic' in the built-in sandbox?"))
    }

    @Test func clickingADrawnIssueJumpsToItsField() throws {
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "webhook_url": "not a url"])
        h.go(.review)
        let issue = try #require(Self.row(of: "webhook_url:", in: h), "\(h.text)")
        _ = Self.click(&h, row: issue)
        #expect(h.w.state.step == Step.owning(path: "webhook_url"))
        #expect(h.focusedPath == "webhook_url")
    }

    @Test func thePageAndTheDiffAnswerEventsThemselves() {
        var page = ReviewPage()
        let layout = ReviewPage.layout(in: Rect(row: 0, col: 0, width: 80, height: 20), issueCount: 0)
        #expect(layout.issues == nil && layout.sendRow == layout.summaryRow + 3)
        #expect(page.update(.key(.char("?")), layout: layout) == .showHelp)
        #expect(page.update(.key(.tab), layout: layout) == .none && page.part == .issues)
        #expect(page.update(.key(.tab), layout: layout) == .none && page.part == .send)
        #expect(page.update(.key(.enter), layout: layout) == .send)
        #expect(page.update(.mouse(MouseEvent(.press(button: 1), row: 1, col: 3)), layout: layout) == .none && page.part == .json)
    }

    @Test func theResultScreenSaysWhereEnterGoes() {
        let named = RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                               fieldErrors: [FieldError(path: "webhook_url", message: "bad")], message: "Invalid.", suggestion: "Fix it.")
        let plain = RevoxError(kind: .serverError, method: "POST", path: "/assistants", status: 500, message: "Down.", suggestion: "Later.")
        var screen = ResultScreen(.failed(named))
        #expect(screen.update(.key(.enter), send: .failed(named)) == .jumpToFirstFieldError)
        #expect(screen.update(.key(.escape), send: .failed(named)) == .back)
        #expect(screen.update(.key(.enter), send: .failed(plain)) == .back)
        #expect(screen.update(.key(.down), send: .failed(plain)) == .none)
        let canvas = BufferScreen(rows: 24, cols: 80)
        var c = canvas.makeCanvas()
        screen.render(into: &c, in: Rect(row: 0, col: 0, width: 80, height: 20), send: .failed(named), server: "on X")
        canvas.present(c)
        #expect(canvas.plainText.contains("Enter jumps to the first field the server named"))
    }
}
