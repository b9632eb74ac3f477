import Foundation
import Testing
@testable import AssistantModel

/// The corpus generator for the contract check: bodies built as JSON trees with the schema's
/// choices, encoded canonically, and judged by the official SDK's request types
/// (`../shared/contract/check-request`).
enum ContractCorpus {
    /// `base` with each path set to its value (nil unsets it).
    static func with(_ base: JSONValue, _ changes: [(String, JSONValue?)]) -> JSONValue {
        var b = base
        for (path, v) in changes { try! b.set(path, to: v) }
        return b
    }

    static func number(_ literal: String) -> JSONValue { .number(JSONNumber(literal: literal)!) }

    static func window(_ start: String, _ end: String, _ delay: Int) -> JSONValue {
        ["calling_window_start_time": .string(start), "calling_window_end_time": .string(end), "retry_delay_seconds": .number(JSONNumber(delay))]
    }

    static func structuredField(_ type: String) -> JSONValue {
        with(["name": .string("field_\(type)"), "type": .string(type), "required": .bool(type == "string")], [
            ("description", type == "date" ? nil : .string("The \(type) value")),
            ("enum_options", type == "enum" ? ["yes", "no", "peut-être"] : nil),
        ])
    }

    static func valid() -> [(String, JSONValue)] {
        var out = [(String, JSONValue)]()
        let base: JSONValue = ["name": "Front desk", "prompt": "You answer calls for {{company}}."]
        out.append(("minimal", base))

        for mode in AssistantSchema.firstSentenceModes.map(\.value) {
            out.append(("mode-\(mode)", with(base, [("first_sentence_mode", .string(mode)),
                                                    ("first_sentence", mode == "none" ? nil : "Hello, how can I help?"),
                                                    ("first_sentence_delay_ms", mode == "none" ? nil : 0)])))
        }
        for name in AssistantSchema.dedicatedModels.map(\.value) {
            out.append(("llm-\(name)", with(base, [("llm_model", ["type": "dedicated-instance", "name": .string(name)])])))
        }
        out.append(("llm-openrouter", with(base, [("llm_model", ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1",
                                                                 "openrouter_provider": "openai"])])))

        for (provider, speeds) in [("cartesia", ["0.6", "1", "1.5"]), ("elevenlabs", ["0.7", "1.0", "1.2"])] {
            for speed in speeds {
                out.append(("voice-\(provider)-\(speed)", with(base, [("voice", ["id": .string("voice-\(provider)"), "provider": .string(provider),
                                                                                 "speed": number(speed)])])))
            }
            out.append(("voice-\(provider)-nospeed", with(base, [("voice", ["id": "v", "provider": .string(provider)])])))
        }

        out.append(("empty-lists", with(base, [("structured_output_config", []), ("faq_items", [])])))

        let allTypes = JSONValue.array(AssistantSchema.structuredOutputTypes.map { structuredField($0.value) })
        out.append(("structured-all-types", with(base, [("structured_output_config", allTypes)])))

        let office = AssistantSchema.backgroundSounds[0].value
        for sound in [nil, .null, .string(office)] as [JSONValue?] {
            for text in [nil, .null, "+33612345678"] as [JSONValue?] {
                out.append(("nullable-\(out.count)", with(base, [("background_sound", sound), ("transfer_phone_number", text),
                                                                 ("voicemail_message", text?.stringValue == nil ? text : "Please call us back.")])))
            }
        }

        for (i, tz) in ([nil, .null, "Europe/Paris", "America/Argentina/Buenos_Aires", "UTC"] as [JSONValue?]).enumerated() {
            let retry = with(["calling_windows": [window("09:00", "12:30", 3600), window("2pm", "6:30pm", 7200)], "max_retry_attempts": 5],
                             [("timezone", tz)])
            out.append(("retry-\(i)", with(base, [("call_retry_config", retry)])))
        }
        out.append(("retry-defaults", with(base, [("call_retry_config", ["calling_windows": [window("10:00", "18:00", 7200)],
                                                                         "max_retry_attempts": 3])])))

        out.append(("unicode", with(base, [
            ("name", "Réception 受付 😀"),
            ("prompt", "Répondez poliment. 日本語で話してください。\nمرحبا\u{200F} — “quotes” \\ back\\slash \"q\" \t tab e\u{301}"),
            ("faq_items", [["question": "Ouvert le dimanche ?", "answer": "Non 🙅"], ["question": "営業時間は？", "answer": "9時から18時まで"]]),
        ])))

