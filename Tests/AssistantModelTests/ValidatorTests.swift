import Testing
@testable import AssistantModel

@Suite struct ValidatorTests {
    @Test func fullBodyIsClean() {
        #expect(Validator.validate(fullBody()) == [])
        #expect(Validator.validate(json(#"{"name": "a", "prompt": "b"}"#)) == [])
    }

    @Test func topLevelMustBeAnObject() {
        let i = Validator.validate(json("[1]"))
        #expect(i == [.error("", "the request body must be a JSON object, not an array")])
    }

    /// One error rule: the change, the path the error must be at, and a word its message must contain.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let path: String; let value: JSONValue?; let at: String; let says: String
        init(_ path: String, _ value: JSONValue?, at: String? = nil, says: String) { self.path = path; self.value = value; self.at = at ?? path; self.says = says }
        var testDescription: String { "\(path) = \(value.map { String(decoding: JSONEncoding.compact($0), as: UTF8.self) } ?? "unset")" }
    }

    static let errorCases: [ErrorCase] = [
        .init("name", nil, says: "required"), .init("name", "  ", says: "blank"), .init("name", 5, says: "expected a string, found a number"),
        .init("prompt", nil, says: "required"), .init("prompt", "\n\t", says: "blank"),
        .init("first_sentence_mode", "loud", says: "\"generated\", \"static\" or \"none\""),
        .init("first_sentence", " ", says: "static"), .init("first_sentence", nil, says: "static"),
        .init("first_sentence_delay_ms", json("400.0"), says: "whole number"),
        .init("first_sentence_delay_ms", -1, says: "between 0 and 9007199254740991"),
        .init("first_sentence_delay_ms", json("9007199254740992"), says: "9007199254740991"),
        .init("first_sentence_delay_ms", "400", says: "expected a whole number, found a string"),
        .init("max_call_duration_secs", 0, says: "greater than 0"), .init("max_call_duration_secs", -5, says: "greater than 0"),
        .init("max_call_duration_secs", json("1e999"), says: "finite"), .init("max_call_duration_secs", true, says: "expected a number"),
        .init("voice.id", "", says: "blank"), .init("voice.id", nil, says: "required"),
        .init("voice.provider", "azure", says: "\"cartesia\" or \"elevenlabs\""),
        .init("voice.speed", json("1.6"), says: "between 0.6 and 1.5 for cartesia"),
        .init("voice.speed", json("0.5"), says: "between 0.6 and 1.5"),
        .init("voice", "cartesia", says: "expected an object, found a string"),
        .init("llm_model.type", "custom", says: "\"dedicated-instance\" or \"openrouter\""),
        .init("llm_model.openrouter_model_id", " ", says: "blank"), .init("llm_model.openrouter_provider", "", says: "blank"),
        .init("llm_model.openrouter_provider", nil, says: "required"),
        .init("webhook_url", "example.com/hook", says: "https://"), .init("webhook_url", "https:///path", says: "no host"),
        .init("webhook_url", "ftp://example.com", says: "https://"), .init("webhook_url", "https://exa mple.com", says: "spaces"),
        .init("webhook_url", "https://example.com:99999/", says: "port"),
        .init("transfer_phone_number", "14155550100", says: "E.164"), .init("transfer_phone_number", "+0155550100", says: "cannot start with 0"),
        .init("transfer_phone_number", "+1", says: "2 to 15"), .init("transfer_phone_number", "+1234567890123456", says: "2 to 15"),
        .init("transfer_phone_number", "+1 415 555", says: "digits only"),
        .init("background_sound", "audio/street.ogg", says: "audio/office.ogg"),
        .init("ivr_navigation_enabled", "yes", says: "expected a boolean"),
        .init("voicemail_message", 1, says: "expected a string"),
        .init("faq_items[0].question", "", says: "blank"), .init("faq_items[0].answer", " ", says: "blank"),
        .init("faq_items[0].answer", nil, says: "required"), .init("faq_items[0]", "q", says: "expected an object"),
        .init("faq_items", json("{}"), says: "expected an array of objects"),
        .init("structured_output_config[0].name", " ", says: "blank"),
        .init("structured_output_config[1].name", "email", says: "duplicate name \"email\""),
        .init("structured_output_config[0].type", "money", says: "\"string\", \"number\""),
        .init("structured_output_config[0].required", nil, says: "required"),
        .init("structured_output_config[1].enum_options", json("[]"), says: "at least one option"),
        .init("structured_output_config[1].enum_options", nil, says: "at least one option"),
        .init("structured_output_config[1].enum_options[1]", "basic", says: "duplicate option"),
        .init("structured_output_config[1].enum_options[1]", "  ", says: "blank"),
        .init("structured_output_config[1].enum_options[1]", 3, says: "expected a string"),
        .init("call_retry_config.calling_windows", json("[]"), says: "at least 1 calling window"),
        .init("call_retry_config.calling_windows", nil, says: "required"),
        .init("call_retry_config.calling_windows[0].calling_window_start_time", "9:00", says: "not a time"),
        .init("call_retry_config.calling_windows[0].calling_window_start_time", "24:00", says: "not a time"),
        .init("call_retry_config.calling_windows[0].calling_window_start_time", "13pm", says: "not a time"),
        .init("call_retry_config.calling_windows[0].calling_window_end_time", "9am", says: "end after it starts"),
        .init("call_retry_config.calling_windows[0].calling_window_end_time", "09:00", says: "end after it starts"),
        .init("call_retry_config.calling_windows[0].retry_delay_seconds", 0, says: "greater than 0"),
        .init("call_retry_config.calling_windows[0].retry_delay_seconds", json("7200.5"), says: "whole number"),
        .init("call_retry_config.max_retry_attempts", 0, says: "greater than 0"),
        .init("call_retry_config.max_retry_attempts", json("3.0"), says: "write 3, not 3.0"),
        .init("call_retry_config.timezone", "Mars/Olympus", says: "not a known IANA time zone"),
        .init("call_retry_config.timezone", "europe/paris", says: "did you mean Europe/Paris"),
        .init("calendly.connection_id", "", says: "blank"), .init("calendly.event_type_id", nil, says: "required"),
        .init("name", .null, says: "must not be null"), .init("voice", .null, says: "must not be null"),
    ]

    @Test(arguments: errorCases) func errorRule(_ c: ErrorCase) {
        let found = issues(body(c.path, c.value), at: c.at)
        #expect(found.contains { $0.severity == .error && $0.message.contains(c.says) }, "got \(found)")
        // A rule that blocks sending must not be a warning too.
        #expect(!found.contains { $0.severity == .warning && $0.message.contains(c.says) })
    }

    @Test func voiceSpeedRangeDependsOnProvider() {
        let eleven = body("voice.provider", "elevenlabs")
        #expect(issues(body("voice.speed", json("1.3"), base: eleven), at: "voice.speed").first?.message.contains("0.7 and 1.2 for elevenlabs") == true)
        #expect(issues(body("voice.speed", json("1.3")), at: "voice.speed") == [])
        #expect(issues(body("voice.speed", json("0.7"), base: eleven), at: "voice.speed") == [])
    }

    @Test func dedicatedInstanceNames() {
        let base = json(#"{"name": "a", "prompt": "b", "llm_model": {"type": "dedicated-instance", "name": "gpt-4.1"}}"#)
        #expect(Validator.validate(base) == [])
        #expect(Validator.validate(body("llm_model.name", "ministral-3-8b-instruct", base: base)) == [])
        #expect(issues(body("llm_model.name", "gpt-5", base: base), at: "llm_model.name").first?.severity == .error)
        // A field of the other shape is an unknown key here.
        #expect(issues(body("llm_model.openrouter_provider", "x", base: base), at: "llm_model.openrouter_provider").first?.severity == .warning)
    }

    @Test func nullableFieldsAcceptNull() {
        for key in ["background_sound", "transfer_phone_number", "voicemail_message", "call_retry_config.timezone"] {
            #expect(Validator.validate(body(key, .null)) == [], "\(key)")
            #expect(Validator.validate(body(key, nil)) == [], "\(key)")
        }
    }

    @Test func clockTimes() {
        for ok in ["00:00", "09:30", "23:59", "10am", "6pm", "6:30pm", "12am", "12:15PM"] { #expect(TextFormats.clockMinutes(ok) != nil, "\(ok)") }
        for bad in ["9:30", "24:00", "12:60", "0am", "13pm", "6:3pm", "noon", "", "10 am", "1000"] { #expect(TextFormats.clockMinutes(bad) == nil, "\(bad)") }
        #expect(TextFormats.clockMinutes("12am") == 0)
        #expect(TextFormats.clockMinutes("12pm") == 720)
        #expect(TextFormats.clockMinutes("6:30pm") == 18 * 60 + 30)
    }

    struct WarningCase: Sendable, CustomTestStringConvertible {
        let changes: [(String, JSONValue?)]; let at: String; let says: String
        var testDescription: String { "\(at): \(says)" }
    }

    static let warningCases: [WarningCase] = [
        .init(changes: [("first_sentence_mode", "generated"), ("first_sentence", " ")], at: "first_sentence", says: "blank"),
        .init(changes: [("first_sentence_mode", nil), ("first_sentence", "")], at: "first_sentence", says: "blank"),
        .init(changes: [("first_sentence_mode", "none")], at: "first_sentence", says: "ignored"),
        .init(changes: [("webhook_url", "http://example.com/hook")], at: "webhook_url", says: "plain http"),
        .init(changes: [("faq_items[1]", json(#"{"question": "Open on Sunday?", "answer": "Yes."}"#))], at: "faq_items[1].question", says: "duplicate question"),
        .init(changes: [("structured_output_config[0].name", "e-mail")], at: "structured_output_config[0].name", says: "not an identifier"),
        .init(changes: [("structured_output_config[0].name", "1st")], at: "structured_output_config[0].name", says: "not an identifier"),
        .init(changes: [("structured_output_config[0].enum_options", json(#"["a"]"#))], at: "structured_output_config[0].enum_options", says: "only used when type is \"enum\""),
        .init(changes: [("sms_enabled", true)], at: "sms_enabled", says: "not a field of the seed API (the latest API has it: use --api latest)"),
        .init(changes: [("voice.volume", 1)], at: "voice.volume", says: "not a field of the seed API (the latest API has it: use --api latest)"),
        .init(changes: [("faq_items[0].id", "f1")], at: "faq_items[0].id", says: "not a field of the API"),
        .init(changes: [("call_retry_config.calling_windows[0].day", "monday")], at: "call_retry_config.calling_windows[0].day", says: "not a field of the API"),
        .init(changes: [("calendly.x", 1)], at: "calendly.x", says: "not a field of the API"),
        .init(changes: [("odd key", 1)], at: "[\"odd key\"]", says: "not a field of the API"),
    ]

    @Test(arguments: warningCases) func warningRule(_ c: WarningCase) {
        var b = fullBody()
        for (p, v) in c.changes { try! b.set(p, to: v) }
        let all = Validator.validate(b)
        #expect(!all.hasErrors, "a warning must not block sending: \(all)")
        #expect(all.contains { $0.path == JSONPath(parsing: c.at) && $0.severity == .warning && $0.message.contains(c.says) }, "got \(all)")
    }

    @Test func staticModeNeedsNoWarningAndGeneratedUnsetSentenceIsFine() {
        #expect(Validator.validate(body("first_sentence_mode", "generated", base: body("first_sentence", nil))) == [])
        #expect(Validator.validate(body("first_sentence_mode", "none", base: body("first_sentence", nil))) == [])
    }

    @Test func wrongTypesNameTheExpectedType() {
        let b = json(#"{"name": ["x"], "prompt": {}, "faq_items": [1], "structured_output_config": "no", "calendly": [], "max_call_duration_secs": "600"}"#)
        let byPath = Dictionary(Validator.validate(b).map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["name"] == "expected a string, found an array")
        #expect(byPath["prompt"] == "expected a string, found an object")
        #expect(byPath["faq_items[0]"] == "expected an object (a FAQ item), found a number")
        #expect(byPath["structured_output_config"] == "expected an array of objects, found a string")
        #expect(byPath["calendly"] == "expected an object, found an array")
        #expect(byPath["max_call_duration_secs"] == "expected a number, found a string")
    }

    @Test func integerMessageSaysWholeNumber() {
        let i = issues(body("first_sentence_delay_ms", json("600.0")), at: "first_sentence_delay_ms")
        #expect(i == [.error("first_sentence_delay_ms", "must be a whole number, found 600.0 (write 600, not 600.0)")])
        #expect(issues(body("first_sentence_delay_ms", json("6e2")), at: "first_sentence_delay_ms").first?.message.contains("whole number") == true)
        #expect(issues(body("first_sentence_delay_ms", 0), at: "first_sentence_delay_ms") == [])
        #expect(issues(body("first_sentence_delay_ms", json("9007199254740991")), at: "first_sentence_delay_ms") == [])
    }

    @Test func everyTimeZoneInTheListIsAccepted() {
        #expect(IANATimeZones.all.count > 400)
        for tz in ["UTC", "Europe/Paris", "America/New_York", "US/Eastern", "Asia/Kolkata", "America/Argentina/Buenos_Aires"] {
            #expect(IANATimeZones.contains(tz), "\(tz)")
        }
        #expect(!IANATimeZones.contains("Europe/Pariss"))
        #expect(IANATimeZones.all == IANATimeZones.all.sorted())
    }

    @Test func schemaCoversEveryTopLevelFieldOnce() {
        let keys = AssistantSchema.fields.map(\.key)
        #expect(keys.count == 18)
        #expect(Set(keys).count == 18)
        #expect(CanonicalJSON.requestKeyOrder == keys)
        #expect(AssistantSchema.field(at: "faq_items[2].answer")?.label == "Answer")
        #expect(AssistantSchema.field(at: "call_retry_config.calling_windows[0].retry_delay_seconds")?.required == true)
        #expect(AssistantSchema.field(at: "llm_model.name", in: json(#"{"llm_model": {"type": "dedicated-instance"}}"#))?.label == "Model")
        #expect(AssistantSchema.field(at: "nope") == nil)
        let fs = AssistantSchema.field(at: "first_sentence")!
        #expect(fs.appliesWhen?.holds(in: json(#"{"first_sentence_mode": "none"}"#).objectValue!) == false)
        #expect(fs.appliesWhen?.holds(in: JSONObject()) == true)
        // Every field has a label and help for the screens.
        func walk(_ specs: [FieldSpec]) { for s in specs { #expect(!s.label.isEmpty && !s.help.isEmpty, "\(s.path)"); walk(s.children) } }
        walk(AssistantSchema.fields)
    }

    @Test func anIssueBelongsToItsFieldAndWhatHoldsIt() {
        let issue = ValidationIssue.error("faq_items[2].answer", "x")
        for holder: JSONPath in ["faq_items[2].answer", "faq_items[2]", "faq_items", JSONPath()] { #expect(issue.belongs(to: holder), "\(holder)") }
        for other: JSONPath in ["faq", "faq_items[2].answer_extra", "faq_items[20]", "faq_items[2].question", "faq_items[2].ans"] {
            #expect(!issue.belongs(to: other), "\(other)")
        }
        #expect(!issue.belongs(to: "faq_items", deep: false) && issue.belongs(to: "faq_items[2].answer", deep: false))
        #expect(JSONPath("faq_items").contains("faq_items[2].answer") && !JSONPath("faq").contains("faq_items"))
        // `validate(_:field:)` goes through it: the row's issues, not its neighbour's.
        let body = json(#"{"name": "n", "prompt": "p", "faq_items": [{"question": "q", "answer": "a"}, {"question": "", "answer": ""}]}"#)
        #expect(Validator.validate(body, field: "faq_items[1]").map(\.path) == ["faq_items[1].question", "faq_items[1].answer"])
        #expect(Validator.validate(body, field: "faq_items[0]").isEmpty)
    }

    /// Belonging is decided on components, so a key that needs brackets is one key whatever it
    /// contains, and one path spelled two ways is one path.
    @Test func belongingIsByComponentsNotSpelling() {
        let dotted = ValidationIssue.warning(JSONPath([.key("voice"), .key("a.b")]), "x") // voice["a.b"]
        #expect(dotted.belongs(to: "voice") && dotted.belongs(to: JSONPath([.key("voice"), .key("a.b")]), deep: false))
        #expect(!dotted.belongs(to: "voice.a") && !dotted.belongs(to: "voice.a.b"))
        let bracketed = ValidationIssue.warning(JSONPath([.key("x[0]")]), "x") // ["x[0]"]
        #expect(!bracketed.belongs(to: "x") && !bracketed.belongs(to: "x[0]"))
        #expect(!ValidationIssue.error("x[0]", "m").belongs(to: JSONPath([.key("x[0]")])))
        #expect(!ValidationIssue.error(JSONPath([.key("voice.speed")]), "m").belongs(to: "voice"))
        // The same path in brackets is the same path.
        #expect(ValidationIssue.error(JSONPath(parsing: #"voice["speed"]"#)!, "m").belongs(to: "voice.speed", deep: false))
        #expect(ValidationIssue.error(#"["odd key"].a"#, "m").belongs(to: #"["odd key"]"#))
        // A key that starts like another is not inside it; an index that starts like another neither.
        #expect(!ValidationIssue.error("voice_extra", "m").belongs(to: "voice"))
        #expect(!ValidationIssue.error("faq_items[10]", "m").belongs(to: "faq_items[1]"))
        // What the validator finds in such keys is placed the same way.
        let body = json(#"{"name": "n", "prompt": "p", "voice.speed": 1.1, "voice": {"id": "v", "provider": "cartesia", "a.b": 1}}"#)
        #expect(Validator.validate(body, field: "voice").map(\.path.description) == [#"voice["a.b"]"#])
        #expect(Validator.validate(body, field: JSONPath([.key("voice.speed")])).map(\.path.description) == [#"["voice.speed"]"#])
    }
}
