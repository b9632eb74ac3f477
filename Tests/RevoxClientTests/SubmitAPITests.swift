import AssistantModel
import Foundation
import Testing

/// Issue 13: `submit --api seed|latest` checks and sends the draft as that generation, records the
/// choice with the draft, and its built-in sandbox speaks it too.
@Suite("CLI: submit --api")
struct SubmitAPITests {
    /// Only shared keys, so detection cannot tell; `calendly: null` is an error in seed, fine in latest.
    static let body: JSONValue = ["name": "Front desk", "prompt": "Be kind.", "calendly": nil]

    @Test func apiLatestAcceptsWhatSeedRefuses() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let file = try CLITests.draft("draft.json", in: dir, Self.body)
        let seed = try await CLITests.run(["submit", file.path, "--sandbox"], env: env)
        #expect(seed.status == 1, "\(seed.stderr)")
        #expect(seed.stderr.contains("calendly"))
        let latest = try await CLITests.run(["submit", file.path, "--sandbox", "--api", "latest"], env: env)
        #expect(latest.status == 0, "\(latest.stderr)")
        let json = try JSONParser.parse(latest.stdout)
        // The latest sandbox answers in the 0.5.0 shape, with the server's defaults filled in.
        #expect(json.objectValue?["sms_enabled"] != nil, "\(json)")
        // The choice is recorded with the draft.
        let meta = try JSONParser.parse(try String(contentsOf: dir.appendingPathComponent(".draft.meta.json"), encoding: .utf8))
        #expect(meta.value(at: "api") == "latest")
    }

    @Test func aBadGenerationIsAUsageError() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let file = try CLITests.draft("draft.json", in: dir)
        let r = try await CLITests.run(["submit", file.path, "--sandbox", "--api", "future"], env: env)
        #expect(r.status != 0)
        #expect(r.stderr.contains("seed") && r.stderr.contains("latest"), "\(r.stderr)")
    }
}
