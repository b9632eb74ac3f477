import AssistantModel
import RevoxClient
import Testing
import TerminalUI
@testable import Wizard

/// Every kind of field writes the draft at its own path, as the user types or picks.
@Suite struct FieldEditingTests {
    @Test func textAndLongTextWriteNameAndPrompt() {
        var h = Harness()
        #expect(h.focusedPath == "name")
        h.type("Clinic")
        #expect(h["name"] == "Clinic")
        h.key(.tab)
        #expect(h.focusedPath == "prompt")
        h.type("Line one")
        h.key(.enter)
        h.type("Réservez 中文 😀 {{name}}")
        #expect(h["prompt"] == "Line one\nRéservez 中文 😀 {{name}}")
        // Typing produces save effects (the runtime debounces them).
        #expect(h.effects.contains { if case .save = $0 { return true }; return false })
    }

    @Test func clearingATextLeavesTheKeyOut() {
        var h = Harness(["name": "Ab"])
        h.keys(.backspace, .backspace)
        #expect(h["name"] == nil)
        #expect(h.draft.objectValue?.contains("name") == false)
    }

    @Test func choiceWithNotSetAndStaticValue() {
        var h = Harness()
        h.go(.firstSentence)
        h.focus("first_sentence_mode")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "Generated", "Static", "None"])
        h.choose("Static")
        #expect(h["first_sentence_mode"] == "static")
        h.choose(ChoiceOption.unsetTitle)
        #expect(h["first_sentence_mode"] == nil)
    }

    @Test func nullableChoiceHasNotSetNullAndValue() {
        var h = Harness()
        h.go(.callBehaviour)
        h.focus("background_sound")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "No background sound (null)", "Office ambience"])
        h.choose("No background sound (null)")
        #expect(h["background_sound"] == .null)
        #expect(h.draft.objectValue?.contains("background_sound") == true)
        h.choose("Office ambience")
        #expect(h["background_sound"] == "audio/office.ogg")
        h.choose(ChoiceOption.unsetTitle)
        #expect(h.draft.objectValue?.contains("background_sound") == false)
    }

    @Test func nullableTextShowsItsThreeStates() {
        var h = Harness()
        h.go(.callBehaviour)
        h.focus("transfer_phone_number")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "No transfer (null)", "Set a value"])
        h.choose("No transfer (null)")
        #expect(h["transfer_phone_number"] == .null)
        h.choose("Set a value")
        #expect(h["transfer_phone_number"] == "")
        // The value's own input appears below the choice.
        #expect(h.paths.filter { $0 == "transfer_phone_number" }.count == 2)
        h.key(.tab)
        guard case .text? = h.w.state.form.focused?.control else { Issue.record("no text input after Set a value"); return }
        h.type("+14155550100")
        #expect(h["transfer_phone_number"] == "+14155550100")
        // Emptying the value keeps an empty string (the user chose "Set a value"), not unset.
        for _ in 0..<12 { h.key(.backspace) }
        #expect(h["transfer_phone_number"] == "")
    }

    @Test func voicemailNullMeansHangUp() {
        var h = Harness()
        h.go(.callBehaviour)
        h.focus("voicemail_message")
        #expect(h.choiceTitles.contains("Hang up without a message (null)"))
        h.choose("Hang up without a message (null)")
        #expect(h["voicemail_message"] == .null)
        h.choose("Set a value")
        h.key(.tab)
        h.type("Call us back")
        #expect(h["voicemail_message"] == "Call us back")
    }

    @Test func optionalBoolHasNotSetYesNo() {
        var h = Harness()
        h.go(.callBehaviour)
        h.focus("ivr_navigation_enabled")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "Yes", "No"])
        h.choose("Yes")
        #expect(h["ivr_navigation_enabled"] == true)
        h.choose("No")
        #expect(h["ivr_navigation_enabled"] == false)
        h.choose(ChoiceOption.unsetTitle)
        #expect(h["ivr_navigation_enabled"] == nil)
    }

    @Test func numberTypesStepsAndRefusesLetters() {
        var h = Harness()
        h.go(.callBehaviour)
        h.focus("max_call_duration_secs")
        h.type("600")
        #expect(h["max_call_duration_secs"] == 600)
        h.type("x")
        #expect(h["max_call_duration_secs"] == 600)
        #expect(h.text.contains("numbers only") || h.text.contains("whole numbers only"))
        h.key(.up) // step 60
        #expect(h["max_call_duration_secs"] == 660)
        for _ in 0..<3 { h.key(.backspace) }
        #expect(h["max_call_duration_secs"] == nil)
    }

    @Test func voiceSpeedRangeFollowsTheProvider() {
        var h = Harness()
        h.go(.voice)
        h.focus("voice", kind: "choice")
        h.choose("Set up Voice")
        // Its required fields start filled (an empty id to type, the first provider): a
        // required field never shows "not set".
        #expect(h["voice"] == ["id": "", "provider": "cartesia"])
        h.focus("voice.id")
        h.type("v-custom")
        h.focus("voice.provider")
        h.choose("ElevenLabs")
        #expect(h["voice.provider"] == "elevenlabs")
        h.focus("voice.speed")
        #expect(h.text.contains("0.7–1.2"))
        for _ in 0..<30 { h.key(.up) } // clamped at the provider's maximum
        #expect(h["voice.speed"]?.numberValue?.doubleValue == 1.2)
        #expect(h["voice.id"] == "v-custom")
    }

    @Test func voicePickerFillsIdAndProvider() {
        var h = Harness()
        h.send(.voicesLoaded(.success(voices())))
        h.go(.voice)
        #expect(h.focusedPath == "voice")
        #expect(h.text.contains("Bruno") && h.text.contains("fr-FR") && h.text.contains("elevenlabs"))
        h.type("bru")
        #expect(h["voice.id"] == "v-bruno")
        #expect(h["voice.provider"] == "elevenlabs")
            }

    @Test func voiceListFailureSaysWhyAndAllowsTypingAnId() {
        var h = Harness()
        h.send(.voicesLoaded(.failure(RevoxError(kind: .noConnection, method: "GET", path: "/voices", message: "no route to host", suggestion: ""))))
        h.go(.voice)
        #expect(h.text.contains("could not be loaded (no route to host)"))
        h.focus("voice", kind: "choice")
        h.choose("Set up Voice")
        h.focus("voice.id")
        h.type("v-typed")
        #expect(h["voice.id"] == "v-typed")
    }

    @Test func llmModelVariants() {
        var h = Harness()
        h.go(.model)
        h.focus("llm_model")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "Dedicated instance", "OpenRouter"])
        h.choose("Dedicated instance")
        #expect(h["llm_model.type"] == "dedicated-instance")
        h.focus("llm_model.name")
        h.choose("Ministral 3 8B Instruct")
        #expect(h["llm_model"] == ["type": "dedicated-instance", "name": "ministral-3-8b-instruct"])
        h.focus("llm_model")
        h.choose("OpenRouter")
        #expect(h["llm_model.type"] == "openrouter")
        #expect(h["llm_model.name"] == nil)
        h.focus("llm_model.openrouter_model_id")
        h.type("openai/gpt-4.1")
        h.key(.tab)
        #expect(h.focusedPath == "llm_model.openrouter_provider")
        h.type("azure")
        #expect(h["llm_model"] == ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "azure"])
    }

    @Test func calendlyObjectOnAndOff() {
        var h = Harness()
        h.go(.calendly)
        h.focus("calendly")
        #expect(h.choiceTitles.first == ChoiceOption.unsetTitle)
        #expect(!h.paths.contains("calendly.connection_id"))
        h.choose("Set up Calendly")
        #expect(h.paths.contains("calendly.connection_id") && h.paths.contains("calendly.event_type_id"))
        h.focus("calendly.connection_id")
        h.type("conn_1")
        h.key(.tab)
        h.type("https://api.calendly.com/event_types/abc")
        #expect(h["calendly"] == ["connection_id": "conn_1", "event_type_id": "https://api.calendly.com/event_types/abc"])
        h.focus("calendly")
        h.choose(ChoiceOption.unsetTitle)
        #expect(h["calendly"] == nil)
        #expect(!h.paths.contains("calendly.connection_id"))
    }

    @Test func faqRecordsAddEditDelete() {
        var h = Harness()
        h.go(.faq)
        h.focus("faq_items")
        h.addRecord(["Hours?", "9 to 5"])
        h.addRecord(["Parking?", "Behind the building"])
        #expect(h["faq_items"] == [["question": "Hours?", "answer": "9 to 5"], ["question": "Parking?", "answer": "Behind the building"]])
        #expect(h.text.contains("Hours?") && h.text.contains("Parking?"))
        // Esc discards a record being added.
        h.key(.char("a"))
        h.type("Discarded?")
        h.key(.escape)
        #expect(h["faq_items"]?.arrayValue?.count == 2)
        // Enter edits the highlighted row.
        h.key(.enter)
        #expect(h.w.state.record?.index == 1)
        h.key(.tab)
        h.key(KeyPress(.end, .ctrl)) // a text area opens with the cursor at its start
        h.type(" (free)")
        h.key(.ctrl("s"))
        #expect(h["faq_items[1].answer"] == "Behind the building (free)")
        // d asks, Enter on Delete confirms.
        h.key(.char("d"))
        #expect(h.text.contains("Delete"))
        h.key(.char("y"))
        h.key(.enter)
        let left = h["faq_items"]?.arrayValue ?? []
        #expect(left.count <= 1)
    }

    @Test func structuredOutputEnumOptionsOnlyForEnum() {
        var h = Harness()
        h.go(.structuredOutput)
        h.focus("structured_output_config")
        h.key(.char("a"))
        let rec = { (h: Harness) in h.w.state.record?.form.fields.map(\.path) ?? [] }
        #expect(rec(h) == ["name", "type", "required", "description"])
        h.type("plan")
        h.key(.tab) // type
        h.keys(.down, .down, .down) // Text, Number, Yes/no, One of a list
        #expect(rec(h).contains("enum_options"))
        h.key(.tab) // required
        h.key(.char(" "))
        h.key(.tab) // description
        h.type("Which plan")
        h.key(.tab) // options
        h.type("small, medium, large")
        h.key(.ctrl("s"))
        #expect(h["structured_output_config[0]"] == ["name": "plan", "type": "enum", "required": true, "description": "Which plan",
                                                      "enum_options": ["small", "medium", "large"]])
    }

    @Test func callRetryObjectWindowsAndTimezonePicker() {
        var h = Harness()
        h.go(.callRetry)
        h.focus("call_retry_config")
        #expect(h.choiceTitles.first == ChoiceOption.unsetTitle)
        h.choose("Set up Call retries")
        #expect(h["call_retry_config"] != nil)
        h.focus("call_retry_config.calling_windows")
        // A new window starts with the documented defaults.
        h.addRecord([nil, nil, nil])
        #expect(h["call_retry_config.calling_windows[0]"] == ["calling_window_start_time": "10:00", "calling_window_end_time": "18:00", "retry_delay_seconds": 7200])
        h.key(.char("a"))
        h.keys(.ctrl("u")); h.type("14:00")
        h.key(.tab); h.keys(.ctrl("u")); h.type("17:30")
        h.key(.ctrl("s"))
        #expect(h["call_retry_config.calling_windows[1].calling_window_end_time"] == "17:30")
        h.focus("call_retry_config.max_retry_attempts")
        #expect(h["call_retry_config.max_retry_attempts"] == 3, "a required field starts at its default")
        h.key(.backspace)
        h.type("5")
        #expect(h["call_retry_config.max_retry_attempts"] == 5)
        h.focus("call_retry_config.timezone")
        #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "From the callee's number (null)", "Set a value"])
        h.choose("From the callee's number (null)")
        #expect(h["call_retry_config.timezone"] == .null)
        h.choose("Set a value")
        h.key(.tab)
        guard case .picker? = h.w.state.form.focused?.control else { Issue.record("no zone picker: \(h.paths)"); return }
        h.type("europe/par")
        #expect(h["call_retry_config.timezone"] == "Europe/Paris")
        h.focus("call_retry_config")
        h.choose(ChoiceOption.unsetTitle)
        #expect(h["call_retry_config"] == nil)
    }
}
