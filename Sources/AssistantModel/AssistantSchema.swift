/// Every field of the `POST /assistants` body (the seed's 18, in the API reference's order) with
/// its nested objects. The validator, the canonical key order and the wizard's forms all read this.
public enum AssistantSchema {
    /// Largest integer the API accepts (2^53 - 1, JavaScript's safe integer limit).
    public static let maxSafeInteger: Double = 9_007_199_254_740_991

    public static let firstSentenceModes = [
        Choice("generated", "Generated", help: "the LLM writes the opener from the first sentence as an instruction"),
        Choice("static", "Static", help: "the first sentence is spoken word for word"),
        Choice("none", "None", help: "the agent waits for the callee to speak first"),
    ]
    public static let voiceProviders = [Choice("cartesia", "Cartesia"), Choice("elevenlabs", "ElevenLabs")]
    /// Voice speed range by provider.
    public static let voiceSpeedRanges: [String: ClosedRange<Double>] = ["cartesia": 0.6...1.5, "elevenlabs": 0.7...1.2]
    public static let dedicatedModels = [Choice("gpt-4.1", "GPT-4.1"), Choice("ministral-3-8b-instruct", "Ministral 3 8B Instruct")]
    public static let structuredOutputTypes = [
        Choice("string", "Text"), Choice("number", "Number"), Choice("boolean", "Yes/no"),
        Choice("enum", "One of a list"), Choice("date", "Date"), Choice("datetime", "Date and time"),
    ]
    public static let backgroundSounds = [Choice("audio/office.ogg", "Office ambience")]

    public static let voice: [FieldSpec] = [
        FieldSpec(key: "id", path: "voice.id", label: "Voice", help: "The voice id, from the list of voices (GET /voices).",
                  kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "provider", path: "voice.provider", label: "Provider", help: "Who hosts the voice; it decides the speed range.",
                  kind: .choice(voiceProviders), required: true),
        FieldSpec(key: "speed", path: "voice.speed", label: "Speed", help: "Speaking speed: Cartesia 0.6–1.5, ElevenLabs 0.7–1.2.",
                  kind: .number(NumberRule(min: 0.6, max: 1.5, step: 0.05, unit: "×",
                                           rangeBySibling: ("provider", voiceSpeedRanges))),
                  defaultValue: .number(JSONNumber(literal: "1.0")!)),
    ]

    public static let llmModel = FieldSpec(
        key: "llm_model", path: "llm_model", label: "LLM model", help: "The language model behind the agent.",
        kind: .variants(
            discriminator: FieldSpec(key: "type", path: "llm_model.type", label: "Model source",
                                     help: "A dedicated instance run by Revox, or any model through OpenRouter.",
                                     kind: .choice([Choice("dedicated-instance", "Dedicated instance"), Choice("openrouter", "OpenRouter")]),
                                     required: true),
            [
                Variant(value: "dedicated-instance", label: "Dedicated instance", fields: [
                    FieldSpec(key: "name", path: "llm_model.name", label: "Model", help: "The dedicated model to run.",
                              kind: .choice(dedicatedModels), required: true),
                ]),
                Variant(value: "openrouter", label: "OpenRouter", fields: [
                    FieldSpec(key: "openrouter_model_id", path: "llm_model.openrouter_model_id", label: "OpenRouter model",
                              help: "The OpenRouter model id, e.g. openai/gpt-4.1.", kind: .text, required: true, nonBlank: true,
                              example: "openai/gpt-4.1"),
                    FieldSpec(key: "openrouter_provider", path: "llm_model.openrouter_provider", label: "OpenRouter provider",
                              help: "The provider OpenRouter should route to, e.g. openai, azure, nebius.", kind: .text,
                              required: true, nonBlank: true, example: "openai"),
                ]),
            ]))

    public static let structuredOutputField: [FieldSpec] = [
        FieldSpec(key: "name", path: "structured_output_config[].name", label: "Name",
                  help: "The key of this value in the extracted data; letters, digits and _ work everywhere.",
                  kind: .text, required: true, nonBlank: true, format: .identifier, example: "customer_email"),
        FieldSpec(key: "type", path: "structured_output_config[].type", label: "Type", help: "The kind of value to extract.",
                  kind: .choice(structuredOutputTypes), required: true),
        FieldSpec(key: "required", path: "structured_output_config[].required", label: "Required",
                  help: "Whether the call must yield this value.", kind: .toggle, defaultValue: false, required: true),
        FieldSpec(key: "description", path: "structured_output_config[].description", label: "Description",
                  help: "Tells the LLM what to extract.", kind: .text),
        FieldSpec(key: "enum_options", path: "structured_output_config[].enum_options", label: "Options",
                  help: "The allowed values of an enum field.",
                  kind: .stringList(ListRule(uniqueKey: "", duplicateSeverity: .error, nonBlankItems: true, itemLabel: "option")),
                  appliesWhen: .siblingIn(key: "type", values: ["enum"], defaultValue: nil)),
    ]

