import AssistantModel
import Drafts
import Foundation
import Testing
import TerminalUI
@testable import Wizard

/// The latest generation's full body: every one of its 45 fields set.
func latestFullBody() throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../AssistantModelTests/Fixtures/latest-full.json").standardizedFileURL
    return try JSONParser.parse(Array(try Data(contentsOf: url)))
}

/// Issue 13: the steps depend on the draft's generation. A seed draft walks today's steps with
/// today's numbers and hotkeys; a latest draft also walks Transfer, Speech, Tools and After the
/// call, and every latest field has its step, in both front ends.
@Suite struct LatestStepsTests {
    @Test func seedDraftsKeepTodaysStepsKeysAndHotkeys() {
        let seed = Step.steps(for: .seed)
        #expect(seed.all == [.basics, .voice, .firstSentence, .callBehaviour, .model, .faq, .structuredOutput, .callRetry, .calendly, .review])
        #expect(seed.all.map { seed.hotkey($0) } == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"])
        #expect(seed.keys(.basics) == ["name", "prompt"])
        #expect(seed.keys(.callBehaviour) == ["end_of_call_sentence", "max_call_duration_secs", "background_sound", "transfer_phone_number",
                                             "ivr_navigation_enabled", "voicemail_message", "webhook_url"])
        #expect(seed.keys(.structuredOutput) == ["structured_output_config"])
    }

    @Test func latestDraftsGetTheNewSteps() {
        let latest = Step.steps(for: .latest)
        #expect(latest.all == [.basics, .voice, .firstSentence, .callBehaviour, .transfer, .speech, .model, .tools, .faq,
                               .structuredOutput, .callRetry, .calendly, .afterCall, .review])
        #expect(latest.hotkey(.transfer) == "5" && latest.hotkey(.faq) == "9" && latest.hotkey(.afterCall) == nil && latest.hotkey(.review) == "0")
        #expect(latest.next(.calendly) == .afterCall && latest.next(.afterCall) == .review && latest.previous(.basics) == nil)
        #expect(latest.keys(.transfer) == ["transfer_destinations", "human_transfer_mode", "warm_transfer_summary_instructions"])
        #expect(latest.keys(.speech) == ["stt_model", "stt_context", "thinking_sound", "thinking_sound_probability", "thinking_sound_volume"])
        #expect(latest.keys(.afterCall).contains("slack") && latest.keys(.afterCall).contains("zoho"))
    }

    /// Every top-level field of each generation is edited by exactly one of its steps.
    @Test(arguments: APIGeneration.allCases) func everyFieldHasExactlyOneStep(api: APIGeneration) {
        let steps = Step.steps(for: api)
        for f in AssistantSchema.fields(for: api) {
            let owners = steps.all.filter { steps.keys($0).contains(f.key) }
            #expect(owners.count == 1, "\(api) \(f.key): \(owners)")
            #expect(steps.owning(path: JSONPath([.key(f.key), .key("x")])) == owners.first)
        }
        #expect(steps.all.flatMap { steps.keys($0) }.count == AssistantSchema.fields(for: api).count)
    }

    @Test func aLatestFieldsIssuesAreOnItsStep() {
        let body: JSONValue = ["name": "n", "prompt": "p", "human_transfer_mode": "lukewarm", "background_sound_volume": "loud",
                               "stt_model": "stt-rt-v9", "slack": ["connection_id": ""]]
        let issues = Validator.validate(body, api: .latest)
        let latest = Step.steps(for: .latest)
        func step(_ key: JSONPath) -> Step? { issues.first { $0.belongs(to: key) }.map { latest.owning(path: $0.path) } }
        #expect(step("human_transfer_mode") == .transfer)
        #expect(step("stt_model") == .speech)
        #expect(step("background_sound_volume") == .callBehaviour)
        #expect(step("slack") == .afterCall)
        // A seed draft has no such step: a latest key there is listed on the review.
        #expect(Step.steps(for: .seed).owning(path: "slack.channels") == .review)
        var w = Wizard(backend: sandboxBackend, draft: OpenedDraft(slug: nil, body: body, api: .latest))
        _ = w.update(.input(.key(.alt("5"))))
        _ = w.update(.input(.key(.alt("1"))))
        #expect(w.state.visited.contains(.transfer))
        #expect(Step.transfer.mark(current: .basics, issues: w.state.issues, visited: w.state.visited) == .errors)
    }

    /// The full-screen form: walking a latest draft's steps shows a row for every one of its fields.
    @Test func fullScreenShowsEveryLatestFieldOnItsStep() throws {
        var h = Harness()
        h.w = Wizard(backend: sandboxBackend, draft: OpenedDraft(slug: nil, body: try latestFullBody(), api: .latest), rows: 40, cols: 120)
        var seen: [Step: Set<String>] = [:]
        for step in Step.steps(for: .latest).all where step != .review {
            h.go(step)
            #expect(h.w.state.step == step)
            #expect(h.text.contains("\(Step.steps(for: .latest).number(step))/14 \(step.title)"))
            seen[step] = Set(h.paths.map { String($0.prefix { $0 != "." && $0 != "[" }) })
        }
        for f in AssistantSchema.fields(for: .latest) {
            let step = Step.owning(path: JSONPath([.key(f.key)]))
            #expect(seen[step]?.contains(f.key) == true, "\(f.key) not on \(step)")
        }
        // The sidebar lists the latest steps, with no digit past the ninth.
        #expect(h.text.contains("5 Transfer") && h.text.contains("After the call"))
    }

    /// The accessible mode walks the same steps and asks every latest field.
    @Test func accessibleModeAsksEveryLatestField() throws {
        let store = try temporaryStore()
        let session = DraftSession.new(store: store, body: try latestFullBody())
        let wizard = Wizard(backend: sandboxBackend, draft: OpenedDraft(slug: nil, body: session.body, api: .latest))
        let a11y = AccessibleSession(wizard: wizard, api: RecordingAPI(), store: store, session: session, io: ScriptedLineIO([]))
        #expect(a11y.stepList == Step.steps(for: .latest))
        for f in AssistantSchema.fields(for: .latest) {
            let step = Step.owning(path: JSONPath([.key(f.key)]))
            #expect(a11y.items(for: step).contains { JSONPath([.key(f.key)]).contains($0.path) }, "\(f.key) not asked on \(step)")
        }
        // go N names the latest list's numbers.
        let run = ScriptedLineIO(["go 13", "quit"])
        _ = AccessibleSession(wizard: wizard, api: RecordingAPI(), store: store, session: session, io: run).run()
        #expect(run.output.contains("Step 13 of 14: After the call."))
    }
}
