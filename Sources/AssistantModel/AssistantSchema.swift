/// Every field of the `POST /assistants` body of both API generations (the seed's 18 in the API
/// reference's order, the latest's among them) with its nested objects. Each entry says which
/// generations have it; `fields(for:)` gives one generation's view, which the validator, the
/// canonical key order and the wizard's forms read.
public enum AssistantSchema {
    /// Largest integer the API accepts (2^53 - 1, JavaScript's safe integer limit).
    public static let maxSafeInteger: Double = 9_007_199_254_740_991

    public static let firstSentenceModes = [
        Choice("generated", "Generated", help: "the LLM writes the opener from the first sentence as an instruction"),
        Choice("static", "Static", help: "the first sentence is spoken word for word"),
        Choice("none", "None", help: "the agent waits for the callee to speak first"),
    ]
    public static let voiceProviders = [Choice("cartesia", "Cartesia"), Choice("elevenlabs", "ElevenLabs"), Choice("gradium", "Gradium", only: .latest)]
    /// Voice speed range by provider.
    public static let voiceSpeedRanges: [String: ClosedRange<Double>] = ["cartesia": 0.6...1.5, "elevenlabs": 0.7...1.2, "gradium": 0.6...1.5]
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
                  defaultValue: .number(JSONNumber(literal: "1.0")!), only: .seed),
        FieldSpec(key: "speed", path: "voice.speed", label: "Speed", help: "Speaking speed: Cartesia and Gradium 0.6–1.5, ElevenLabs 0.7–1.2.",
                  kind: .number(NumberRule(min: 0.6, max: 1.5, step: 0.05, unit: "×",
                                           rangeBySibling: ("provider", voiceSpeedRanges))),
                  defaultValue: .number(JSONNumber(literal: "1.0")!), only: .latest),
        FieldSpec(key: "model", path: "voice.model", label: "Voice model", help: "The Cartesia speech model; sonic-3 when unset.",
                  kind: .choice(voiceModels), defaultValue: "sonic-3",
                  appliesWhen: .siblingIn(key: "provider", values: ["cartesia"], defaultValue: nil), only: .latest),
        FieldSpec(key: "volume", path: "voice.volume", label: "Voice volume", help: "Loudness of the voice, 0.5–2.0 (Cartesia only).",
                  kind: .number(NumberRule(min: 0.5, max: 2, step: 0.1, unit: "×")), defaultValue: .number(JSONNumber(literal: "1.0")!),
                  appliesWhen: .siblingIn(key: "provider", values: ["cartesia"], defaultValue: nil), only: .latest),
    ]

    public static let llmModel = FieldSpec(
        key: "llm_model", path: "llm_model", label: "LLM model", help: "The language model behind the agent.",
        kind: .variants(
            discriminator: FieldSpec(key: "type", path: "llm_model.type", label: "Model source",
                                     help: "A dedicated instance run by Revox, or any model through OpenRouter.",
                                     kind: .choice([Choice("dedicated-instance", "Dedicated instance"), Choice("openrouter", "OpenRouter"),
                                                    Choice("custom", "Custom endpoint", only: .latest), Choice("realtime", "Realtime", only: .latest)]),
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
            ] + latestLLMVariants))

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
                  defaultValue: 7200, required: true, only: .seed),
        FieldSpec(key: "retry_delay_seconds", path: "call_retry_config.calling_windows[].retry_delay_seconds",
                  label: "Retry after", help: "Seconds to wait before calling again (7200 = 2 hours; 0: as soon as the window allows).",
                  kind: .number(NumberRule(min: 0, max: maxSafeInteger, integer: true, step: 600, unit: "s")),
                  defaultValue: 7200, required: true, only: .latest),
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
                  kind: .text, nullable: true, format: .ianaTimeZone, example: "Europe/Paris", nullMeaning: "From the callee's number"),
        FieldSpec(key: "allowed_days", path: "call_retry_config.allowed_days", label: "Days",
                  help: "Days of the week the agent may call, in the callee's zone.",
                  kind: .stringList(ListRule(minItems: 1, uniqueKey: "", duplicateSeverity: .warning, itemLabel: "day", choices: weekdays)),
                  defaultValue: ["monday", "tuesday", "wednesday", "thursday", "friday"], required: true, only: .latest),
        FieldSpec(key: "call_twice_in_a_row", path: "call_retry_config.call_twice_in_a_row", label: "Call twice in a row",
                  help: "When the first call reaches nobody, try again at once (needs 2 or more retries).",
                  kind: .toggle, defaultValue: false, required: true, only: .latest),
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

    /// The top-level fields of every generation. The seed's are in the API reference's order, and
    /// the latest's sit beside the fields they belong with; the order is the canonical key order.
    public static let declared: [FieldSpec] = [
        FieldSpec(key: "name", path: "name", label: "Name", help: "The assistant's display name.",
                  kind: .text, required: true, nonBlank: true, example: "Dental clinic receptionist"),
        FieldSpec(key: "prompt", path: "prompt", label: "Prompt",
                  help: "The system prompt for the LLM; {{variable}} placeholders are filled per call.",
                  kind: .longText, required: true, nonBlank: true, editorLines: 10, placeholders: true),
        FieldSpec(key: "type", path: "type", label: "Kind", help: "standalone: a normal assistant; multi-step: a flow of sub-assistants.",
                  kind: .choice(assistantTypes), defaultValue: "standalone", only: .latest),
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
        FieldSpec(key: "max_duration_end_message", path: "max_duration_end_message", label: "Time's-up message",
                  help: "Said, uninterruptible, when the call reaches its maximum length; null: end silently.",
                  kind: .longText, nullable: true, only: .latest),
        FieldSpec(key: "voice", path: "voice", label: "Voice", help: "The voice the agent speaks with.", kind: .object(voice)),
        llmModel,
        FieldSpec(key: "stt_model", path: "stt_model", label: "Transcriber", help: "The speech-to-text model; the newest when unset.",
                  kind: .choice(sttModels), defaultValue: "stt-rt-v5", only: .latest),
        FieldSpec(key: "stt_context", path: "stt_context", label: "Transcriber context",
                  help: "Facts and domain terms that help the transcriber; null: none.", kind: .object(sttContext), nullable: true, only: .latest),
        FieldSpec(key: "webhook_url", path: "webhook_url", label: "Webhook URL",
                  help: "Called when a call completes; https:// recommended.", kind: .text, format: .webURL,
                  example: "https://example.com/webhooks/revox"),
        FieldSpec(key: "max_call_duration_secs", path: "max_call_duration_secs", label: "Max call duration",
                  help: "Hard cap on a call's length, in seconds.",
                  kind: .number(NumberRule(min: 0, minExclusive: true, step: 60, unit: "s"))),
        FieldSpec(key: "structured_output_config", path: "structured_output_config", label: "Structured output",
                  help: "Values to extract from each call (email, company, …).",
                  kind: .records(structuredOutputField, ListRule(uniqueKey: "name", duplicateSeverity: .error, itemLabel: "field"))),
        FieldSpec(key: "structured_output_prompt", path: "structured_output_prompt", label: "Extraction prompt",
                  help: "Instructions for extracting the values; {{transcript}} and others work. null: the default.",
                  kind: .longText, nullable: true, only: .latest),
        FieldSpec(key: "call_retry_config", path: "call_retry_config", label: "Call retries",
                  help: "When to call and how often to retry; server defaults when unset.", kind: .object(callRetryConfig)),
        FieldSpec(key: "from_phone_number", path: "from_phone_number", label: "Caller number",
                  help: "The number calls come from, one your organization owns, in E.164; null: the default number.",
                  kind: .text, nullable: true, format: .e164, example: "+14155550100", only: .latest),
        FieldSpec(key: "background_sound", path: "background_sound", label: "Background sound",
                  help: "Ambience under the voice; null: none.", kind: .choice(backgroundSounds), nullable: true,
                  nullMeaning: "No background sound"),
        FieldSpec(key: "background_sound_volume", path: "background_sound_volume", label: "Background volume",
                  help: "Loudness of the ambience: 0 silent, 1 full.", kind: .number(unitInterval), only: .latest),
        FieldSpec(key: "thinking_sound", path: "thinking_sound", label: "Thinking sound",
                  help: "Played while the agent works out an answer; null: silence.", kind: .choice(thinkingSounds), nullable: true, only: .latest,
                  nullMeaning: "Silence"),
        FieldSpec(key: "thinking_sound_probability", path: "thinking_sound_probability", label: "Thinking sound chance",
                  help: "How likely the sound plays on a turn: 0 never, 1 always.", kind: .number(unitInterval), only: .latest),
        FieldSpec(key: "thinking_sound_volume", path: "thinking_sound_volume", label: "Thinking sound volume",
                  help: "Loudness of the thinking sound: 0 silent, 1 full.", kind: .number(unitInterval), only: .latest),
        FieldSpec(key: "transfer_phone_number", path: "transfer_phone_number", label: "Transfer number",
                  help: "Where to transfer callers who ask for a human, in E.164 (+14155550100); null: no transfer.",
                  kind: .text, nullable: true, format: .e164, example: "+14155550100", only: .seed, nullMeaning: "No transfer"),
        FieldSpec(key: "transfer_destinations", path: "transfer_destinations", label: "Transfer to",
                  help: "Where callers who ask for a human go; with several, the prompt's rules pick by label. Empty or null: no transfer.",
                  kind: .records(transferDestination, ListRule(uniqueKey: "label", duplicateSeverity: .warning, itemLabel: "destination")),
                  nullable: true, only: .latest, nullMeaning: "No transfer"),
        FieldSpec(key: "human_transfer_mode", path: "human_transfer_mode", label: "Transfer mode",
                  help: "warm: the agent briefs the person first; cold: a direct SIP transfer. null: no transfer.",
                  kind: .choice([Choice("warm", "Warm", help: "the agent stays on and briefs the person"),
                                 Choice("cold", "Cold", help: "a direct transfer (SIP REFER); the trunk must allow it")]),
                  nullable: true, only: .latest, nullMeaning: "No transfer"),
        FieldSpec(key: "warm_transfer_summary_instructions", path: "warm_transfer_summary_instructions", label: "Handoff briefing",
                  help: "Extra instructions for the summary given to the person on a warm transfer; null: the default briefing.",
                  kind: .longText, nullable: true,
                  appliesWhen: .siblingIn(key: "human_transfer_mode", values: ["warm"], defaultValue: nil), only: .latest),
        FieldSpec(key: "ivr_navigation_enabled", path: "ivr_navigation_enabled", label: "IVR navigation",
                  help: "Let the agent press keys (DTMF) and skip turns in phone menus.", kind: .toggle, defaultValue: false),
        FieldSpec(key: "voicemail_message", path: "voicemail_message", label: "Voicemail message",
                  help: "Said on voicemail before hanging up; null: hang up at once.", kind: .longText, nullable: true,
                  nullMeaning: "Hang up without a message"),
        FieldSpec(key: "voicemail_sms_prompt", path: "voicemail_sms_prompt", label: "Voicemail SMS",
                  help: "The SMS sent when the call reaches voicemail; {{variable}} placeholders work. null: none.",
                  kind: .longText, nullable: true, only: .latest),
        FieldSpec(key: "sms_enabled", path: "sms_enabled", label: "SMS during calls",
                  help: "Let the agent text the person it is talking to.", kind: .toggle, defaultValue: false, only: .latest),
        FieldSpec(key: "sms_template", path: "sms_template", label: "SMS text",
                  help: "A fixed SMS sent instead of one the agent writes; {{variable}} placeholders work. null: the agent writes it.",
                  kind: .longText, nullable: true, only: .latest),
        FieldSpec(key: "after_call_sms_prompt", path: "after_call_sms_prompt", label: "After-call SMS",
                  help: "Instructions for the SMS sent after the call; {{variable}} placeholders work. null: none.",
                  kind: .longText, nullable: true, only: .latest),
        outcomes("after_call_sms_outcomes", "After-call SMS outcomes", "Which call outcomes send the after-call SMS; empty or null: none.",
                 nullable: true),
        FieldSpec(key: "email_notification_address", path: "email_notification_address", label: "Notify by e-mail",
                  help: "One address, or several separated by commas, told when a call ends with a chosen outcome.",
                  kind: .text, nullable: true, format: .emailList, example: "alice@example.com, bob@example.com", only: .latest),
        outcomes("email_notification_outcomes", "E-mail outcomes", "Which call outcomes send the e-mail.", nullable: true),
        FieldSpec(key: "faq_items", path: "faq_items", label: "FAQ",
                  help: "Questions and answers; sending them replaces the assistant's whole FAQ set.",
                  kind: .records(faqItem, ListRule(uniqueKey: "question", duplicateSeverity: .warning, itemLabel: "FAQ item"))),
        FieldSpec(key: "calendly", path: "calendly", label: "Calendly", help: "Let the agent book meetings in Calendly.",
                  kind: .object(calendly), only: .seed),
        FieldSpec(key: "calendly", path: "calendly", label: "Calendly", help: "Let the agent book meetings in Calendly; null: unlink it.",
                  kind: .object(calendly), nullable: true, only: .latest),
        FieldSpec(key: "custom_tools", path: "custom_tools", label: "Custom tools",
                  help: "HTTP endpoints the agent can call during the conversation; null: none.",
                  kind: .records(customTool, ListRule(uniqueKey: "name", duplicateSeverity: .error, itemLabel: "tool")),
                  nullable: true, only: .latest),
        FieldSpec(key: "slack", path: "slack", label: "Slack", help: "Post to Slack after calls with chosen outcomes; null: off.",
                  kind: .object(slack), nullable: true, only: .latest),
        FieldSpec(key: "zoho", path: "zoho", label: "Zoho CRM",
                  help: "Upsert the prospect in Zoho CRM and attach a call note after calls with chosen outcomes; null: off.",
                  kind: .object(zoho), nullable: true, only: .latest),
        FieldSpec(key: "precall_lookup_url", path: "precall_lookup_url", label: "Pre-call lookup",
                  help: "Inbound only: fetched before answering, with {{phone}} replaced, to get the prompt variables. null: none.",
                  kind: .text, nullable: true, format: .webURLWith(placeholder: "{{phone}}"),
                  example: "https://crm.example.com/lookup?phone={{phone}}", only: .latest),
        FieldSpec(key: "cartesia_dictionary_pronunciation_id", path: "cartesia_dictionary_pronunciation_id", label: "Pronunciation dictionary",
                  help: "A Cartesia pronunciation dictionary id; null: unlink it.", kind: .text, nullable: true, only: .latest),
        FieldSpec(key: "logo_url", path: "logo_url", label: "Logo URL", help: "The brand logo on the demo page; null: clear it.",
                  kind: .text, nullable: true, format: .webURL, only: .latest),
        FieldSpec(key: "position", path: "position", label: "Canvas position",
                  help: "Where this assistant sits in its multi-step flow editor.", kind: .object(point("position", "Canvas coordinate.")),
                  nullable: true, only: .latest),
        FieldSpec(key: "prompt_flow", path: "prompt_flow", label: "Prompt flow",
                  help: "The visual prompt editor's blocks and links; the prompt field is what the LLM gets.",
                  kind: .object(promptFlow), nullable: true, only: .latest),
    ]

    /// The Revox API's schema, with everything derived from it.
    public static let revox = Schema(declared: declared)

    /// The schema in force: the Revox API's, unless code runs under another one with
    /// `AssistantSchema.$current.withValue(Schema(declared: …)) { … }` (as tests that add a field
    /// do). The validator, the key order, the forms and the sandbox all read it, so a field is one
    /// entry here and nowhere else.
    @TaskLocal public static var current: Schema = revox

    /// The seed generation's top-level fields (what screens that do not ask for a generation use).
    public static var fields: [FieldSpec] { current.seedFields }

    /// One generation's top-level fields, in canonical order.
    public static func fields(for api: APIGeneration) -> [FieldSpec] { current.fields(for: api) }

    /// The whole body as one object field, the root for walks over the schema.
    public static var body: FieldSpec { current.seedBody }

    /// One generation's body, the root for walks over its schema.
    public static func body(for api: APIGeneration) -> FieldSpec { current.body(for: api) }

    /// The spec for a concrete path such as `faq_items[2].answer` or `llm_model.name` (for the
    /// variant named by the draft's `llm_model.type` when a draft is given). Nil for unknown keys.
    public static func field(at p: JSONPath, in draft: JSONValue? = nil, api: APIGeneration = .seed) -> FieldSpec? {
        var spec = body(for: api)
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

    /// Every declared spec by its schema path (`voice.speed`, `faq_items[].answer`), all generations.
    static var declaredByPath: [String: [FieldSpec]] { current.declaredByPath }

    /// The generations that have the key (or choice value) at this schema path; nil when no
    /// generation declares it, which tells generations apart no more than any other unknown key.
    static func generations(ofPath path: String, value: JSONValue? = nil) -> Set<APIGeneration>? {
        generations(ofPath: path, value: value, in: declaredByPath)
    }

    /// The same, in a table already looked up (a walk over a large body reads it once).
    static func generations(ofPath path: String, value: JSONValue? = nil, in byPath: [String: [FieldSpec]]) -> Set<APIGeneration>? {
        guard let specs = byPath[path] else { return nil }
        var gens = specs.reduce(into: Set<APIGeneration>()) { $0.formUnion($1.generations) }
        guard case .string(let s)? = value else { return gens }
        let choices = specs.flatMap { spec -> [Choice] in
            switch spec.kind {
            case .choice(let cs): return cs
            case .stringList(let rule): return rule.choices ?? []
            default: return []
            }
        }
        if let c = choices.first(where: { $0.value == s }) { gens.formIntersection(c.generations) }
        else if !choices.isEmpty { return nil } // a value no generation knows (a newer server's)
        return gens
    }

    /// Calls `visit` with the generations of each key and choice value of the body that some
    /// generation declares (for `APIGeneration.detect`).
    static func walkDeclared(_ body: JSONValue, _ visit: (Set<APIGeneration>) -> Void) {
        let byPath = declaredByPath
        func generations(ofPath path: String, value: JSONValue? = nil) -> Set<APIGeneration>? {
            AssistantSchema.generations(ofPath: path, value: value, in: byPath)
        }
        func walk(_ v: JSONValue, _ path: String) {
            switch v {
            case .object(let o):
                for (k, child) in o {
                    let p = path.isEmpty ? k : path + "." + k
                    guard let gens = generations(ofPath: p) else { continue }
                    visit(gens)
                    if case .string = child, let g = generations(ofPath: p, value: child), g != gens { visit(g) }
                    walk(child, p)
                }
            case .array(let items):
                for item in items {
                    if case .string = item, let g = generations(ofPath: path, value: item) { visit(g) }
                    else { walk(item, path + "[]") }
                }
            default: break
            }
        }
        walk(body, "")
    }
}
