import AssistantModel
import Drafts
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// A body with no errors: what a send needs.
let validBody: JSONValue = ["name": "Clinic", "prompt": "Be kind."]

@Suite struct NavigationTests {
    @Test func everyStepRendersItsHeadingAndFields() {
        var h = Harness()
        let seed = Step.steps(for: .seed)
        for step in seed.all {
            h.go(step)
            #expect(h.w.state.step == step)
            let text = h.text
            #expect(text.contains("\(seed.number(step))/10 \(step.title)"), "\(step)")
            for f in h.w.state.form.fields.prefix(1) where step != .review {
                #expect(text.contains(f.label), "\(step): \(f.label) not on screen")
            }
        }
        #expect(h.text.contains("[ Send: create the assistant ]"))
    }

    @Test func altNAndAltPMoveInOrderAndStopAtTheEnds() {
        var h = Harness()
        h.key(.alt("p"))
        #expect(h.w.state.step == .basics)
        for s in Step.steps(for: .seed).all.dropFirst() {
            h.key(.alt("n"))
            #expect(h.w.state.step == s)
        }
        h.key(.alt("n"))
        #expect(h.w.state.step == .review)
        h.key(.alt("p"))
        #expect(h.w.state.step == .calendly)
    }

    @Test func altDigitsAndF5Jump() {
        var h = Harness()
        h.key(.alt("7"))
        #expect(h.w.state.step == .structuredOutput)
        h.key(.alt("0"))
        #expect(h.w.state.step == .review)
        h.key(.alt("1"))
        h.key(KeyPress(.function(5)))
        #expect(h.w.state.step == .review)
        #expect(h.w.state.review.part == .send)
    }

    @Test func tabAndShiftTabCycleFields() {
        var h = Harness()
        h.go(.callBehaviour)
        let order = h.paths
        var seen: [String] = []
        for _ in order { seen.append(h.focusedPath ?? ""); h.key(.tab) }
        #expect(seen == order)
        #expect(h.focusedPath == order.first) // wraps
        h.key(.backTab)
        #expect(h.focusedPath == order.last)
    }

    @Test func sidebarMarksCurrentDoneErrorsAndUntouched() {
        var h = Harness()
        func line(_ step: Step) -> String {
            let s = h.screen()
            return s.text(row: 2 + step.rawValue)
        }
        #expect(line(.basics).contains("▸ 1 Basics"))
        #expect(line(.voice).contains("· 2 Voice"))
        h.go(.voice)
        // Basics was left with no name and no prompt: errors.
        #expect(line(.basics).contains("✗ 1 Basics"))
        #expect(line(.voice).contains("▸ 2 Voice"))
        h.go(.firstSentence)
        #expect(line(.voice).contains("✓ 2 Voice"))
        h.go(.basics)
        h.type("N")
        h.key(.tab)
        h.type("P")
        h.go(.faq)
        #expect(line(.basics).contains("✓ 1 Basics"))
    }

    @Test func firstSentenceIsHiddenWhenModeIsNone() {
        var h = Harness()
        h.go(.firstSentence)
        #expect(h.paths.contains("first_sentence"))
        h.focus("first_sentence_mode")
        h.choose("None")
        #expect(!h.paths.contains("first_sentence"))
        // No row is labelled just "First sentence" (the step's title and the other two labels differ).
        #expect(!h.text.split(separator: "\n").contains { $0.hasSuffix("│ First sentence") || $0.hasSuffix("│  First sentence") })
        h.choose("Static")
        #expect(h.paths.contains("first_sentence"))
    }
}

