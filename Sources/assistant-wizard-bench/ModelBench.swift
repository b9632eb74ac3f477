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
        var r = AssistantRequest(name: "Large bench draft", prompt: prompt)
        r.firstSentence = "Hello, dental clinic, how can I help?"
        r.firstSentenceMode = .generated
        r.voice = Voice(id: "voice-1", provider: .elevenlabs, speed: JSONNumber(literal: "1.1"))
        r.llmModel = .openRouter(.init(modelID: "openai/gpt-4.1", provider: "openai"))
        r.webhookURL = "https://example.com/hooks/revox"
        r.maxCallDurationSecs = JSONNumber(literal: "600")
        r.faqItems = (0..<1000).map { FAQItem(question: "Question number \($0): are you open on holiday \($0)?", answer: "Answer \($0): yes, from 9am to 5pm, bring your card.") }
        r.structuredOutputConfig = (0..<200).map { i in
            let type = StructuredOutputType.allCases[i % StructuredOutputType.allCases.count]
            return StructuredOutputField(name: "field_\(i)", type: type, required: i % 2 == 0, description: "Extracted value \(i)",
                                         enumOptions: type == .enum ? ["a\(i)", "b\(i)", "c\(i)"] : nil)
        }
        r.callRetryConfig = CallRetryConfig(callingWindows: [CallingWindow(startTime: "09:00", endTime: "6pm", retryDelaySeconds: 3600)],
                                            maxRetryAttempts: 3, timezone: .value("Europe/Paris"))
        r.transferPhoneNumber = .value("+14155550100")
        r.calendly = Calendly(connectionID: "c", eventTypeID: "https://api.calendly.com/event_types/x")
        return r.json
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
