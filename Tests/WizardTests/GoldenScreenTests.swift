import AssistantModel
import Drafts
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Whole screens compared with Golden/*.txt (UPDATE_GOLDEN=1 rewrites them; review the diff).
@Suite struct GoldenScreenTests {
    func golden(_ h: Harness) -> String {
        let s = h.screen()
        return s.plainText + "\n-- cursor: " + (s.cursor.map { "\($0.row),\($0.col)" } ?? "hidden")
    }

    @Test func basicsAt100x30() {
        var h = Harness(rows: 30, cols: 100)
        h.type("Dental clinic")
        h.key(.tab)
        h.type("You greet callers for {{clinic}}.")
        h.key(.enter)
        h.type("Réservez 中文 😀")
        expectGolden("basics-100x30", golden(h))
    }

    @Test func reviewAt80x24() {
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "webhook_url": "http://example.com/hook",
                         "faq_items": [["question": "Hours?", "answer": ""]]], rows: 24, cols: 80)
        h.key(KeyPress(.function(5)))
        expectGolden("review-80x24", golden(h))
    }

    @Test func resultAfterCreate() {
        var h = Harness(validBody, rows: 24, cols: 80)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let a = Assistant(json: JSONObject([("id", "asst_123"), ("name", "Clinic"), ("prompt", "Be kind."),
                                            ("first_sentence_mode", "generated"), ("created_at", "2025-01-01T00:00:00Z"),
                                            ("updated_at", "2025-01-01T00:00:00Z")]))!
        h.send(.sendFinished(.sent(a, wasCreate: true, recordFailure: nil), record: nil))
        expectGolden("result-created-80x24", golden(h))
    }

    @Test func resultAfter422() {
        var h = Harness(validBody, rows: 24, cols: 80)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        h.send(.sendFinished(.failed(RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                                                 fieldErrors: [FieldError(path: "voice.speed", message: "must be at most 1.2")],
                                                 message: "The server rejected 1 field.", suggestion: "Fix it and send again.")), record: nil))
        expectGolden("result-422-80x24", golden(h))
    }
}