@Suite struct ValidationTimingTests {
    @Test func noMessageWhileTypingThenOnLeavingThenItUpdates() {
        var h = Harness(rows: 50) // tall enough that the whole step is in view
        h.go(.callBehaviour)
        h.focus("webhook_url")
        h.type("ftp://x")
        #expect(!h.text.contains("http"), "a message shows while the user is still typing")
        let before = h.text
        h.key(.backTab) // leave the field
        let after = h.text
        #expect(after != before)
        let message = h.w.message(for: h.w.state.form.fields.first { $0.path == "webhook_url" }!)
        #expect(message != nil, "no message after leaving webhook_url with ftp://x")
        guard let message else { return }
        #expect(after.contains(String(message.text.prefix(30))))
        // Back in the field, fixing it updates the message as they type.
        h.focus("webhook_url")
        for _ in 0..<7 { h.key(.backspace) }
        h.type("https://example.com/hook")
        let fixed = h.w.message(for: h.w.state.form.fields.first { $0.path == "webhook_url" }!)
        #expect(fixed == nil || fixed?.severity == .warning, "still \(String(describing: fixed))")
        #expect(!h.text.contains(String(message.text.prefix(30))))
    }

    @Test func requiredNameSpeaksOnlyAfterLeaving() {
        var h = Harness()
        #expect(h.w.message(for: h.w.state.form.fields[0]) == nil)
        h.type("A")
        h.key(.backspace)
        #expect(h.w.message(for: h.w.state.form.fields[0]) == nil)
        h.key(.tab)
        #expect(h.w.message(for: h.w.state.form.fields[0])?.severity == .error)
        h.key(.backTab)
        h.type("Clinic")
        #expect(h.w.message(for: h.w.state.form.fields[0]) == nil)
    }
}

@Suite struct SendTests {
    @Test func errorsBlockSending() {
        var h = Harness()
        h.key(KeyPress(.function(5)))
        let e = h.key(.enter)
        #expect(!e.contains { if case .send = $0 { return true }; return false })
        #expect(h.w.state.review.part == .issues)
        #expect(h.text.contains("to fix before sending"))
        // Enter on an issue jumps to its field with the message showing.
        h.key(.enter)
        #expect(h.w.state.step == .basics)
        #expect(h.w.message(for: h.w.state.form.focused!) != nil)
    }

