import Testing
@testable import AssistantModel

@Suite struct TypedModelTests {
    @Test func fullBodyRoundTrips() throws {
        let r = try AssistantRequest(json: fullBody())
        #expect(r.name == "Dental clinic")
        #expect(r.firstSentenceMode == .static)
        #expect(r.llmModel == .openRouter(.init(modelID: "openai/gpt-4.1", provider: "openai")))
        #expect(r.callRetryConfig?.timezone == .value("Europe/Paris"))
        #expect(r.maxCallDurationSecs?.literal == "600")
        #expect(r.json == fullBody())
        #expect(CanonicalJSON.encode(r.json) == CanonicalJSON.encode(fullBody()))
    }

    @Test func threeNullableStates() throws {
        var r = AssistantRequest(name: "n", prompt: "p")
        #expect(r.json.objectValue?.keys == ["name", "prompt"])
        r.voicemailMessage = .null
        r.transferPhoneNumber = .value("+14155550100")
        r.backgroundSound = .null
        #expect(String(decoding: JSONEncoding.compact(r.json), as: UTF8.self)
                == #"{"name":"n","prompt":"p","background_sound":null,"transfer_phone_number":"+14155550100","voicemail_message":null}"#)
        let back = try AssistantRequest(json: r.json)
        #expect(back.voicemailMessage == .null)
        #expect(back.transferPhoneNumber == .value("+14155550100"))
        #expect(back.backgroundSound == .null)
        #expect(try AssistantRequest(json: json(#"{"name": "n", "prompt": "p"}"#)).voicemailMessage == .unset)
        #expect(try AssistantRequest(json: json(#"{"name": "n", "prompt": "p", "background_sound": "audio/office.ogg"}"#)).backgroundSound == .value(.office))
        let tz = try CallRetryConfig(json: json(#"{"calling_windows": [], "max_retry_attempts": 1, "timezone": null}"#))
        #expect(tz.timezone == .null)
    }

    @Test func unknownKeysRoundTripByteForByte() throws {
        let text = """
        {
          "name": "n",
          "prompt": "p",
          "voice": {
            "id": "v",
            "provider": "elevenlabs",
            "volume": 0.50,
            "model": {"a": [1, 2.0]}
          },
          "llm_model": {
            "type": "dedicated-instance",
            "name": "gpt-4.1",
            "temperature": 0.2
          },
          "faq_items": [
            {
              "question": "q",
              "answer": "a",
              "id": "f1"
            }
          ],
          "sms_enabled": true,
          "zz_later": "é"
        }
        """
        let tree = try JSONParser.parse(text)
        let r = try AssistantRequest(json: tree)
        #expect(r.unknown.keys == ["sms_enabled", "zz_later"])
        #expect(r.voice?.unknown.keys == ["volume", "model"])
        #expect(r.faqItems?.first?.unknown["id"] == "f1")
        #expect(CanonicalJSON.encode(r.json) == CanonicalJSON.encode(tree))
        // The draft tree keeps them too: load, save, load gives the same bytes.
        let saved = JSONEncoding.pretty(tree)
        #expect(JSONEncoding.pretty(try JSONParser.parse(saved)) == saved)
    }

    @Test(arguments: [
        (#"{"name": 1, "prompt": "p"}"#, "name", "expected a string, found a number"),
        (#"{"prompt": "p"}"#, "name", "is required"),
        (#"{"name": "n", "prompt": "p", "voice": {"id": "v", "provider": "azure"}}"#, "voice.provider", "not one of"),
        (#"{"name": "n", "prompt": "p", "faq_items": [{"question": "q", "answer": 2}]}"#, "faq_items[0].answer", "expected a string"),
        (#"{"name": "n", "prompt": "p", "first_sentence_delay_ms": 400.0}"#, "first_sentence_delay_ms", "whole number"),
        (#"{"name": "n", "prompt": "p", "llm_model": {"type": "x"}}"#, "llm_model.type", "not one of"),
        (#"{"name": "n", "prompt": "p", "call_retry_config": {"calling_windows": [{"calling_window_start_time": "1"}], "max_retry_attempts": 1}}"#,
         "call_retry_config.calling_windows[0].calling_window_end_time", "is required"),
        (#"{"name": "n", "prompt": "p", "structured_output_config": [{"name": "a", "type": "enum", "required": true, "enum_options": [1]}]}"#,
         "structured_output_config[0].enum_options[0]", "expected a string"),
        (#"{"name": "n", "prompt": "p", "webhook_url": null}"#, "webhook_url", "must not be null"),
        (#"{"name": "n", "prompt": "p", "calendly": []}"#, "calendly", "expected a Calendly config (an object)"),
        ("[]", "", "expected the request body"),
    ] as [(String, String, String)])
    func wrongTypesThrowWithPath(_ text: String, _ path: String, _ says: String) {
        do {
            _ = try AssistantRequest(json: json(text))
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.path == path)
            #expect(error.message.contains(says), "\(error)")
        }
    }
}
