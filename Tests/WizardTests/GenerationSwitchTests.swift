import AssistantModel
import Drafts
import Foundation
import Testing
import TerminalUI
@testable import Wizard

/// Issue 13: the Basics step switches a draft's API generation, after showing what changes;
/// nothing is lost silently.
@Suite struct GenerationSwitchTests {
    static let seedBody: JSONValue = ["name": "Desk", "prompt": "Be kind.", "transfer_phone_number": "+14155550100",
                                      "call_retry_config": ["calling_windows": [["calling_window_start_time": "09:00",
                                                                                 "calling_window_end_time": "17:00", "retry_delay_seconds": 600]],
                                                            "max_retry_attempts": 2]]

    @Test func seedToLatestCarriesTheTransferNumberAndFillsNewRequiredFields() {
        let s = GenerationSwitch(Self.seedBody, from: .seed, to: .latest)
        #expect(s.appearing.count == 28 && s.appearing.contains("transfer_destinations") && s.appearing.contains("slack"))
        #expect(s.disappearing == ["transfer_phone_number"])
        #expect(s.converted == ["transfer_phone_number → transfer_destinations"])
        #expect(s.body.value(at: "transfer_destinations") == [["label": "Transfer", "phone_number": "+14155550100"]])
        #expect(s.body.value(at: "transfer_phone_number") == nil)
        #expect(s.filled == ["call_retry_config.allowed_days", "call_retry_config.call_twice_in_a_row"])
        #expect(s.unknownThere.isEmpty && s.isLossless)
        #expect(Validator.validate(s.body, api: .latest).errors.isEmpty, "\(Validator.validate(s.body, api: .latest))")
        #expect(s.summary.contains("Nothing set in the draft is lost."))
    }

    @Test func latestToSeedListsWhatSeedLacksAndKeepsOrDropsIt() throws {
        let full = try latestFullBody()
        let s = GenerationSwitch(full, from: .latest, to: .seed)
        // Two destinations have no one-number counterpart: they are listed, not merged.
        #expect(s.converted.isEmpty)
        #expect(s.unknownThere.contains("transfer_destinations") && s.unknownThere.contains("slack") && s.unknownThere.contains("voice.model"))
        #expect(s.unknownThere.contains("call_retry_config.allowed_days"))
        #expect(s.valuesUnknownThere.contains("llm_model.type"))
        #expect(s.body == full, "keeping changes nothing")
        let dropped = s.dropping
        for p in s.unknownThere { #expect(dropped.value(at: p) == nil, "\(p) still there") }
        #expect(dropped.value(at: "name") == "Front desk" && dropped.value(at: "voice.id") != nil)
        let seedKeys = Set(AssistantSchema.fields(for: .seed).map(\.key))
        #expect(dropped.objectValue?.keys.allSatisfy(seedKeys.contains) == true)
    }

    @Test func theBasicsStepShowsTheChangesBeforeSwitching() throws {
        var h = Harness(Self.seedBody)
        #expect(h.w.state.steps.count == 10)
        h.focus(Wizard.apiRowPath)
        #expect(h.text.contains("API generation (enter: switch to latest)"))
        h.key(.enter)
        let shown = h.text
        #expect(shown.contains("Switch from seed (SDK revox 0.1.1) to latest"), "\(shown)")
        #expect(shown.contains("Carried over: transfer_phone_number") && shown.contains("→ transfer_destinations"))
        // Cancel is where the focus starts: Enter again changes nothing.
        h.key(.enter)
        #expect(h.w.state.generation == .seed && h.draft == Self.seedBody)
        h.key(.enter)
        h.key(.char("s"))   // the Switch button
        #expect(h.w.state.generation == .latest && h.w.state.api == .latest)
        #expect(h.w.state.steps.count == 14)
        #expect(h["transfer_destinations"] == [["label": "Transfer", "phone_number": "+14155550100"]])
        #expect(h.effects.contains(.chooseAPI(.latest)))
        #expect(h.text.contains("1/14 Basics"))
    }

    @Test func switchingBackAsksWhetherToKeepOrDrop() throws {
        var h = Harness()
        h.w = Wizard(backend: sandboxBackend, draft: OpenedDraft(slug: nil, body: try latestFullBody(), api: .latest), rows: 40, cols: 120)
        h.focus(Wizard.apiRowPath)
        h.key(.enter)
        #expect(h.text.contains("Drop them") && h.text.contains("Keep them"))
        h.key(.char("d"))
        #expect(h.w.state.generation == .seed)
        #expect(h["slack"] == nil && h["transfer_destinations"] == nil && h["name"] == "Front desk")
        #expect(h.w.state.steps.count == 10)
    }

    /// The accessible mode: `api` on the Basics step, the changes, then keep/drop or yes/no.
    @Test func accessibleModeSwitchesWithTheApiCommand() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store,
                                      ["Desk", "api", "yes", "", "go 5", "quit"])
        #expect(run.output.contains("Type api at any prompt to switch to latest"))
        #expect(run.output.contains("Switch from seed (SDK revox 0.1.1) to latest (SDK revox 0.5.0)?"))
        #expect(run.output.contains("The draft now speaks latest."))
        #expect(run.output.contains("Step 5 of 14: Transfer."), "\(run.output)")
        let meta = try #require(try store.metadata("desk"))
        #expect(meta.api == .latest)
    }
}