    @Test func validDraftSendsACreateWithTheExactBody() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        #expect(h.text.contains("\"name\": \"Clinic\"") || h.text.contains("\"name\":\"Clinic\""))
        h.key(.enter) // asks first
        let e = h.key(.char("y"))
        #expect(e == [.send(.create(validBody))])
        #expect(h.text.contains("Creating the assistant"))
        // Keys other than Esc do nothing while it runs; Esc asks to stop waiting.
        #expect(h.key(.enter) == [])
        #expect(h.key(.escape) == [.cancelSend])
    }

    @Test func successShowsTheResultAndRemembersTheId() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let a = Assistant(json: JSONObject([("id", "asst_1"), ("name", "Clinic"), ("prompt", "Be kind.")]))!
        h.send(.sendFinished(.sent(a, wasCreate: true, recordFailure: nil), record: nil))
        #expect(h.text.contains("Created the assistant."))
        #expect(h.text.contains("asst_1"))
        #expect(h.w.state.serverRecord?.assistantID == "asst_1")
        h.key(.enter)
        #expect(h.w.state.step == .review)
        #expect(h.text.contains("[ Review changes and update (PATCH) ]"))
    }

    /// A server may spell the path with brackets (`voice["speed"]`, issue 10): it is still
    /// `voice.speed`, placed by its components (as text it landed on the voice list).
    @Test(arguments: ["voice.speed", #"voice["speed"]"#])
    func a422MapsOntoTheFieldAndEnterJumpsThere(path: String) {
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "voice": ["id": "v1", "provider": "cartesia", "speed": .number(JSONNumber(literal: "1.0")!)]])
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let err = RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                             fieldErrors: [FieldError(path: path, message: "speed not allowed for this voice")],
                             message: "The server rejected some fields.", suggestion: "Fix them and send again.")
        h.send(.sendFinished(.failed(err), record: nil))
        #expect(h.text.contains("The request failed."))
        #expect(h.text.contains("Enter jumps to the first field"))
        h.key(.enter)
        #expect(h.w.state.step == .voice)
        #expect(h.focusedPath == "voice.speed")
        #expect(h.text.contains("server: speed not allowed for this voice"))
        // Editing the field clears the server's message.
        h.key(.up)
        #expect(!h.text.contains("server: speed not allowed"))
    }

    @Test func unknownOutcomeSaysSoAndDoesNotResend() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let err = RevoxError(kind: .outcomeUnknown, method: "POST", path: "/assistants",
                             message: "The connection closed after the request was sent.", suggestion: "Check the list of assistants.")
        let e = h.send(.sendFinished(.failed(err), record: nil))
        #expect(e.isEmpty)
        #expect(h.text.contains("may have been created") || h.text.contains("MAY have been created"))
        #expect(h.text.contains("Nothing was sent again"))
        let back = h.key(.enter)
        #expect(!back.contains { if case .send = $0 { return true }; return false })
        #expect(h.w.state.step == .review)
    }

    @Test func existingAssistantSendsOnlyChangedFieldsAfterTheDiff() {
        let server: JSONValue = ["id": "asst_9", "name": "Clinic", "prompt": "Be kind.", "max_call_duration_secs": 600,
                                 "faq_items": [["id": "f1", "question": "Hours?", "answer": "9-5", "needs_human_answer": false]],
                                 "created_at": "2025-01-01T00:00:00Z"]
        let draft: JSONValue = ["name": "Clinic", "prompt": "Be kind.", "max_call_duration_secs": 600,
                                "faq_items": [["question": "Hours?", "answer": "9-5"]]]
        var h = Harness(draft, record: SubmissionRecord(assistantID: "asst_9", serverCopy: server))
        h.key(.tab)
        h.key(KeyPress(.end, .ctrl))
        h.type(" Always.")
        h.key(KeyPress(.function(5)))
        #expect(h.key(.enter).isEmpty) // shows the diff first
        #expect(h.text.contains("~ prompt"))
        #expect(!h.text.contains("~ name") && !h.text.contains("~ faq_items") && !h.text.contains("~ max_call_duration_secs"))
        let e = h.key(.enter)
        guard case .send(.update(let id, let changes))? = e.first else { Issue.record("\(e)"); return }
        #expect(id == "asst_9" && changes.body == ["prompt": "Be kind. Always."])
    }

    @Test func unchangedExistingAssistantSendsNothing() {
        let body: JSONValue = ["name": "Clinic", "prompt": "Be kind."]
        var h = Harness(body, record: SubmissionRecord(assistantID: "asst_9", serverCopy: ["id": "asst_9", "name": "Clinic", "prompt": "Be kind."]))
        h.key(KeyPress(.function(5)))
        // The session's plan is "nothing to send": said at once, nothing asked, nothing sent.
        #expect(h.key(.enter).isEmpty)
        #expect(h.text.contains("Already sent: the assistant on the server matches this draft."))
        #expect(h.key(.enter).isEmpty)
    }
}

@Suite struct ResizeTests {
    @Test func resizeTo80x24AndBackKeepsTheDraftAndFocus() {
        var h = Harness(validBody)
        h.go(.callBehaviour)
        h.focus("webhook_url")
        h.send(.resize(rows: 24, cols: 80))
        var t = h.text
        #expect(t.contains("f2 steps")) // narrow: sidebar hidden behind a key
        #expect(!t.contains("alt+digit jumps"))
        #expect(t.contains("4/10 Call behaviour"))
        #expect(h.focusedPath == "webhook_url")
        #expect(t.contains("Webhook URL"), "the focused field scrolled out of view at 80×24")
        h.key(KeyPress(.function(2)))
        #expect(h.text.contains("alt+digit jumps"))
        h.send(.resize(rows: 30, cols: 100))
        t = h.text
        #expect(t.contains("alt+digit jumps"))
        #expect(h.draft == validBody)
    }

    @Test func tinyWindowSaysHowBigToMakeIt() {
        var h = Harness(validBody)
        h.send(.input(.resize(rows: 5, cols: 20)))
        let t = h.text
        #expect(t.contains("Make the window") || t.contains("at least"))
        h.type("abc") // keys on a too-small screen must not crash
        h.send(.resize(rows: 1, cols: 1))
        _ = h.text
        h.send(.resize(rows: 24, cols: 80))
        #expect(h.text.contains("1/10 Basics"))
    }
}