        let full = with(base, [
            ("first_sentence", "Bonjour !"),
            ("first_sentence_mode", "static"),
            ("first_sentence_delay_ms", 9_007_199_254_740_991),
            ("end_of_call_sentence", "Goodbye."),
            ("voice", ["id": "a0e99841-438c-4a64-b679-ae501e7d6091", "provider": "cartesia", "speed": number("1.05")]),
            ("llm_model", ["type": "openrouter", "openrouter_model_id": "anthropic/claude-3.5-sonnet", "openrouter_provider": "anthropic"]),
            ("webhook_url", "https://example.com:8443/hooks/revox?x=1#y"),
            ("max_call_duration_secs", number("1800.5")),
            ("structured_output_config", allTypes),
            ("call_retry_config", ["calling_windows": [window("10am", "18:00", 1)], "max_retry_attempts": 1, "timezone": "Asia/Tokyo"]),
            ("background_sound", .string(office)),
            ("transfer_phone_number", "+14155550100"),
            ("ivr_navigation_enabled", true),
            ("voicemail_message", "Call us back at your convenience."),
            ("faq_items", .array((0..<50).map { ["question": .string("Question \($0)?"), "answer": .string("Answer \($0).")] })),
            ("calendly", ["connection_id": "conn_123",
                          "event_type_id": "https://api.calendly.com/event_types/b2330295-2a91-4a1d-bb73-99e7707663d5"]),
        ])
        out.append(("full", full))
        out.append(("full-ivr-off", with(full, [("ivr_navigation_enabled", false), ("max_call_duration_secs", 600)])))
        return out
    }

    /// Invalid bodies the SDK's types can tell apart too: wrong types, missing required keys, bad enum values.
    static func invalidForBoth() -> [(String, JSONValue)] {
        let ok: JSONValue = ["name": "n", "prompt": "p"]
        let full = valid().first { $0.0 == "full" }!.1
        func with(_ base: JSONValue, _ path: String, _ v: JSONValue?) -> JSONValue { var b = base; try! b.set(path, to: v); return b }
        return [
            ("missing-prompt", with(ok, "prompt", nil)), ("missing-name", with(ok, "name", nil)),
            ("name-number", with(ok, "name", 5)), ("ivr-string", with(ok, "ivr_navigation_enabled", "yes")),
            ("delay-float", with(ok, "first_sentence_delay_ms", .number(JSONNumber(literal: "600.0")!))),
            ("delay-string", with(ok, "first_sentence_delay_ms", "600")),
            ("duration-string", with(ok, "max_call_duration_secs", "600")),
            ("mode-bad", with(ok, "first_sentence_mode", "loud")),
            ("webhook-null", with(ok, "webhook_url", .null)),
            ("voice-no-provider", with(ok, "voice", ["id": "v"])),
            ("voice-provider-bad", with(ok, "voice", ["id": "v", "provider": "azure"])),
            ("voice-speed-string", with(full, "voice.speed", "fast")),
            ("llm-name-bad", with(ok, "llm_model", ["type": "dedicated-instance", "name": "gpt-5"])),
            ("llm-type-bad", with(ok, "llm_model", ["type": "custom", "name": "gpt-4.1"])),
            ("llm-openrouter-missing-provider", with(ok, "llm_model", ["type": "openrouter", "openrouter_model_id": "m"])),
            ("so-type-bad", with(full, "structured_output_config[0].type", "money")),
            ("so-required-missing", with(full, "structured_output_config[0].required", nil)),
            ("so-options-number", with(full, "structured_output_config[3].enum_options[0]", 1)),
            ("faq-answer-missing", with(full, "faq_items[3].answer", nil)),
            ("faq-answer-number", with(full, "faq_items[3].answer", 3)),
            ("faq-not-list", with(ok, "faq_items", "q")),
            ("window-delay-missing", with(full, "call_retry_config.calling_windows[0].retry_delay_seconds", nil)),
            ("window-delay-float", with(full, "call_retry_config.calling_windows[0].retry_delay_seconds", .number(JSONNumber(literal: "1.5")!))),
            ("retry-no-windows-key", with(full, "call_retry_config.calling_windows", nil)),
            ("retry-attempts-missing", with(full, "call_retry_config.max_retry_attempts", nil)),
            ("timezone-number", with(full, "call_retry_config.timezone", 1)),
            ("sound-bad", with(ok, "background_sound", "audio/street.ogg")),
            ("transfer-number", with(ok, "transfer_phone_number", 14155550100)),
            ("calendly-missing-event", with(ok, "calendly", ["connection_id": "c"])),
            ("body-array", .array([ok])),
        ]
    }

    /// Invalid by our rules only: the SDK's types cannot see blank strings, formats or ranges.
    static func invalidForUsOnly() -> [(String, JSONValue)] {
        let ok: JSONValue = ["name": "n", "prompt": "p"]
        let full = valid().first { $0.0 == "full" }!.1
        func with(_ base: JSONValue, _ path: String, _ v: JSONValue?) -> JSONValue { var b = base; try! b.set(path, to: v); return b }
        return [
            ("blank-name", with(ok, "name", " ")), ("blank-prompt", with(ok, "prompt", "")),
            ("static-blank", with(with(ok, "first_sentence_mode", "static"), "first_sentence", " ")),
            ("delay-negative", with(ok, "first_sentence_delay_ms", -1)),
            ("duration-zero", with(ok, "max_call_duration_secs", 0)),
            ("voice-speed-range", with(full, "voice.speed", .number(JSONNumber(literal: "1.55")!))),
            ("openrouter-blank", with(ok, "llm_model", ["type": "openrouter", "openrouter_model_id": " ", "openrouter_provider": "p"])),
            ("webhook-relative", with(ok, "webhook_url", "/hooks")), ("e164", with(ok, "transfer_phone_number", "0612345678")),
            ("faq-blank", with(full, "faq_items[0].answer", "")),
            ("so-duplicate", with(full, "structured_output_config[1].name", "field_string")),
            ("so-enum-no-options", with(full, "structured_output_config[3].enum_options", [])),
            ("windows-empty", with(full, "call_retry_config.calling_windows", [])),
            ("window-time", with(full, "call_retry_config.calling_windows[0].calling_window_start_time", "25:00")),
            ("window-order", with(full, "call_retry_config.calling_windows[0].calling_window_end_time", "9am")),
            ("retry-zero", with(full, "call_retry_config.max_retry_attempts", 0)),
            ("timezone-unknown", with(full, "call_retry_config.timezone", "Mars/Base")),
            ("calendly-blank", with(full, "calendly.connection_id", "")),
        ]
    }
}

