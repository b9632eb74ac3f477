import Foundation
import Testing
@testable import AssistantModel

/// A valid latest-generation body with all 45 fields set (the fixture the SDK 0.5.0 accepts).
func latestFullBody() -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/latest-full.json")
    return try! JSONParser.parse(Array(try! Data(contentsOf: url)))
}

func latest(_ path: String, _ value: JSONValue?) -> JSONValue { body(path, value, base: latestFullBody()) }

func errors(_ b: JSONValue, _ api: APIGeneration) -> [ValidationIssue] { Validator.validate(b, api: api).errors }

/// The two API generations in one schema: seed (SDK revox 0.1.1) and latest (0.5.0).
@Suite struct LatestAPITests {
    /// `AssistantCreateParams` of revox 0.5.0, key for key.
    static let sdk050Keys: Set<String> = [
        "name", "prompt", "after_call_sms_outcomes", "after_call_sms_prompt", "background_sound", "background_sound_volume",
        "calendly", "call_retry_config", "cartesia_dictionary_pronunciation_id", "custom_tools", "email_notification_address",
        "email_notification_outcomes", "end_of_call_sentence", "faq_items", "first_sentence", "first_sentence_delay_ms",
        "first_sentence_mode", "from_phone_number", "human_transfer_mode", "ivr_navigation_enabled", "llm_model", "logo_url",
        "max_call_duration_secs", "max_duration_end_message", "position", "precall_lookup_url", "prompt_flow", "slack",
        "sms_enabled", "sms_template", "structured_output_config", "structured_output_prompt", "stt_context", "stt_model",
        "thinking_sound", "thinking_sound_probability", "thinking_sound_volume", "transfer_destinations", "type", "voice",
        "voicemail_message", "voicemail_sms_prompt", "warm_transfer_summary_instructions", "webhook_url", "zoho",
    ]

