import ArgumentParser
import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing
@testable import Commands
@testable import Wizard

/// Issue 10: adding a field to the API is one schema entry. A field that exists only in a test
/// schema is edited by both front ends, checked by `validate`, placed by `preview` and refused by
/// the sandbox with a 422, and none of them knows it otherwise.
@Suite("One schema entry", .serialized)
struct OneSchemaEntryTests {
    static let field = FieldSpec(key: "greeting_style", path: "greeting_style", label: "Greeting style",
                                 help: "How the agent greets the callee.",
                                 kind: .choice([Choice("warm", "Warm", help: "first names, a smile"), Choice("formal", "Formal")]))
    /// The Revox schema with the field after `prompt`.
    static let schema = Schema(declared: Array(AssistantSchema.declared.prefix(2)) + [field] + AssistantSchema.declared.dropFirst(2))

    @Test func theFullScreenFormEditsIt() {
        AssistantSchema.$current.withValue(Self.schema) {
            var h = Harness(["name": "n", "prompt": "p"])
            h.go(Step.unlisted)
            h.focus("greeting_style")
            #expect(h.choiceTitles == [ChoiceOption.unsetTitle, "Warm", "Formal"])
            h.choose("Formal")
            #expect(h["greeting_style"] == "formal")
            #expect(h.text.contains("Greeting style"))
            // Its issues are marked on the step that edits it.
            #expect(Step.owning(path: "greeting_style") == Step.unlisted)
        }
        var plain = Harness(["name": "n", "prompt": "p"])
        plain.go(Step.unlisted)
        #expect(!plain.paths.contains("greeting_style"))
        #expect(Step.owning(path: "greeting_style") == .review)
    }

    @Test func theAccessibleModeAsksIt() async throws {
        var script = AccessibleWizardTests.fullScript
        // Its question comes after the webhook, the last field the call behaviour step lists.
        let hook = try #require(script.firstIndex(of: "https://example.com/hook"))
        script.insert("formal", at: hook + 1)
        let api = RecordingAPI(), store = try temporaryStore()
        let schema = Self.schema
        let io = ScriptedLineIO(script)
        let status = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
            // The prompt loop runs on its own thread, as in the program; the schema goes with it.
            Thread {
                let code = AssistantSchema.$current.withValue(schema) {
                    AccessibleWizard(wizard: Wizard(backend: sandboxBackend), api: api, store: store, session: nil).run(io: io)
                }
                done.resume(returning: code)
            }.start()
        }
        #expect(status == 0, "\(io.output)")
        #expect(io.output.contains("Greeting style. Optional. Choose one of 3."))
        #expect(io.output.contains("2. Warm: first names, a smile"))
        try #require(api.created.count == 1, "\(io.output)")
        #expect(api.created[0].value(at: "greeting_style") == "formal")
    }

    @Test func validateAndPreviewKnowIt() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-entry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("d.json").path
        try Data(#"{"voice": {"id": "v", "provider": "cartesia"}, "greeting_style": "shouty", "name": "n", "prompt": "p"}"#.utf8).write(to: URL(fileURLWithPath: file))

        let (validateOut, validateError) = try await AssistantSchema.$current.withValue(Self.schema) {
            try await captureStdout { try await runCommand(["validate", file]) }
        }
        #expect(validateError == 1, "\(validateOut)")
        #expect(validateOut.contains("greeting_style: error:") && validateOut.contains("warm") && validateOut.contains("formal"), "\(validateOut)")

        let (previewOut, _) = try await AssistantSchema.$current.withValue(Self.schema) {
            try await captureStdout { try await runCommand(["preview", file]) }
        }
        // In its declared place: after the prompt, before the voice.
        let order = ["\"name\"", "\"prompt\"", "\"greeting_style\"", "\"voice\""].map { previewOut.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "\(previewOut)")

        // Without the entry the same file only draws the unknown-field warning.
        let (plainOut, plainStatus) = try await captureStdout { try await runCommand(["validate", file]) }
        #expect(plainStatus == 0, "\(plainOut)")
        #expect(!plainOut.contains("greeting_style: error") && plainOut.contains("greeting_style"), "\(plainOut)")
    }

    @Test func theSandboxRefusesABadValueWith422() async throws {
        try await AssistantSchema.$current.withValue(Self.schema) {
            let sb = try await Sandbox.start()
            let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)))
            do throws(RevoxError) {
                _ = try await client.createAssistant(["name": "n", "prompt": "p", "greeting_style": "shouty"])
                Issue.record("the sandbox accepted an unknown greeting style")
            } catch {
                #expect(error.status == 422)
                #expect(error.fieldErrors.contains { $0.path == "greeting_style" }, "\(error.fieldErrors)")
            }
            let made = try await client.createAssistant(["name": "n", "prompt": "p", "greeting_style": "warm"])
            #expect(made.json["greeting_style"] == "warm")
            await client.shutdown()
            await sb.stop()
        }
    }
}

/// Runs a command line in-process, as the executable would, and returns its exit status.
private func runCommand(_ args: [String]) async throws -> Int32 {
    do {
        var command = try AssistantWizardCommand.parseAsRoot(args)
        if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        return 0
    } catch {
        return AssistantWizardCommand.exitCode(for: error).rawValue
    }
}

/// What `body` writes to standard output (the suite is serialized: nothing else writes meanwhile).
private func captureStdout(_ body: () async throws -> Int32) async throws -> (String, Int32) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdout-\(UUID().uuidString)").path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let saved = dup(1)
    dup2(fd, 1)
    let status: Int32
    do {
        status = try await body()
    } catch {
        dup2(saved, 1); close(saved); close(fd)
        throw error
    }
    dup2(saved, 1); close(saved); close(fd)
    return (try String(contentsOfFile: path, encoding: .utf8), status)
}
