/// The request body of `POST /assistants` as typed values: all 18 fields of the seed, nested
/// objects, the three nullable fields as `Nullable`, and every object's unknown keys kept in
/// `unknown` (written back after the known keys). A draft stays a `JSONValue` tree (it may be
/// invalid); this typed form is for code that builds or reads valid bodies.
public struct AssistantRequest: Sendable, Hashable {
    public var name: String
    public var prompt: String
    public var firstSentence: String?
    public var firstSentenceMode: FirstSentenceMode?
    public var firstSentenceDelayMs: Int64?
    public var endOfCallSentence: String?
    public var voice: Voice?
    public var llmModel: LLMModel?
    public var webhookURL: String?
    /// Kept as its literal (`600` stays `600`).
    public var maxCallDurationSecs: JSONNumber?
    public var structuredOutputConfig: [StructuredOutputField]?
    public var callRetryConfig: CallRetryConfig?
    public var backgroundSound: Nullable<BackgroundSound>
    public var transferPhoneNumber: Nullable<String>
    public var ivrNavigationEnabled: Bool?
    public var voicemailMessage: Nullable<String>
    public var faqItems: [FAQItem]?
    public var calendly: Calendly?
    /// Keys the API does not define, in their order.
    public var unknown: JSONObject

    public init(name: String, prompt: String, firstSentence: String? = nil, firstSentenceMode: FirstSentenceMode? = nil,
                firstSentenceDelayMs: Int64? = nil, endOfCallSentence: String? = nil, voice: Voice? = nil,
                llmModel: LLMModel? = nil, webhookURL: String? = nil, maxCallDurationSecs: JSONNumber? = nil,
                structuredOutputConfig: [StructuredOutputField]? = nil, callRetryConfig: CallRetryConfig? = nil,
                backgroundSound: Nullable<BackgroundSound> = .unset, transferPhoneNumber: Nullable<String> = .unset,
                ivrNavigationEnabled: Bool? = nil, voicemailMessage: Nullable<String> = .unset,
                faqItems: [FAQItem]? = nil, calendly: Calendly? = nil, unknown: JSONObject = JSONObject()) {
        self.name = name; self.prompt = prompt; self.firstSentence = firstSentence
        self.firstSentenceMode = firstSentenceMode; self.firstSentenceDelayMs = firstSentenceDelayMs
        self.endOfCallSentence = endOfCallSentence; self.voice = voice; self.llmModel = llmModel
        self.webhookURL = webhookURL; self.maxCallDurationSecs = maxCallDurationSecs
        self.structuredOutputConfig = structuredOutputConfig; self.callRetryConfig = callRetryConfig
        self.backgroundSound = backgroundSound; self.transferPhoneNumber = transferPhoneNumber
        self.ivrNavigationEnabled = ivrNavigationEnabled; self.voicemailMessage = voicemailMessage
        self.faqItems = faqItems; self.calendly = calendly; self.unknown = unknown
    }

    /// Reads a body; throws with the path of the first value of the wrong type, a missing required
    /// key or an unknown enum value. Rules beyond types (blank, ranges, formats) are the Validator's.
    public init(json: JSONValue) throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: JSONPath(), what: "the request body")
        name = try r.required("name", Read.string)
        prompt = try r.required("prompt", Read.string)
        firstSentence = try r.optional("first_sentence", Read.string)
        firstSentenceMode = try r.optional("first_sentence_mode", Read.choice)
        firstSentenceDelayMs = try r.optional("first_sentence_delay_ms", Read.integer)
        endOfCallSentence = try r.optional("end_of_call_sentence", Read.string)
        voice = try r.optional("voice") { v, p throws(TypedDecodingError) in try Voice(json: v, at: p) }
        llmModel = try r.optional("llm_model") { v, p throws(TypedDecodingError) in try LLMModel(json: v, at: p) }
        webhookURL = try r.optional("webhook_url", Read.string)
        maxCallDurationSecs = try r.optional("max_call_duration_secs", Read.number)
        structuredOutputConfig = try r.optional("structured_output_config") { v, p throws(TypedDecodingError) in
            try Read.array(v, p) { v, p throws(TypedDecodingError) in try StructuredOutputField(json: v, at: p) }
        }
        callRetryConfig = try r.optional("call_retry_config") { v, p throws(TypedDecodingError) in try CallRetryConfig(json: v, at: p) }
        backgroundSound = try r.nullable("background_sound", Read.choice)
        transferPhoneNumber = try r.nullable("transfer_phone_number", Read.string)
        ivrNavigationEnabled = try r.optional("ivr_navigation_enabled", Read.bool)
        voicemailMessage = try r.nullable("voicemail_message", Read.string)
        faqItems = try r.optional("faq_items") { v, p throws(TypedDecodingError) in
            try Read.array(v, p) { v, p throws(TypedDecodingError) in try FAQItem(json: v, at: p) }
        }
        calendly = try r.optional("calendly") { v, p throws(TypedDecodingError) in try Calendly(json: v, at: p) }
        unknown = r.unknown
    }

    /// The body as a JSON tree in canonical key order; unset fields omitted, null ones `null`.
    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("name", .string(name))
        w.put("prompt", .string(prompt))
        w.put("first_sentence", firstSentence.map(JSONValue.string))
        w.put("first_sentence_mode", firstSentenceMode.map { .string($0.rawValue) })
        w.put("first_sentence_delay_ms", firstSentenceDelayMs.map { .number(JSONNumber(Int($0))) })
        w.put("end_of_call_sentence", endOfCallSentence.map(JSONValue.string))
        w.put("voice", voice?.json)
        w.put("llm_model", llmModel?.json)
        w.put("webhook_url", webhookURL.map(JSONValue.string))
        w.put("max_call_duration_secs", maxCallDurationSecs.map(JSONValue.number))
        w.put("structured_output_config", structuredOutputConfig.map { .array($0.map(\.json)) })
        w.put("call_retry_config", callRetryConfig?.json)
        w.put("background_sound", backgroundSound) { .string($0.rawValue) }
        w.put("transfer_phone_number", transferPhoneNumber) { .string($0) }
        w.put("ivr_navigation_enabled", ivrNavigationEnabled.map(JSONValue.bool))
        w.put("voicemail_message", voicemailMessage) { .string($0) }
        w.put("faq_items", faqItems.map { .array($0.map(\.json)) })
        w.put("calendly", calendly?.json)
        w.putUnknown(unknown)
        return w.value
    }
}