    @Test func eachGenerationHasItsFields() {
        let seed = AssistantSchema.fields(for: .seed).map(\.key)
        let latest = AssistantSchema.fields(for: .latest).map(\.key)
        #expect(seed.count == 18 && Set(seed).count == 18)
        #expect(seed == AssistantSchema.fields.map(\.key))
        #expect(latest.count == 45 && Set(latest) == Self.sdk050Keys)
        #expect(seed.contains("transfer_phone_number") && !latest.contains("transfer_phone_number"))
        // The seed's canonical order is unchanged by the latest fields placed among its own.
        #expect(seed == ["name", "prompt", "first_sentence", "first_sentence_mode", "first_sentence_delay_ms", "end_of_call_sentence",
                         "voice", "llm_model", "webhook_url", "max_call_duration_secs", "structured_output_config", "call_retry_config",
                         "background_sound", "transfer_phone_number", "ivr_navigation_enabled", "voicemail_message", "faq_items", "calendly"])
    }

    @Test func theFullLatestBodyHasNoIssues() {
        #expect(Validator.validate(latestFullBody(), api: .latest) == [])
        #expect(Validator.validate(fullBody(), api: .seed) == [])
    }

    /// Issue 13: these three passed `validate`, while the 0.5.0 SDK rejects them.
    @Test func valuesTheLatestSDKRejectsAreErrors() {
        for (path, value) in [("human_transfer_mode", "lukewarm"), ("background_sound_volume", "loud"), ("stt_model", "stt-rt-v9")] as [(String, JSONValue)] {
            let b = latest(path, value)
            #expect(errors(b, .latest).map(\.path.description) == [path], "\(path)")
            #expect(errors(b, APIGeneration.resolve(nil, for: b)).map(\.path.description) == [path], "\(path): detected as latest")
        }
    }

    @Test func detectionGoesByKeysOnlyOneGenerationHas() {
        #expect(APIGeneration.detect(["name": "a", "prompt": "b"]) == nil)
        #expect(APIGeneration.resolve(nil, for: ["name": "a", "prompt": "b"]) == .seed)
        #expect(APIGeneration.detect(fullBody()) == .seed)
        #expect(APIGeneration.detect(latestFullBody()) == .latest)
        #expect(APIGeneration.detect(["name": "a", "sms_enabled": true]) == .latest)
        #expect(APIGeneration.detect(["voice": ["id": "v", "provider": "gradium"]]) == .latest)
        #expect(APIGeneration.detect(["llm_model": ["type": "realtime"]]) == .latest)
        #expect(APIGeneration.detect(["call_retry_config": ["allowed_days": ["monday"]]]) == .latest)
        #expect(APIGeneration.detect(["transfer_phone_number": "+14155550100"]) == .seed)
        // Mixed: the generation that knows more of the keys wins; a tie tells nothing.
        #expect(APIGeneration.detect(["transfer_phone_number": "+1415", "sms_enabled": true, "stt_model": "stt-rt-v5"]) == .latest)
        #expect(APIGeneration.detect(["transfer_phone_number": "+1415", "sms_enabled": true]) == nil)
        // A value no generation knows (a newer server's) tells nothing either.
        #expect(APIGeneration.detect(["voice": ["id": "v", "provider": "azure"]]) == nil)
        #expect(APIGeneration.resolve(.seed, for: latestFullBody()) == .seed)
    }

    @Test func theOtherGenerationsFieldsAndValuesAreNamed() {
        let gradium = body("voice", ["id": "v", "provider": "gradium"])
        #expect(errors(gradium, .seed).map(\.message) == [
            "\"gradium\" is not a valid provider in the seed API (the latest API has it: use --api latest): use \"cartesia\" or \"elevenlabs\""])
        #expect(errors(latest("voice", ["id": "v", "provider": "gradium"]), .latest) == [])
        let old = latest("transfer_phone_number", "+14155550100")
        #expect(errors(old, .latest) == [])
        #expect(Validator.validate(old, api: .latest).map(\.message) == [
            "\"transfer_phone_number\" is not a field of the latest API (the seed API has it: use --api seed); it is kept and sent as is"])
        #expect(Validator.validate(body("sms_enabled", true), api: .seed).map(\.path) == ["sms_enabled"])
        #expect(errors(body("llm_model", ["type": "custom", "api_url": "https://x.example/v1", "api_key": "k", "model_name": "m"]), .seed).map(\.path)
                == ["llm_model.type"])
    }

    @Test func rulesThatDifferBetweenGenerations() {
        let zeroDelay = body("call_retry_config.calling_windows[0].retry_delay_seconds", 0)
        #expect(errors(zeroDelay, .seed).map(\.path) == ["call_retry_config.calling_windows[0].retry_delay_seconds"])
        #expect(errors(latest("call_retry_config.calling_windows[0].retry_delay_seconds", 0), .latest) == [])
        #expect(errors(body("calendly", .null), .seed).map(\.path) == ["calendly"])
        #expect(errors(latest("calendly", .null), .latest) == [])
        #expect(errors(latest("voice.speed", .number(JSONNumber(literal: "1.3")!)), .latest) == [])
        #expect(errors(latest("voice", ["id": "v", "provider": "gradium", "speed": .number(JSONNumber(literal: "1.6")!)]), .latest).map(\.message)
                == ["must be between 0.6 and 1.5 for gradium, found 1.6"])
    }

    @Test func nestedRulesComeFromTheSchema() {
        let cases: [(String, JSONValue?, String)] = [
            ("call_retry_config.allowed_days", nil, "call_retry_config.allowed_days"),
            ("call_retry_config.allowed_days", [], "call_retry_config.allowed_days"),
            ("call_retry_config.allowed_days[1]", "funday", "call_retry_config.allowed_days[1]"),
            ("call_retry_config.call_twice_in_a_row", "yes", "call_retry_config.call_twice_in_a_row"),
            ("voice.volume", .number(JSONNumber(literal: "2.5")!), "voice.volume"),
            ("voice.model", "sonic-9", "voice.model"),
            ("thinking_sound_probability", .number(JSONNumber(literal: "1.5")!), "thinking_sound_probability"),
            ("thinking_sound", "beep.ogg", "thinking_sound"),
            ("type", "solo", "type"),
            ("after_call_sms_outcomes[0]", "maybe", "after_call_sms_outcomes[0]"),
            ("transfer_destinations[1].phone_number", "0612345678", "transfer_destinations[1].phone_number"),
            ("transfer_destinations[0].label", nil, "transfer_destinations[0].label"),
            ("email_notification_address", "alice@example.com, bob", "email_notification_address"),
            ("from_phone_number", "12345", "from_phone_number"),
            ("precall_lookup_url", "https://crm.example.com/lookup", "precall_lookup_url"),
            ("custom_tools[0].headers[0].value", nil, "custom_tools[0].headers[0].value"),
            ("custom_tools[0].method", "FETCH", "custom_tools[0].method"),
            ("custom_tools[0].body_template", nil, "custom_tools[0].body_template"),
            ("custom_tools[0].input_schema[0].enum_options", [], "custom_tools[0].input_schema[0].enum_options"),
            ("slack.channels", [], "slack.channels"),
            ("slack.outcomes", nil, "slack.outcomes"),
            ("zoho.log_call_activity", "yes", "zoho.log_call_activity"),
            ("zoho.field_mapping[0].zoho_field", " ", "zoho.field_mapping[0].zoho_field"),
            ("llm_model.provider", "azure", "llm_model.provider"),
            ("stt_context.terms", "crown", "stt_context.terms"),
            ("position.y", nil, "position.y"),
            ("prompt_flow.nodes[0].type", "block", "prompt_flow.nodes[0].type"),
            ("prompt_flow.nodes[1].data.body", nil, "prompt_flow.nodes[1].data.body"),
            ("prompt_flow.edges[0].target", "n9", "prompt_flow.edges[0].target"),
        ]
        for (path, value, expected) in cases {
            #expect(errors(latest(path, value), .latest).map(\.path.description) == [expected], "\(path) = \(String(describing: value))")
        }
        // Null where the SDK allows it, for every nullable field of the latest generation.
        for f in AssistantSchema.fields(for: .latest) where f.nullable {
            #expect(errors(latest(f.key, .null), .latest) == [], "\(f.key): null")
        }
    }

    @Test func crossFieldWarnings() {
        var b = latest("transfer_destinations", [])
        #expect(Validator.validate(b, api: .latest).map(\.path) == ["human_transfer_mode"])
        b = latest("human_transfer_mode", "cold")
        #expect(Validator.validate(b, api: .latest).map(\.path) == ["warm_transfer_summary_instructions"])
        b = latest("voice.provider", "elevenlabs")
        #expect(Set(Validator.validate(b, api: .latest).map(\.path)) == ["voice.model", "voice.volume"])
    }

    @Test func canonicalOrderFollowsTheGeneration() throws {
        let full = latestFullBody()
        guard case .object(let o) = full else { Issue.record("not an object"); return }
        let shuffled = JSONValue.object(o.ordered(by: o.keys.reversed()))
        let text = String(decoding: CanonicalJSON.encode(shuffled, api: .latest), as: UTF8.self)
        let keys = try JSONParser.parse(Array(text.utf8)).objectValue!.keys
        #expect(Array(keys) == CanonicalJSON.requestKeyOrder(for: .latest))
        #expect(CanonicalJSON.requestKeyOrder(for: .seed) == CanonicalJSON.requestKeyOrder)
        #expect(CanonicalJSON.allRequestKeys.count == 46)
        // An unknown value is kept as itself.
        #expect(text.contains("\"thinking_sound\": \"keyboard-typing.ogg\""))
        let newer = String(decoding: CanonicalJSON.encode(latest("stt_model", "stt-rt-v9"), api: .latest), as: UTF8.self)
        #expect(newer.contains("\"stt_model\": \"stt-rt-v9\""))
    }
}
