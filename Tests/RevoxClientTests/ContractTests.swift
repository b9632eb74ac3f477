import AssistantModel
import Foundation
import RevoxSandbox
import Testing

/// The official Python SDK (revox==0.1.1) drives the in-process sandbox through every endpoint and
/// validates every answer against its response types. Needs python3 (venv cached after the first run).
@Suite("SDK contract")
struct ContractTests {
    @Test(.timeLimit(.minutes(5)))
    func checkServerPassesEveryStep() async throws {
        let script = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/contract/check-server")
        #expect(FileManager.default.isExecutableFile(atPath: script.path), "missing \(script.path): CI clones shared/ beside the repo")
        let sb = try await Sandbox.start()
        let r = try await runProcess(script, [sb.baseURL, sb.apiKey])
        await sb.stop()
        let text = r.stdout + r.stderr
        #expect(r.status == 0, "check-server failed:\n\(text)")
        #expect(text.contains("0 failed"), "\(text)")
        #expect(text.contains("9 passed"), "\(text)")
    }

    /// The newest SDK (revox==0.5.0) against `sandbox --api latest`: its shapes, defaults and rules.
    @Test(.timeLimit(.minutes(5)))
    func checkServerPassesEveryStepWithTheLatestSDK() async throws {
        let script = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/contract/check-server")
        let sb = try await Sandbox.start(SandboxOptions(api: .latest))
        var env = ProcessInfo.processInfo.environment
        env["REVOX_SDK_VERSION"] = "0.5.0"
        let r = try await runProcess(script, [sb.baseURL, sb.apiKey], env: env)
        await sb.stop()
        let text = r.stdout + r.stderr
        #expect(r.status == 0, "check-server (0.5.0) failed:\n\(text)")
        #expect(text.contains("9 passed, 0 failed"), "\(text)")
    }
}