public enum FirstSentenceMode: String, Sendable, Hashable, CaseIterable {
    case generated, `static`, none
}

public enum BackgroundSound: String, Sendable, Hashable, CaseIterable {
    case office = "audio/office.ogg"
}

public enum VoiceProvider: String, Sendable, Hashable, CaseIterable {
    case cartesia, elevenlabs
}

public struct Voice: Sendable, Hashable {
    public var id: String
    public var provider: VoiceProvider
    public var speed: JSONNumber?
    public var unknown: JSONObject

    public init(id: String, provider: VoiceProvider, speed: JSONNumber? = nil, unknown: JSONObject = JSONObject()) {
        self.id = id; self.provider = provider; self.speed = speed; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath = "voice") throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a voice")
        id = try r.required("id", Read.string)
        provider = try r.required("provider", Read.choice)
        speed = try r.optional("speed", Read.number)
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("id", .string(id))
        w.put("provider", .string(provider.rawValue))
        w.put("speed", speed.map(JSONValue.number))
        w.putUnknown(unknown)
        return w.value
    }
}

/// The two shapes of `llm_model`, told apart by `type`.
public enum LLMModel: Sendable, Hashable {
    case dedicatedInstance(DedicatedInstance)
    case openRouter(OpenRouter)

    public enum DedicatedModel: String, Sendable, Hashable, CaseIterable {
        case gpt41 = "gpt-4.1"
        case ministral3_8bInstruct = "ministral-3-8b-instruct"
    }

    public struct DedicatedInstance: Sendable, Hashable {
        public var name: DedicatedModel
        public var unknown: JSONObject
        public init(name: DedicatedModel, unknown: JSONObject = JSONObject()) { self.name = name; self.unknown = unknown }
    }

    public struct OpenRouter: Sendable, Hashable {
        public var modelID: String
        public var provider: String
        public var unknown: JSONObject
        public init(modelID: String, provider: String, unknown: JSONObject = JSONObject()) {
            self.modelID = modelID; self.provider = provider; self.unknown = unknown
        }
    }

    public init(json: JSONValue, at path: JSONPath = "llm_model") throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "an LLM model")
        let type = try r.required("type", Read.string)
        switch type {
        case "dedicated-instance":
            let name: DedicatedModel = try r.required("name", Read.choice)
            self = .dedicatedInstance(DedicatedInstance(name: name, unknown: r.unknown))
        case "openrouter":
            let id = try r.required("openrouter_model_id", Read.string)
            let provider = try r.required("openrouter_provider", Read.string)
            self = .openRouter(OpenRouter(modelID: id, provider: provider, unknown: r.unknown))
        default:
            throw r.fail("type", "\"\(type)\" is not one of \"dedicated-instance\", \"openrouter\"")
        }
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        switch self {
        case .dedicatedInstance(let d):
            w.put("type", "dedicated-instance")
            w.put("name", .string(d.name.rawValue))
            w.putUnknown(d.unknown)
        case .openRouter(let o):
            w.put("type", "openrouter")
            w.put("openrouter_model_id", .string(o.modelID))
            w.put("openrouter_provider", .string(o.provider))
            w.putUnknown(o.unknown)
        }
        return w.value
    }
}

