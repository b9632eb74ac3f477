import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing

/// Assistants as code (issue 14): pull, status and push on a folder of drafts, against sandbox
/// processes over loopback, through the real binary.
@Suite("CLI: pull, status, push", .serialized)
struct AsCodeTests {
    /// A sandbox with two assistants made through the API, a client for it, and an empty drafts folder.
    struct Setup {
        let sandbox: Sandbox
        let client: RevoxHTTPClient
        let drafts: URL
        let env: [String: String]
        var ids: [String] = []

        static func start() async throws -> Setup {
            let (dir, env) = try CLITests.hermeticEnv()
            let sb = try await Sandbox.start()
            let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)), options: Fixture.fastOptions)
            var s = Setup(sandbox: sb, client: client, drafts: dir.appendingPathComponent("assistants"), env: CLITests.env(env, for: sb))
            let a = try await client.createAssistant(["name": "Front desk", "prompt": "You answer calls for {{company}}.",
                                                      "faq_items": [["question": "Hours?", "answer": "9 to 5."]]])
            let b = try await client.createAssistant(["name": "Reminder", "prompt": "You remind {{customer}} of appointments.",
                                                      "voicemail_message": .null])
            s.ids = [a.id, b.id]
            return s
        }

        func run(_ args: [String]) async throws -> ProcessResult {
            try await CLITests.run(args + ["--drafts-dir", drafts.path], env: env)
        }

        func file(_ slug: String) -> URL { drafts.appendingPathComponent(slug + ".json") }
        func body(_ slug: String) throws -> JSONValue { try JSONParser.parse(Array(try Data(contentsOf: file(slug)))) }
        func write(_ slug: String, _ body: JSONValue) throws { try Data(CanonicalJSON.encode(body)).write(to: file(slug)) }
        func writes() async -> [ReceivedRequest] { await sandbox.receivedRequests.filter { $0.method != "GET" } }

        func stop() async {
            await client.shutdown()
            await sandbox.stop()
        }
    }

    @Test func pullAllThenStatusIsClean() async throws {
        let s = try await Setup.start()
        let pull = try await s.run(["pull", "--all"])
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stdout.contains("+ front-desk.json") && pull.stdout.contains("+ reminder.json"), "\(pull.stdout)")
        // Request-body fields only, in canonical order, nothing the server adds.
        let a = try await s.client.assistant(id: s.ids[0])
        #expect(try Data(contentsOf: s.file("front-desk")) == Data(CanonicalJSON.encode(.object(a.requestBody))))
        #expect(try s.body("front-desk").objectValue?["id"] == nil)
        let meta = try JSONParser.parse(Array(try Data(contentsOf: s.drafts.appendingPathComponent(".front-desk.meta.json"))))
        #expect(meta.objectValue?["servers"]?.objectValue?[s.sandbox.baseURL]?.objectValue?["assistant_id"] == .string(s.ids[0]))

        let status = try await s.run(["status"])
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.components(separatedBy: "in sync").count == 3, "\(status.stdout)")
        await s.stop()
    }

    @Test func twoLocalChangesArePlannedThenPatchedAlone() async throws {
        let s = try await Setup.start()
        #expect(try await s.run(["pull", "--all"]).status == 0)
        var body = try s.body("front-desk")
        try body.set("name", to: "Front desk (day)")
        try body.set("faq_items", to: [["question": "Hours?", "answer": "9 to 6."]])
        try s.write("front-desk", body)

        let status = try await s.run(["status"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("front-desk.json") && status.stdout.contains("changed here: name, faq_items"), "\(status.stdout)")
        #expect(status.stdout.contains("reminder.json") && status.stdout.contains("in sync"), "\(status.stdout)")

        let before = await s.writes().count
        let dry = try await s.run(["push", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("~ update: name, faq_items  front-desk.json"), "\(dry.stdout)")
        #expect(dry.stdout.contains("= unchanged  reminder.json"), "\(dry.stdout)")
        #expect(await s.writes().count == before, "a dry run sent a write")

        let push = try await s.run(["push", "--yes"])
        #expect(push.status == 0, "\(push.stdout)\(push.stderr)")
        let sent = await s.writes().dropFirst(before)
        #expect(sent.map(\.method) == ["PATCH"])
        #expect(sent.first?.path == "/assistants/\(s.ids[0])")
        #expect(try JSONParser.parse(sent.first!.body) == ["name": "Front desk (day)", "faq_items": [["question": "Hours?", "answer": "9 to 6."]]])
        #expect(try await s.run(["status"]).status == 0)
        await s.stop()
    }

    @Test func aChangeOnTheServerIsDriftAndAConflictIsRefusedWithoutForce() async throws {
        let s = try await Setup.start()
        #expect(try await s.run(["pull", "--all"]).status == 0)
        _ = try await s.client.updateAssistant(id: s.ids[0], changes: ["prompt": "You answer calls, briefly."])

        let drift = try await s.run(["status", "front-desk"])
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("changed on the server since the last pull or push: prompt"), "\(drift.stdout)")

        var body = try s.body("front-desk")
        try body.set("name", to: "Front desk (night)")
        try s.write("front-desk", body)
        let both = try await s.run(["status", "--json", "front-desk"])
        let record = try JSONParser.parse(both.stdout).arrayValue?.first?.objectValue
        #expect(record?["status"] == "conflict" && record?["changed_here"] == ["name"] && record?["changed_on_server"] == ["prompt"], "\(both.stdout)")

        let before = await s.writes().count
        let refused = try await s.run(["push", "--yes"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("! conflict: prompt changed on the server"), "\(refused.stdout)")
        #expect(await s.writes().count == before)

        let forced = try await s.run(["push", "--yes", "--force"])
        #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
        let sent = await s.writes().dropFirst(before)
        #expect(sent.map(\.method) == ["PATCH"])
        // Only the draft's change: the server keeps the prompt someone else wrote.
        #expect(try JSONParser.parse(sent.first!.body) == ["name": "Front desk (night)"])
        #expect(try await s.client.assistant(id: s.ids[0]).prompt == "You answer calls, briefly.")
        #expect(forced.stderr.contains("took from the server: prompt"), "\(forced.stderr)")
        // The draft took what the server kept, and its record the server's copy after the PATCH:
        // nothing is left to say, and a second push must not write the old prompt back.
        #expect(try s.body("front-desk").objectValue?["prompt"] == "You answer calls, briefly.")
        #expect(try s.body("front-desk").objectValue?["name"] == "Front desk (night)")
        let after = try await s.run(["status", "front-desk"])
        #expect(after.status == 0 && after.stdout.contains("in sync"), "\(after.stdout)")
        let again = try await s.run(["push", "--yes", "front-desk"])
        #expect(again.status == 0 && again.stdout.contains("= unchanged  front-desk.json"), "\(again.stdout)")
        #expect(await s.writes().count == before + 1, "the second push wrote")
        await s.stop()
    }

    /// A latest-generation assistant pulled keeps every field the latest schema knows, and its
    /// record says which generation it speaks: status is clean and push sends nothing.
    @Test func aLatestAssistantIsPulledWhole() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let sb = try await Sandbox.start(SandboxOptions(api: .latest))
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey)), options: Fixture.fastOptions)
        let drafts = dir.appendingPathComponent("assistants")
        let run = { (args: [String]) in try await CLITests.run(args + ["--drafts-dir", drafts.path], env: CLITests.env(env, for: sb)) }
        let a = try await client.createAssistant(LatestSandboxTests.full)
        let pull = try await run(["pull", a.id])
        #expect(pull.status == 0, "\(pull.stdout)\(pull.stderr)")
        let slug = try #require(pull.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast(5)) }, "\(pull.stdout)")
        let body = try JSONParser.parse(Array(try Data(contentsOf: drafts.appendingPathComponent(slug + ".json"))))
        let expected = a.requestBody
        let latestOnly = Set(CanonicalJSON.requestKeyOrder(for: .latest)).subtracting(CanonicalJSON.requestKeyOrder)
        #expect(!latestOnly.isEmpty)
        for key in expected.keys { #expect(body.objectValue?[key] != nil, "the pulled draft lost \(key)") }
        for key in latestOnly where expected[key] != nil { #expect(body.objectValue?[key] == expected[key], "\(key)") }
        let meta = try JSONParser.parse(Array(try Data(contentsOf: drafts.appendingPathComponent(".\(slug).meta.json"))))
        #expect(meta.objectValue?["api"] == "latest", "\(meta)")

        let validate = try await CLITests.run(["validate", drafts.appendingPathComponent(slug + ".json").path], env: env)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let status = try await run(["status"])
        #expect(status.status == 0 && status.stdout.contains("in sync"), "\(status.stdout)\(status.stderr)")
        let before = await sb.receivedRequests.filter { $0.method != "GET" }.count
        let push = try await run(["push", "--yes"])
        #expect(push.status == 0 && push.stdout.contains("= unchanged"), "\(push.stdout)\(push.stderr)")
        #expect(await sb.receivedRequests.filter { $0.method != "GET" }.count == before)

        // Drift in a field only the latest generation has is drift too.
        _ = try await client.updateAssistant(id: a.id, changes: ["sms_enabled": false])
        let drift = try await run(["status"])
        #expect(drift.status == 1 && drift.stdout.contains("changed on the server since the last pull or push: sms_enabled"), "\(drift.stdout)")
        await client.shutdown()
        await sb.stop()
    }

    @Test func aNewDraftIsCreatedAndAnInvalidOneNeverSent() async throws {
        let s = try await Setup.start()
        #expect(try await s.run(["pull", s.ids[1]]).status == 0)
        try s.write("survey", ["name": "Survey", "prompt": "You ask three questions."])
        try s.write("broken", ["name": "Broken"])
        let dry = try await s.run(["push", "--dry-run"])
        #expect(dry.stdout.contains("+ create  survey.json") && dry.stdout.contains("! broken.json: not sent: 1 error"), "\(dry.stdout)")
        #expect(dry.status == 1)

        let before = await s.sandbox.createRequestCount
        let push = try await s.run(["push", "--yes"])
        #expect(push.status == 1, "the invalid draft makes it 1: \(push.stdout)\(push.stderr)")
        #expect(await s.sandbox.createRequestCount == before + 1)
        let created = await s.writes().last
        #expect(try JSONParser.parse(created!.body) == ["name": "Survey", "prompt": "You ask three questions."])
        let status = try await s.run(["status", "survey", "reminder"])
        #expect(status.status == 0, "\(status.stdout)")
        await s.stop()
    }

    @Test func pullingAgainUpdatesCleanDraftsAndReportsEditedOnes() async throws {
        let s = try await Setup.start()
        #expect(try await s.run(["pull", "--all"]).status == 0)
        _ = try await s.client.updateAssistant(id: s.ids[0], changes: ["prompt": "New prompt from the server."])
        _ = try await s.client.updateAssistant(id: s.ids[1], changes: ["name": "Reminder (server)"])
        var edited = try s.body("reminder")
        try edited.set("prompt", to: "Edited here.")
        try s.write("reminder", edited)

        let again = try await s.run(["pull", "--all"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("~ front-desk.json") && again.stdout.contains("updated from the server: prompt"), "\(again.stdout)")
        #expect(again.stdout.contains("! reminder.json") && again.stdout.contains("local changes: prompt"), "\(again.stdout)")
        #expect(try s.body("front-desk").objectValue?["prompt"] == "New prompt from the server.")
        #expect(try s.body("reminder") == edited)
        #expect(!FileManager.default.fileExists(atPath: s.file("front-desk-2").path), "a second pull made a second draft")
        await s.stop()
    }

    @Test func aDeletedAssistantIsGoneAndNotPushed() async throws {
        let s = try await Setup.start()
        #expect(try await s.run(["pull", "--all"]).status == 0)
        try await s.client.deleteAssistant(id: s.ids[1])
        let status = try await s.run(["status", "reminder"])
        #expect(status.status == 1 && status.stdout.contains("gone from the server"), "\(status.stdout)")
        let before = await s.writes().count
        let push = try await s.run(["push", "--yes", "reminder"])
        #expect(push.status == 1 && push.stdout.contains("gone from the server"), "\(push.stdout)")
        #expect(await s.writes().count == before)
        await s.stop()
    }

    @Test func theEnvironmentChoosesTheDraftsFolder() async throws {
        let s = try await Setup.start()
        var env = s.env
        env["ASSISTANT_WIZARD_DRAFTS"] = s.drafts.path
        #expect(try await CLITests.run(["pull", "--all"], env: env).status == 0)
        #expect(FileManager.default.fileExists(atPath: s.file("front-desk").path))
        let list = try await CLITests.run(["drafts", "list"], env: env)
        #expect(list.stdout.contains("front-desk.json"), "\(list.stdout)")
        await s.stop()
    }

    @Test func pullNeedsIdsOrAll() async throws {
        let (_, env) = try CLITests.hermeticEnv()
        let r = try await CLITests.run(["pull"], env: env)
        #expect(r.status != 0 && r.stderr.contains("--all"), "\(r.stderr)")
    }
}

/// The shipped templates (issue 14): each validates clean and its preview passes the SDK's
/// request types of both API generations.
@Suite("CLI: templates", .serialized)
struct TemplateTests {
    static let names = ["appointment-reminder", "lead-qualification", "receptionist", "survey"]

    @Test func templatesListsTheFour() async throws {
        let (_, env) = try CLITests.hermeticEnv()
        let r = try await CLITests.run(["templates"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        for n in Self.names { #expect(r.stdout.contains(n), "\(n) missing: \(r.stdout)") }
        let unknown = try await CLITests.run(["templates", "nope"], env: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("receptionist"), "\(unknown.stderr)")
    }

    @Test func eachTemplateValidatesCleanAndPassesBothGenerations() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        var previews: [String] = []
        for n in Self.names {
            let shown = try await CLITests.run(["templates", n], env: env)
            #expect(shown.status == 0, "\(shown.stderr)")
            let file = dir.appendingPathComponent(n + ".json")
            try Data(shown.stdout.utf8).write(to: file)
            let validate = try await CLITests.run(["validate", file.path], env: env)
            #expect(validate.status == 0 && validate.stderr.isEmpty && !validate.stdout.contains("warning"), "\(n): \(validate.stdout)\(validate.stderr)")
            let preview = try await CLITests.run(["preview", file.path], env: env)
            #expect(preview.status == 0 && preview.stderr.isEmpty, "\(n): \(preview.stderr)")
            let out = dir.appendingPathComponent("preview-" + n + ".json")
            try Data(preview.stdout.utf8).write(to: out)
            previews.append(out.path)
        }
        let script = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/contract/check-request")
        for version in ["0.1.1", "0.5.0"] {
            let r = try await runProcess(script, previews, env: ProcessInfo.processInfo.environment.merging(["REVOX_SDK_VERSION": version]) { _, b in b })
            #expect(r.status == 0, "revox \(version): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.components(separatedBy: ": ok").count == previews.count + 1, "\(r.stdout)")
        }
    }
}
