import AssistantModel
import Testing
import TerminalUI
@testable import Wizard

/// Issue 13: a value the schema does not know (a newer server's enum value) is shown as itself
/// and kept, never as "Not set"; the latest generation's values are known in a latest draft.
@Suite struct UnknownValueTests {
    /// The title the full-screen list selects for the row at `path` (drawn from the row's description).
    func selectedTitle(_ rows: [FormRow], _ path: JSONPath, in body: JSONValue) -> String? {
        guard let row = rows.first(where: { $0.path == path }),
              case .choice(let list, _, _) = FormField(row, value: body.value(at: path)).control else { return nil }
        return list.selectedItem?.title
    }

    @Test func unknownChoiceValuesAreShownAsThemselves() {
        let voice = AssistantSchema.fields.first { $0.key == "voice" }!
        let body: JSONValue = ["voice": ["id": "v", "provider": "gradium"]]
        let seedRows = FormBuilder.rows(for: [voice], body: body)
        #expect(selectedTitle(seedRows, "voice.provider", in: body) == "gradium (kept as is)")
        let latestVoice = AssistantSchema.fields(for: .latest).first { $0.key == "voice" }!
        #expect(selectedTitle(FormBuilder.rows(for: [latestVoice], body: body), "voice.provider", in: body) == "Gradium")

        let llm = AssistantSchema.fields.first { $0.key == "llm_model" }!
        let realtime: JSONValue = ["llm_model": ["type": "realtime", "provider": "openai", "realtime_model_id": "gpt-4.1"]]
        #expect(selectedTitle(FormBuilder.rows(for: [llm], body: realtime), "llm_model", in: realtime) == "realtime (kept as is)")
    }

    @Test func keptValueIsWhatTheControlWrites() {
        let voice = AssistantSchema.fields.first { $0.key == "voice" }!
        let rows = FormBuilder.rows(for: [voice], body: ["voice": ["id": "v", "provider": "gradium"]])
        guard case .choice(let options, _)? = rows.first(where: { $0.path == "voice.provider" })?.input,
              let kept = options.first(where: { $0.matches("gradium") }) else { Issue.record("no provider choice"); return }
        #expect(kept.apply(to: "gradium") == "gradium")
    }

    @Test func theWizardChecksByTheDraftsGeneration() {
        var state = WizardState(backend: Backend(isSandbox: true, baseURL: "http://127.0.0.1:1", maskedKey: nil))
        state.draft = ["name": "n", "prompt": "p", "sms_enabled": true, "human_transfer_mode": "lukewarm"]
        #expect(state.generation == .latest)
        state.api = .seed
        #expect(state.generation == .seed)
        // The generation recorded with the draft comes in when it is opened.
        let w = Wizard(backend: state.backend, draft: OpenedDraft(slug: nil, body: state.draft, api: .seed))
        #expect(w.state.generation == .seed)
        #expect(DraftMetadata(json: DraftMetadata(api: .latest).json).api == .latest)
        #expect(DraftMetadata(json: ["api": "future"]).json == ["api": "future"])
    }
}