@Suite(.serialized) struct ContractTests {
    static let checkRequest: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/contract/check-request").standardizedFileURL.path
    }()

    /// Runs check-request on the files (with the SDK of that generation); returns its exit status
    /// and each file's error lines.
    func check(_ files: [String], api: APIGeneration = .seed) throws -> (Int32, [String: [String]]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.checkRequest)
        p.arguments = files
        var env = ProcessInfo.processInfo.environment
        env["REVOX_SDK_VERSION"] = api.sdkVersion
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()  // throws (and so fails the test) when the script is missing
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        var byFile = [String: [String]]()
        for f in files { byFile[f] = [] }
        for line in text.split(separator: "\n") {
            guard let f = files.first(where: { line.hasPrefix($0 + ": ") }) else { continue }
            let rest = String(line.dropFirst(f.count + 2))
            if rest != "ok" { byFile[f, default: []].append(rest) }
        }
        if p.terminationStatus > 1 || text.isEmpty { Issue.record("check-request failed to run (status \(p.terminationStatus)): \(errText)") }
        return (p.terminationStatus, byFile)
    }

    func write(_ bodies: [(String, JSONValue)], in dir: String, api: APIGeneration = .seed) -> [String] {
        bodies.map { name, body in
            let path = dir + "/" + name + ".json"
            FileManager.default.createFile(atPath: path, contents: Data(CanonicalJSON.encode(body, api: api)))
            return path
        }
    }

    @Test func validCorpusPassesTheSDK() throws {
        let corpus = ContractCorpus.valid()
        #expect(corpus.count >= 30)
        for (name, body) in corpus {
            #expect(Validator.validate(body).filter { $0.severity == .error } == [], "\(name) should be valid")
            #expect(try JSONParser.parse(CanonicalJSON.encode(body)) == CanonicalJSON.ordered(body), "\(name) round-trips")
        }
        let dir = makeTempDir("aw-contract")
        let files = write(corpus, in: dir)
        let (status, errors) = try check(files)
        #expect(status == 0)
        for (f, e) in errors where !e.isEmpty { Issue.record("\(f): SDK says \(e)") }
    }

    @Test func invalidCorpusFailsBoth() throws {
        let corpus = ContractCorpus.invalidForBoth()
        for (name, body) in corpus {
            #expect(Validator.validate(body).hasErrors, "\(name): our validator must call it invalid")
        }
        let dir = makeTempDir("aw-contract-bad")
        let files = write(corpus, in: dir)
        let (status, errors) = try check(files)
        #expect(status == 1)
        for f in files { #expect(errors[f]?.isEmpty == false, "\(f): the SDK accepted it") }
    }

    @Test func invalidForOurRulesOnly() {
        for (name, body) in ContractCorpus.invalidForUsOnly() {
            #expect(Validator.validate(body).hasErrors, "\(name): our validator must call it invalid")
        }
    }

    @Test func latestValidCorpusPassesTheSDK() throws {
        let corpus = LatestCorpus.valid()
        for (name, body) in corpus {
            #expect(Validator.validate(body, api: .latest).errors == [], "\(name) should be valid")
        }
        let files = write(corpus, in: makeTempDir("aw-contract-latest"), api: .latest)
        let (status, errors) = try check(files, api: .latest)
        #expect(status == 0)
        for (f, e) in errors where !e.isEmpty { Issue.record("\(f): SDK 0.5.0 says \(e)") }
    }

    @Test func latestInvalidCorpusFailsBoth() throws {
        let corpus = LatestCorpus.invalidForBoth()
        for (name, body) in corpus {
            #expect(Validator.validate(body, api: .latest).hasErrors, "\(name): our validator must call it invalid")
        }
        let files = write(corpus, in: makeTempDir("aw-contract-latest-bad"), api: .latest)
        let (status, errors) = try check(files, api: .latest)
        #expect(status == 1)
        for f in files { #expect(errors[f]?.isEmpty == false, "\(f): the SDK 0.5.0 accepted it") }
    }

    /// `preview` of a draft with all 45 fields set is a body the 0.5.0 SDK accepts, whether the
    /// generation is given or detected; `validate --api` judges by the generation asked for.
    @Test func previewOfEveryLatestFieldPassesTheSDK() throws {
        let cli = CLI()
        let draft = cli.write("all45.json", String(decoding: JSONEncoding.pretty(latestFullBody()), as: UTF8.self))
        for args in [["preview", "--api", "latest", draft], ["preview", draft]] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stderr == "", "\(args)")
            let out = cli.work + "/preview.json"
            _ = FileManager.default.createFile(atPath: out, contents: r.stdoutBytes)
            let (status, errors) = try check([out], api: .latest)
            #expect(status == 0, "\(args): \(errors)")
            let keys = try JSONParser.parse(Array(r.stdoutBytes)).objectValue?.keys ?? []
            #expect(Array(keys) == CanonicalJSON.requestKeyOrder(for: .latest))
        }
        let seed = try cli.run(["validate", "--api", "seed", draft])
        #expect(seed.status == 1, "a realtime model and a retry delay of 0 are errors for seed")
        #expect(seed.stdout.contains("all45.json: llm_model.type: error: \"realtime\" is not a valid model source in the seed API (the latest API has it: use --api latest)"))
        #expect(seed.stdout.contains("all45.json: sms_enabled: warning: \"sms_enabled\" is not a field of the seed API (the latest API has it: use --api latest)"))
        let bad = cli.write("lukewarm.json", #"{"name": "n", "prompt": "p", "human_transfer_mode": "lukewarm", "background_sound_volume": "loud", "stt_model": "stt-rt-v9"}"#)
        let r = try cli.run(["validate", bad])
        #expect(r.status == 1)
        #expect(r.stdout.split(separator: "\n").map { $0.split(separator: ":").dropFirst().prefix(2).joined(separator: ":") }
                == [" stt_model: error", " background_sound_volume: error", " human_transfer_mode: error", " human_transfer_mode: warning"])
        let unknown = try cli.run(["validate", "--api", "newest", bad])
        #expect(unknown.status != 0 && unknown.stderr.contains("--api"))
    }

    /// The schema's latest fields are the SDK's, read from its installed types (not from our list).
    @Test func latestFieldsAreTheSDKs() throws {
        _ = try check([write([("minimal", ["name": "n", "prompt": "p"])], in: makeTempDir("aw-contract-venv"))[0]], api: .latest)
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"] ?? (env["HOME"] ?? "/root") + "/.cache"
        let python = (env["REVOX_CONTRACT_VENV"] ?? cache + "/revox-contract-0.5.0") + "/bin/python"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "from revox.types import assistant_create_params as p; print(' '.join(sorted(p.AssistantCreateParams.__annotations__)))"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let sdk = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(sdk.count == 45)
        #expect(sdk == Set(AssistantSchema.fields(for: .latest).map(\.key)))
    }
}