    public static let callingWindow: [FieldSpec] = [
        FieldSpec(key: "calling_window_start_time", path: "call_retry_config.calling_windows[].calling_window_start_time",
                  label: "From", help: "Earliest time to call, in the callee's zone: 09:30 (24-hour) or 10am.",
                  kind: .text, defaultValue: "10:00", required: true, format: .clockTime, example: "10:00"),
        FieldSpec(key: "calling_window_end_time", path: "call_retry_config.calling_windows[].calling_window_end_time",
                  label: "Until", help: "Latest time to call: 18:00 (24-hour) or 6pm; after the start.",
                  kind: .text, defaultValue: "18:00", required: true, format: .clockTime, example: "18:00"),
        FieldSpec(key: "retry_delay_seconds", path: "call_retry_config.calling_windows[].retry_delay_seconds",
                  label: "Retry after", help: "Seconds to wait before calling again (7200 = 2 hours).",
                  kind: .number(NumberRule(min: 0, max: maxSafeInteger, minExclusive: true, integer: true, step: 600, unit: "s")),
                  defaultValue: 7200, required: true),
    ]

    public static let callRetryConfig: [FieldSpec] = [
        FieldSpec(key: "calling_windows", path: "call_retry_config.calling_windows", label: "Calling windows",
                  help: "When the agent may call; at least one window.",
                  kind: .records(callingWindow, ListRule(minItems: 1, itemLabel: "calling window")), required: true),
        FieldSpec(key: "max_retry_attempts", path: "call_retry_config.max_retry_attempts", label: "Max retries",
                  help: "How many times to try again when nobody answers.",
                  kind: .number(NumberRule(min: 0, max: maxSafeInteger, minExclusive: true, integer: true)),
                  defaultValue: 3, required: true),
        FieldSpec(key: "timezone", path: "call_retry_config.timezone", label: "Time zone",
                  help: "IANA zone for the windows, e.g. Europe/Paris; null or unset: from the callee's number.",
                  kind: .text, nullable: true, format: .ianaTimeZone, example: "Europe/Paris"),
    ]

    public static let faqItem: [FieldSpec] = [
        FieldSpec(key: "question", path: "faq_items[].question", label: "Question", help: "A question callers ask.",
                  kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "answer", path: "faq_items[].answer", label: "Answer", help: "What the agent answers.",
                  kind: .longText, required: true, nonBlank: true),
    ]

    public static let calendly: [FieldSpec] = [
        FieldSpec(key: "connection_id", path: "calendly.connection_id", label: "Connection id",
                  help: "The link between your Calendly account and Revox.", kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "event_type_id", path: "calendly.event_type_id", label: "Event type",
                  help: "The event type to book, e.g. https://api.calendly.com/event_types/<uuid>.", kind: .text,
                  required: true, nonBlank: true, example: "https://api.calendly.com/event_types/…"),
    ]

