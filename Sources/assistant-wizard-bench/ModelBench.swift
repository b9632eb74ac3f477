import AssistantModel
#if canImport(Glibc)
import Glibc
#endif

/// Validate + canonical encode of a large draft (1 MB prompt, 1,000 FAQ items, 200 structured
/// output fields), and parsing it, timed in-process. Target: validate+encode under 5 ms (median).
enum ModelBench {
    static func run() {
        let body = largeDraft()
        let bytes = CanonicalJSON.encode(body)
        precondition(!Validator.validate(body).hasErrors, "the bench draft must be valid")
        print("model bench: draft of \(bytes.count / 1024) KiB, \(runs) runs each after \(warmup) warm-up runs")
        report("parse", time { _ = try! JSONParser.parse(bytes) })
        report("validate", time { precondition(Validator.validate(body).isEmpty) })
        report("encode", time { precondition(CanonicalJSON.encode(body).count == bytes.count) })
        report("validate+encode", time {
            precondition(Validator.validate(body).isEmpty)
            precondition(CanonicalJSON.encode(body).count == bytes.count)
        })
        report("parse+validate+encode", time {
            let b = try! JSONParser.parse(bytes)
            precondition(Validator.validate(b).isEmpty)
            precondition(CanonicalJSON.encode(b).count == bytes.count)
        })
    }

    static let runs = 50, warmup = 5

    static func largeDraft() -> JSONValue {
        var prompt = "You are the receptionist of a busy dental clinic. Be kind, brief and precise; ask one question at a time. "
        while prompt.utf8.count < 1_000_000 { prompt += prompt }
        prompt = String(prompt.utf8.prefix(1_000_000))!
        let types = AssistantSchema.structuredOutputTypes.map(\.value)
        return [
            "name": "Large bench draft",
            "prompt": .string(prompt),
            "first_sentence": "Hello, dental clinic, how can I help?",
            "first_sentence_mode": "generated",
            "voice": ["id": "voice-1", "provider": "elevenlabs", "speed": .number(JSONNumber(literal: "1.1")!)],
            "llm_model": ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "openai"],
            "webhook_url": "https://example.com/hooks/revox",
            "max_call_duration_secs": 600,
            "faq_items": .array((0..<1000).map { ["question": .string("Question number \($0): are you open on holiday \($0)?"),
                                                  "answer": .string("Answer \($0): yes, from 9am to 5pm, bring your card.")] }),
            "structured_output_config": .array((0..<200).map { i in
                let type = types[i % types.count]
                var field: JSONValue = ["name": .string("field_\(i)"), "type": .string(type), "required": .bool(i % 2 == 0),
                                        "description": .string("Extracted value \(i)")]
                if type == "enum" { try! field.set("enum_options", to: .array(["a", "b", "c"].map { .string("\($0)\(i)") })) }
                return field
            }),
            "call_retry_config": ["calling_windows": [["calling_window_start_time": "09:00", "calling_window_end_time": "6pm",
                                                       "retry_delay_seconds": 3600]],
                                  "max_retry_attempts": 3, "timezone": "Europe/Paris"],
            "transfer_phone_number": "+14155550100",
            "calendly": ["connection_id": "c", "event_type_id": "https://api.calendly.com/event_types/x"],
        ]
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
    }

    static func time(_ body: () -> Void) -> [Double] {
        for _ in 0..<warmup { body() }
        return (0..<runs).map { _ in
            let t0 = now()
            body()
            return now() - t0
        }
    }

    static func report(_ what: String, _ ms: [Double]) {
        let s = ms.sorted()
        func f(_ x: Double) -> String { String(Double(Int(x * 1000)) / 1000) }
        print("  \(what.padding(22)) median \(f(s[s.count / 2])) ms  min \(f(s.first!)) ms  max \(f(s.last!)) ms")
    }
}

private extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
