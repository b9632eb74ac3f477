import AssistantModel
import Drafts
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Bugs found while testing the wizard, each kept as a test.
@Suite struct RegressionTests {
    /// Tabbing through a choice must not replace a value no entry shows (a hand-edited draft, a
    /// newer API value) with the highlighted entry.
    @Test func tabbingThroughAChoiceKeepsAnUnknownValue() {
        var h = Harness(["name": "A", "prompt": "B", "first_sentence_mode": "whisper"])
        h.go(.firstSentence)
        #expect(h.focusedPath == "first_sentence_mode")
        h.key(.tab)
        #expect(h["first_sentence_mode"] == "whisper")
    }

    /// Tab or Enter out of the voice list must not write the list itself into the request.
    @Test func leavingTheVoicePickerWritesOnlyIdAndProvider() {
        var h = Harness()
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        h.key(.down)
        #expect(h["voice.id"] == "v-ana")
        h.key(.tab)
        #expect(h["voice"] == ["id": "v-ana", "provider": "cartesia"])
        h.focus("voice", kind: "voice")
        h.key(.down)
        h.key(.enter)
        #expect(h["voice"] == ["id": "v-bruno", "provider": "elevenlabs"])
    }

    /// Typing in the voice list filters by everything typed, not only the last key.
    @Test func voicePickerFilterKeepsEveryKeyTyped() {
        var h = Harness()
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        h.type("fr-")
        #expect(h.text.contains("filter: fr-"))
        #expect(h["voice.id"] == "v-bruno")
    }

    /// Tabbing through the time zone list does not set a zone the user never picked.
    @Test func tabbingThroughTheZonePickerPicksNothing() {
        var h = Harness(["call_retry_config": ["calling_windows": [], "timezone": ""]])
        h.go(.callRetry)
        h.focus("call_retry_config.max_retry_attempts")
        h.key(.tab) // the choice
        h.key(.tab) // the picker
        h.key(.tab)
        #expect(h["call_retry_config.timezone"] == "")
    }

    /// Text back from $EDITOR lands in the field, and the field keeps the focus.
    @Test func editorTextLandsAndFocusStays() {
        var h = Harness(["name": "A"])
        h.key(.tab)
        #expect(h.focusedPath == "prompt")
        let e = h.key(.alt("e"))
        #expect(e == [.openEditor(path: "prompt", text: "")])
        h.send(.editorFinished(path: "prompt", .success("From the editor")))
        #expect(h["prompt"] == "From the editor")
        #expect(h.focusedPath == "prompt")
    }

    /// A failed send's details show as lines, not with escaped line breaks.
    @Test func errorDetailsKeepTheirLineBreaks() {
        var h = Harness(validBody)
        h.key(KeyPress(.function(5)))
        h.key(.enter)
        h.send(.sendFinished(.failed(RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                                                 fieldErrors: [FieldError(path: "name", message: "taken")],
                                                 message: "Rejected.", suggestion: "")), record: nil))
        #expect(!h.text.contains("\\u{0A}"))
        #expect(h.text.contains("  name: taken"))
    }

    /// Quitting with a record form open keeps what was typed in it (saved before the quit).
    @Test func quittingWithARecordOpenKeepsIt() {
        var h = Harness(validBody)
        h.go(.faq)
        h.key(.char("a"))
        h.type("Typed before quitting?")
        let e = h.key(.ctrl("q"))
        #expect(e.last == .quit)
        let saved = e.compactMap { if case .save(let body, _) = $0 { return body }; return nil }.last
        #expect(saved?.value(at: "faq_items[0].question") == "Typed before quitting?")
    }
}