/// Latest-generation (SDK 0.5.0) bodies for the contract check.
enum LatestCorpus {
    static func valid() -> [(String, JSONValue)] {
        let full = latestFullBody()
        var out: [(String, JSONValue)] = [("latest-full", full), ("latest-minimal", ["name": "n", "prompt": "p"])]
        let llm: [JSONValue] = [
            ["type": "dedicated-instance", "name": "ministral-3-8b-instruct"],
            ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "openai"],
            ["type": "custom", "api_url": "https://api.together.xyz/v1", "api_key": "sk-1", "model_name": "meta-llama/llama-3-70b"],
            ["type": "realtime", "provider": "google", "realtime_model_id": "gemini-live"],
        ]
        for (i, m) in llm.enumerated() { out.append(("latest-llm-\(i)", latest("llm_model", m))) }
        out.append(("latest-gradium", latest("voice", ["id": "g1", "provider": "gradium", "speed": .number(JSONNumber(literal: "0.6")!)])))
        var nulls = full
        for f in AssistantSchema.fields(for: .latest) where f.nullable { try! nulls.set(f.key, to: .null) }
        out.append(("latest-nulls", nulls))
        var empty = full
        for key in ["transfer_destinations", "custom_tools", "after_call_sms_outcomes", "faq_items", "structured_output_config"] {
            try! empty.set(key, to: [])
        }
        try! empty.set("human_transfer_mode", to: nil)
        out.append(("latest-empty-lists", empty))
        return out
    }

    static func invalidForBoth() -> [(String, JSONValue)] {
        [
            ("transfer-mode-lukewarm", latest("human_transfer_mode", "lukewarm")),
            ("background-volume-loud", latest("background_sound_volume", "loud")),
            ("stt-model-v9", latest("stt_model", "stt-rt-v9")),
            ("voice-provider-azure", latest("voice.provider", "azure")),
            ("voice-model-bad", latest("voice.model", "sonic-9")),
            ("llm-custom-no-key", latest("llm_model", ["type": "custom", "api_url": "https://x.example/v1", "model_name": "m"])),
            ("llm-realtime-azure", latest("llm_model", ["type": "realtime", "provider": "azure", "realtime_model_id": "m"])),
            ("day-bad", latest("call_retry_config.allowed_days[0]", "funday")),
            ("twice-string", latest("call_retry_config.call_twice_in_a_row", "yes")),
            ("destination-no-number", latest("transfer_destinations[0].phone_number", nil)),
            ("tool-no-headers", latest("custom_tools[0].headers", nil)),
            ("tool-method-bad", latest("custom_tools[0].method", "FETCH")),
            ("tool-input-type-bad", latest("custom_tools[0].input_schema[0].type", "money")),
            ("slack-no-outcomes", latest("slack.outcomes", nil)),
            ("slack-outcome-bad", latest("slack.outcomes[0]", "maybe")),
            ("zoho-log-string", latest("zoho.log_call_activity", "yes")),
            ("sms-outcome-bad", latest("after_call_sms_outcomes[0]", "maybe")),
            ("type-bad", latest("type", "solo")),
            ("thinking-sound-bad", latest("thinking_sound", "beep.ogg")),
            ("sms-enabled-null", latest("sms_enabled", .null)),
            ("position-no-y", latest("position.y", nil)),
            ("node-type-bad", latest("prompt_flow.nodes[0].type", "block")),
            ("node-no-data", latest("prompt_flow.nodes[0].data", nil)),
            ("stt-terms-string", latest("stt_context.terms", "crown")),
        ]
    }
}
