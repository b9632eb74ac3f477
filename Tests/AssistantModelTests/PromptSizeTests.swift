import Foundation
import Testing
@testable import AssistantModel

/// A prompt longer than the model's context window gets a warning with the sizes (issue 11: a
/// 30 MB prompt passed `validate` without a word). One rule in the validator: validate, the wizard
/// (field issues) and the sandbox all read it.
@Suite struct PromptSizeTests {
    static func body(promptBytes: Int, model: JSONValue? = nil) -> JSONValue {
        var o = JSONObject([("name", "Big"), ("prompt", .string(String(repeating: "x", count: promptBytes)))])
        if let model { o["llm_model"] = model }
        return .object(o)
    }
    static let gpt41: JSONValue = ["type": "dedicated-instance", "name": "gpt-4.1"]
    static let ministral: JSONValue = ["type": "dedicated-instance", "name": "ministral-3-8b-instruct"]
    static let openrouterGPT: JSONValue = ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "openai"]

    static func promptWarnings(_ body: JSONValue, api: APIGeneration = .seed) -> [ValidationIssue] {
        Validator.validate(body, api: api).filter { $0.path == "prompt" }
    }

    @Test func aPromptPastGPT41sWindowIsAWarningWithItsSize() {
        let issues = Self.promptWarnings(Self.body(promptBytes: 5_000_000, model: Self.gpt41))
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .warning)
        let m = issues.first?.message ?? ""
        #expect(m.contains("5.0 MB"), "\(m)")
        #expect(m.contains("about 1.3 million tokens"), "\(m)")
        #expect(m.contains("gpt-4.1's context window (1,047,576 tokens, about 4.2 MB)"), "\(m)")
    }

    @Test func aPromptThatFitsSaysNothing() {
        #expect(Self.promptWarnings(Self.body(promptBytes: 4_000_000, model: Self.gpt41)).isEmpty)
        #expect(Self.promptWarnings(Self.body(promptBytes: 1_000_000, model: Self.ministral)).isEmpty)
    }

    @Test func theWindowIsTheChosenModels() {
        // 2 MB fits gpt-4.1 but not Ministral's 256k tokens.
        #expect(Self.promptWarnings(Self.body(promptBytes: 2_000_000, model: Self.gpt41)).isEmpty)
        let m = Self.promptWarnings(Self.body(promptBytes: 2_000_000, model: Self.ministral)).first?.message ?? ""
        #expect(m.contains("ministral-3-8b-instruct's context window (262,144 tokens, about 1.0 MB)"), "\(m)")
        // An OpenRouter id of a known model counts as that model.
        #expect(Self.promptWarnings(Self.body(promptBytes: 5_000_000, model: Self.openrouterGPT)).count == 1)
    }

    @Test func withoutAModelThe30MBPromptIsHeldToTheLargestWindow() {
        let issues = Self.promptWarnings(Self.body(promptBytes: 30_000_000))
        #expect(issues.map(\.severity) == [.warning])
        let m = issues.first?.message ?? ""
        #expect(m.contains("30.0 MB") && m.contains("no model can read it whole"), "\(m)")
        // The same in the latest API's rules.
        #expect(Self.promptWarnings(Self.body(promptBytes: 30_000_000), api: .latest).count == 1)
    }

    @Test func theWizardsFieldCheckShowsIt() {
        let issues = Validator.validate(Self.body(promptBytes: 5_000_000, model: Self.gpt41), field: "prompt")
        #expect(issues.contains { $0.severity == .warning && $0.message.contains("context window") })
    }

    @Test func validateOnTheCommandLinePrintsTheWarningAndExits0() throws {
        let cli = CLI()
        let file = cli.work + "/big.json"
        try Data(CanonicalJSON.encode(Self.body(promptBytes: 5_000_000, model: Self.gpt41))).write(to: URL(fileURLWithPath: file))
        let r = try cli.run(["validate", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(file): prompt: warning: the prompt is 5.0 MB"), "\(r.stdout)")
    }
}