    /// The top-level fields, in the API reference's order (which is also the canonical key order).
    public static let fields: [FieldSpec] = [
        FieldSpec(key: "name", path: "name", label: "Name", help: "The assistant's display name.",
                  kind: .text, required: true, nonBlank: true, example: "Dental clinic receptionist"),
        FieldSpec(key: "prompt", path: "prompt", label: "Prompt",
                  help: "The system prompt for the LLM; {{variable}} placeholders are filled per call.",
                  kind: .longText, required: true, nonBlank: true),
        FieldSpec(key: "first_sentence", path: "first_sentence", label: "First sentence",
                  help: "The opener: an instruction (generated) or the exact words (static).", kind: .longText,
                  appliesWhen: .siblingNotIn(key: "first_sentence_mode", values: ["none"], defaultValue: "generated")),
        FieldSpec(key: "first_sentence_mode", path: "first_sentence_mode", label: "First sentence mode",
                  help: "generated: the LLM writes it; static: said word for word; none: wait for the callee.",
                  kind: .choice(firstSentenceModes), defaultValue: "generated"),
        FieldSpec(key: "first_sentence_delay_ms", path: "first_sentence_delay_ms", label: "First sentence delay",
                  help: "Milliseconds to wait before the opener.",
                  kind: .number(NumberRule(min: 0, max: maxSafeInteger, integer: true, step: 100, unit: "ms")),
                  defaultValue: 400),
        FieldSpec(key: "end_of_call_sentence", path: "end_of_call_sentence", label: "End-of-call sentence",
                  help: "Said when the agent decides to end the call.", kind: .longText),
        FieldSpec(key: "voice", path: "voice", label: "Voice", help: "The voice the agent speaks with.", kind: .object(voice)),
        llmModel,
        FieldSpec(key: "webhook_url", path: "webhook_url", label: "Webhook URL",
                  help: "Called when a call completes; https:// recommended.", kind: .text, format: .webURL,
                  example: "https://example.com/webhooks/revox"),
        FieldSpec(key: "max_call_duration_secs", path: "max_call_duration_secs", label: "Max call duration",
                  help: "Hard cap on a call's length, in seconds.",
                  kind: .number(NumberRule(min: 0, minExclusive: true, step: 60, unit: "s"))),
        FieldSpec(key: "structured_output_config", path: "structured_output_config", label: "Structured output",
                  help: "Values to extract from each call (email, company, …).",
                  kind: .records(structuredOutputField, ListRule(uniqueKey: "name", duplicateSeverity: .error, itemLabel: "field"))),
        FieldSpec(key: "call_retry_config", path: "call_retry_config", label: "Call retries",
                  help: "When to call and how often to retry; server defaults when unset.", kind: .object(callRetryConfig)),
        FieldSpec(key: "background_sound", path: "background_sound", label: "Background sound",
                  help: "Ambience under the voice; null: none.", kind: .choice(backgroundSounds), nullable: true),
        FieldSpec(key: "transfer_phone_number", path: "transfer_phone_number", label: "Transfer number",
                  help: "Where to transfer callers who ask for a human, in E.164 (+14155550100); null: no transfer.",
                  kind: .text, nullable: true, format: .e164, example: "+14155550100"),
        FieldSpec(key: "ivr_navigation_enabled", path: "ivr_navigation_enabled", label: "IVR navigation",
                  help: "Let the agent press keys (DTMF) and skip turns in phone menus.", kind: .toggle, defaultValue: false),
        FieldSpec(key: "voicemail_message", path: "voicemail_message", label: "Voicemail message",
                  help: "Said on voicemail before hanging up; null: hang up at once.", kind: .longText, nullable: true),
        FieldSpec(key: "faq_items", path: "faq_items", label: "FAQ",
                  help: "Questions and answers; sending them replaces the assistant's whole FAQ set.",
                  kind: .records(faqItem, ListRule(uniqueKey: "question", duplicateSeverity: .warning, itemLabel: "FAQ item"))),
        FieldSpec(key: "calendly", path: "calendly", label: "Calendly", help: "Let the agent book meetings in Calendly.",
                  kind: .object(calendly)),
    ]

    /// The whole body as one object field, the root for walks over the schema.
    public static let body = FieldSpec(key: "", path: "", label: "Assistant", help: "The request body of POST /assistants.",
                                       kind: .object(fields))

    /// The spec for a concrete path such as `faq_items[2].answer` or `llm_model.name` (for the
    /// variant named by the draft's `llm_model.type` when a draft is given). Nil for unknown keys.
    public static func field(at path: String, in draft: JSONValue? = nil) -> FieldSpec? {
        guard let p = JSONPath(parsing: path) else { return nil }
        var spec = body
        var value = draft
        for c in p.components {
            switch c {
            case .index(let i):
                guard case .records(let fields, _) = spec.kind else {
                    if case .stringList = spec.kind { return spec }
                    return nil
                }
                spec = FieldSpec(key: "", path: spec.path + "[]", label: spec.label, help: spec.help, kind: .object(fields))
                value = value?.arrayValue.flatMap { i < $0.count ? $0[i] : nil }
            case .key(let k):
                let candidates: [FieldSpec]
                if case .variants(let d, let variants) = spec.kind {
                    let chosen = value?.objectValue?["type"]?.stringValue
                    candidates = [d] + (variants.first { $0.value == chosen }?.fields ?? variants.flatMap(\.fields))
                } else {
                    candidates = spec.children
                }
                guard let next = candidates.first(where: { $0.key == k }) else { return nil }
                spec = next
                value = value?.objectValue?[k]
            }
        }
        return spec
    }

    /// The canonical key order of the object at the spec: its fields in declaration order.
    static func keyOrder(_ spec: FieldSpec, value: JSONObject) -> [String] {
        switch spec.kind {
        case .object(let f), .records(let f, _): return f.map(\.key)
        case .variants(let d, let vs):
            let chosen = value[d.key]?.stringValue
            return [d.key] + (vs.first { $0.value == chosen }?.fields ?? vs.flatMap(\.fields)).map(\.key)
        default: return []
        }
    }
}