public enum StructuredOutputType: String, Sendable, Hashable, CaseIterable {
    case string, number, boolean, `enum`, date, datetime
}

public struct StructuredOutputField: Sendable, Hashable {
    public var name: String
    public var type: StructuredOutputType
    public var required: Bool
    public var description: String?
    public var enumOptions: [String]?
    public var unknown: JSONObject

    public init(name: String, type: StructuredOutputType, required: Bool, description: String? = nil,
                enumOptions: [String]? = nil, unknown: JSONObject = JSONObject()) {
        self.name = name; self.type = type; self.required = required; self.description = description
        self.enumOptions = enumOptions; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath) throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a structured output field")
        name = try r.required("name", Read.string)
        type = try r.required("type", Read.choice)
        required = try r.required("required", Read.bool)
        description = try r.optional("description", Read.string)
        enumOptions = try r.optional("enum_options") { v, p throws(TypedDecodingError) in try Read.array(v, p, Read.string) }
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("name", .string(name))
        w.put("type", .string(type.rawValue))
        w.put("required", .bool(required))
        w.put("description", description.map(JSONValue.string))
        w.put("enum_options", enumOptions.map { .array($0.map(JSONValue.string)) })
        w.putUnknown(unknown)
        return w.value
    }
}

public struct CallingWindow: Sendable, Hashable {
    /// `HH:mm` (24-hour) or `H[:mm]am|pm`.
    public var startTime: String
    public var endTime: String
    public var retryDelaySeconds: Int64
    public var unknown: JSONObject

    public init(startTime: String = "10:00", endTime: String = "18:00", retryDelaySeconds: Int64 = 7200, unknown: JSONObject = JSONObject()) {
        self.startTime = startTime; self.endTime = endTime; self.retryDelaySeconds = retryDelaySeconds; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath) throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a calling window")
        startTime = try r.required("calling_window_start_time", Read.string)
        endTime = try r.required("calling_window_end_time", Read.string)
        retryDelaySeconds = try r.required("retry_delay_seconds", Read.integer)
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("calling_window_start_time", .string(startTime))
        w.put("calling_window_end_time", .string(endTime))
        w.put("retry_delay_seconds", .number(JSONNumber(Int(retryDelaySeconds))))
        w.putUnknown(unknown)
        return w.value
    }
}

public struct CallRetryConfig: Sendable, Hashable {
    public var callingWindows: [CallingWindow]
    public var maxRetryAttempts: Int64
    /// An IANA zone id; null or unset: the server derives it from the callee's number.
    public var timezone: Nullable<String>
    public var unknown: JSONObject

    public init(callingWindows: [CallingWindow], maxRetryAttempts: Int64 = 3, timezone: Nullable<String> = .unset, unknown: JSONObject = JSONObject()) {
        self.callingWindows = callingWindows; self.maxRetryAttempts = maxRetryAttempts; self.timezone = timezone; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath = "call_retry_config") throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a call retry config")
        callingWindows = try r.required("calling_windows") { v, p throws(TypedDecodingError) in
            try Read.array(v, p) { v, p throws(TypedDecodingError) in try CallingWindow(json: v, at: p) }
        }
        maxRetryAttempts = try r.required("max_retry_attempts", Read.integer)
        timezone = try r.nullable("timezone", Read.string)
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("calling_windows", .array(callingWindows.map(\.json)))
        w.put("max_retry_attempts", .number(JSONNumber(Int(maxRetryAttempts))))
        w.put("timezone", timezone) { .string($0) }
        w.putUnknown(unknown)
        return w.value
    }
}

public struct FAQItem: Sendable, Hashable {
    public var question: String
    public var answer: String
    public var unknown: JSONObject

    public init(question: String, answer: String, unknown: JSONObject = JSONObject()) {
        self.question = question; self.answer = answer; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath) throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a FAQ item")
        question = try r.required("question", Read.string)
        answer = try r.required("answer", Read.string)
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("question", .string(question))
        w.put("answer", .string(answer))
        w.putUnknown(unknown)
        return w.value
    }
}

public struct Calendly: Sendable, Hashable {
    public var connectionID: String
    public var eventTypeID: String
    public var unknown: JSONObject

    public init(connectionID: String, eventTypeID: String, unknown: JSONObject = JSONObject()) {
        self.connectionID = connectionID; self.eventTypeID = eventTypeID; self.unknown = unknown
    }

    public init(json: JSONValue, at path: JSONPath = "calendly") throws(TypedDecodingError) {
        var r = try ObjectReader(json, at: path, what: "a Calendly config")
        connectionID = try r.required("connection_id", Read.string)
        eventTypeID = try r.required("event_type_id", Read.string)
        unknown = r.unknown
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("connection_id", .string(connectionID))
        w.put("event_type_id", .string(eventTypeID))
        w.putUnknown(unknown)
        return w.value
    }
}
