import AssistantModel
import Drafts
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Issue 11, "In the terminal": each surprise a new user met, kept as a test on the in-memory screen.
@Suite struct TerminalBehaviourTests {
    static let revox = Backend(isSandbox: false, baseURL: "https://www.getrevox.com/api", maskedKey: "sk_…1a2b")

    static func existing(_ draft: JSONValue = ["name": "Clinic", "prompt": "Be kind."]) -> Harness {
        let server: JSONValue = ["id": "asst_9", "name": "Clinic", "prompt": "Be kind.", "created_at": "2025-01-01T00:00:00Z"]
        return Harness(draft, record: SubmissionRecord(assistantID: "asst_9", serverCopy: server))
    }

    static func creates(_ e: [WizardEffect]) -> Bool { e.contains { if case .send(.create) = $0 { return true }; return false } }

    // MARK: too small

    /// Under 80×24 the screen shows only "make it bigger": Alt-digits and Enter must not act unseen.
    @Test func aTooSmallWindowOnlyResizesHelpsAndQuits() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        #expect(h.w.state.review.part == .send)
        h.send(.input(.resize(rows: 20, cols: 60)))
        #expect(!Self.creates(h.key(.enter)), "Enter on Review sent the assistant unseen")
        #expect(h.w.state.review.confirm == nil)
        h.go(.basics)
        #expect(h.w.state.step == .review, "Alt-1 changed the step unseen")
        h.key(KeyPress(.function(1)))
        #expect(h.w.state.helpShown)
        h.key(.escape)
        #expect(h.key(.ctrl("q")) == [.quit])
        h.send(.input(.resize(rows: 24, cols: 80)))
        h.go(.basics)
        #expect(h.w.state.step == .basics, "keys act again once the window is big enough")
    }

    // MARK: sending

    @Test func enteringReviewFocusesTheJSONNotSend() {
        var h = Harness(validBody)
        h.go(.review)
        #expect(h.w.state.review.part == .json)
        #expect(h.key(.enter).isEmpty)
        h.go(.basics)
        h.key(.alt("n"))
        h.go(.review)
        #expect(h.w.state.review.part == .json)
    }

    /// Send asks once, naming the assistant and where it goes; only yes sends.
    @Test func sendingAsksOnceNamingWhatAndWhere() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        #expect(h.key(.enter).isEmpty)
        #expect(h.text.contains("Create 'Clinic' in the built-in sandbox?"), "\(h.text)")
        h.key(.char("n"))
        #expect(h.w.state.review.confirm == nil)
        #expect(!Self.creates(h.effects))
        h.key(.enter)
        #expect(h.key(.char("y")) == [.send(.create(validBody))])

        var real = Harness(validBody)
        real.w.state.backend = Self.revox
        real.key(KeyPress(.function(5)))
        real.key(.enter)
        #expect(real.text.contains("Create 'Clinic' on https://www.getrevox.com/api?"), "\(real.text)")
        #expect(real.key(.escape).isEmpty)
        #expect(!Self.creates(real.effects))
    }

    @Test func theDiffAsksTheSameQuestionForThePatch() {
        var h = Self.existing(["name": "Clinic", "prompt": "Be brief."])
        h.w.state.backend = Self.revox
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        #expect(h.text.contains("Update 'Clinic' (asst_9) on https://www.getrevox.com/api?"), "\(h.text)")
        let e = h.key(.enter)
        guard case .send(.update(let id, let changes))? = e.first else { Issue.record("\(e)"); return }
        #expect(id == "asst_9" && changes.body == ["prompt": "Be brief."])
    }

    /// Right after our own PATCH there is nothing to send, and the wizard does not blame a fetch.
    @Test func noNothingChangedSinceFetchedRightAfterOurOwnPatch() {
        var h = Self.existing(["name": "Clinic", "prompt": "Be brief."])
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.enter)
        let a = Assistant(json: JSONObject([("id", "asst_9"), ("name", "Clinic"), ("prompt", "Be brief.")]))!
        h.send(.sendFinished(.sent(a, wasCreate: false, recordFailure: nil), record: nil))
        h.key(.enter)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        #expect(!h.text.contains("Nothing changed since the assistant was fetched"))
        #expect(h.text.contains("Already sent"))
    }

    // MARK: review JSON

    @Test func reviewJSONMarksCutLinesShowsTheKeysAndWraps() {
        let long = String(repeating: "Be kind to every caller. ", count: 8) + "THE-END"
        var h = Harness(["name": "Clinic", "prompt": .string(long)], rows: 24, cols: 80)
        h.go(.review)
        #expect(h.text.contains("›"), "a cut line is marked at the edge")
        #expect(h.text.contains("←/→ sideways"))
        #expect(h.text.contains("w wrap"))
        h.key(.right)
        #expect(h.text.contains("‹"), "a line scrolled sideways is marked on the left")
        #expect(!h.text.contains("THE-END"))
        h.key(.char("w"))
        #expect(h.w.state.review.json.wrap)
        #expect(h.text.contains("THE-END"), "wrapped, the whole prompt shows")
        #expect(h.text.contains("w cut long lines"))
    }

    // MARK: help and hints

    @Test func f1InARecordFormShowsThatFormsKeys() {
        var h = Harness(validBody)
        h.go(.faq)
        h.focus("faq_items")
        h.key(.char("a"))
        #expect(h.w.state.record != nil)
        h.key(KeyPress(.function(1)))
        let text = h.text
        #expect(text.contains("In this FAQ item form:"), "\(text)")
        #expect(text.contains("discard"))
        #expect(!text.contains("next/previous step"), "the step's keys do not act in the form")
        h.key(.escape)
        #expect(h.w.state.record != nil, "closing the keys leaves the form open")
    }

    @Test func questionMarkIsOneRuleAndTheHelpSaysIt() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(1)))
        #expect(h.text.contains("where ? cannot be typed"))
        #expect(h.text.contains("(not in text, numbers or list filters)"))
        h.key(.escape)
        // In both list filters it is typed, as the rule says.
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        h.key(.char("?"))
        #expect(!h.w.state.helpShown)
        #expect(h.text.contains("filter: ?"))
        var z = Harness(["call_retry_config": ["calling_windows": [], "timezone": ""]])
        z.go(.callRetry)
        z.focus("call_retry_config.timezone", kind: "timeZone")
        z.key(.char("?"))
        #expect(!z.w.state.helpShown)
        #expect(z.text.contains("filter: ?"))
        // On the review, where nothing is typed, it opens the keys.
        h.go(.review)
        h.key(.char("?"))
        #expect(h.w.state.helpShown)
    }

    /// "Ln x/y, Col z" only for the focused text area, on its own label row.
    @Test func thePositionShowsOnlyForTheFocusedTextAreaAtItsLabel() {
        var h = Harness(["name": "Clinic", "prompt": "Line one\nLine two"], rows: 24, cols: 80)
        #expect(h.focusedPath == "name")
        #expect(!h.text.contains("Ln "), "an unfocused text area shows no position")
        h.key(.tab)
        let rows = h.text.split(separator: "\n", omittingEmptySubsequences: false)
        let label = rows.first { $0.contains("Prompt") && $0.contains("Ln 1/2, Col 1") }
        #expect(label != nil, "\(h.text)")
        #expect(rows.filter { $0.contains("Ln ") }.count == 1)
    }

    // MARK: messages

    @Test func aFieldsErrorWrapsInsteadOfBeingCut() {
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "webhook_url": "nope"], rows: 24, cols: 80)
        h.go(.callBehaviour)
        h.focus("webhook_url")
        h.key(.tab)
        h.key(.backTab)
        #expect(h.text.contains("example.com/webhook"), "\(h.text)")
    }

    @Test func theResultHeaderKeepsTheNameAndIdsAreWhole() {
        var h = Harness(validBody, rows: 24, cols: 80)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.key(.char("y"))
        let id = "de9e18d6-2c4b-4e0f-9a57-0123456789ab"
        let a = Assistant(json: JSONObject([("id", .string(id)), ("name", "Clinic"), ("prompt", "Be kind.")]))!
        h.send(.sendFinished(.sent(a, wasCreate: false, recordFailure: nil), record: nil))
        let header = String(h.text.split(separator: "\n")[0])
        #expect(header.contains("Clinic"), "\(header)")
        #expect(header.contains("(\(id))"), "\(header)")
        #expect(h.text.contains("id: \(id)\n") || h.text.contains("id: \(id) "))

        let long = Harness(["name": .string(String(repeating: "Reception ", count: 6)), "prompt": "x"],
                           record: SubmissionRecord(assistantID: id), rows: 24, cols: 80)
        let top = String(long.text.split(separator: "\n")[0])
        #expect(top.contains("(\(id))"), "the name gives way, not the id: \(top)")
    }

    @Test func theStartScreenCountsNothingBeforeADraftExists() {
        var w = Wizard.startScreen(backend: Self.revox)
        _ = w.update(.resize(rows: 24, cols: 80))
        let s = BufferScreen(rows: 24, cols: 80)
        var c = s.makeCanvas()
        w.render(into: &c)
        s.present(c)
        #expect(!s.plainText.contains("errors,"), "\(s.plainText)")
        #expect(!s.plainText.contains("not saved yet"))
        #expect(s.plainText.contains("https://www.getrevox.com/api"))
    }

    @Test func notSetIsPhrasedOneWayEverywhere() {
        for (step, path) in [(Step.callRetry, "call_retry_config"), (.calendly, "calendly"), (.voice, "voice")] as [(Step, JSONPath)] {
            var h = Harness()
            h.go(step)
            h.focus(path, kind: "choice")
            #expect(h.choiceTitles.first == ChoiceOption.unsetTitle, "\(path)")
        }
        var h = Harness()
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        guard case .picker(let list)? = h.w.state.form.fields.first?.control else { Issue.record("no voice list"); return }
        #expect(list.items.first?.title == ChoiceOption.unsetTitle)
        #expect(PatchDiff.short(nil) == ChoiceOption.unsetTitle)
    }

    @Test func stepTwosLabelsAreDistinctAndTheFirstChoiceIsWholeAt100Columns() {
        var h = Harness(["voice": ["id": "v-ana", "provider": "cartesia"]], rows: 30, cols: 100)
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        let labels = h.w.state.form.fields.map(\.label)
        #expect(labels.filter { $0.localizedCaseInsensitiveContains("voice") }.count == Set(labels.filter { $0.localizedCaseInsensitiveContains("voice") }).count,
                "\(labels)")
        #expect(labels.starts(with: ["Voice list", "Voice settings", "Voice id"]), "\(labels)")
        #expect(h.text.contains(ChoiceOption.unsetTitle), "\(h.text)")
    }

    @Test func aReopenedCompleteDraftShowsDoneSteps() {
        let h = Harness(["name": "Clinic", "prompt": "Be kind.", "voice": ["id": "v-ana", "provider": "cartesia"]], rows: 30, cols: 100)
        let text = h.text
        #expect(text.contains("✓ 2 Voice"), "\(text)")
        #expect(text.contains("✓ 6 FAQ"))
        #expect(!text.contains("· 2 Voice"))
    }

    // MARK: long lists

    @Test func aLongListPagesJumpsAndCounts() {
        let items: [JSONValue] = (1...1000).map { ["question": .string("Question \($0)?"), "answer": "Yes."] }
        var h = Harness(["name": "Clinic", "prompt": "Be kind.", "faq_items": .array(items)], rows: 24, cols: 80)
        h.go(.faq)
        h.focus("faq_items")
        #expect(h.text.contains("FAQ item 1 of 1,000"), "\(h.text)")
        h.key(.pageDown)
        #expect(h.text.contains("FAQ item 5 of 1,000"))
        h.key(.end)
        #expect(h.text.contains("FAQ item 1,000 of 1,000"))
        h.key(.pageUp)
        #expect(h.text.contains("FAQ item 996 of 1,000"))
        h.key(.home)
        #expect(h.text.contains("FAQ item 1 of 1,000"))
        h.key(KeyPress(.function(1)))
        #expect(h.text.contains("pgup/pgdn/home/end"))
    }
}
