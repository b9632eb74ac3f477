import AssistantModel
import Foundation
import RevoxSandbox
import Testing

/// `submit` with records kept per server (issue 10): A, then B, then A; and --update sending only
/// the changed fields, the same diff the wizard shows.
@Suite("CLI: submit remembers each server", .serialized)
struct SubmitServersTests {
    @Test func submitToAThenBThenA() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let (a, b) = (try await Sandbox.start(), try await Sandbox.start())
        let file = try CLITests.draft("front-desk.json", in: dir)

        let first = try await CLITests.run(["submit", file.path], env: CLITests.env(env, for: a))
        #expect(first.status == 0, "\(first.stderr)")
        let idA = try #require(try JSONParser.parse(first.stdout).objectValue?["id"]?.stringValue)

        // B: a create of its own, not "already submitted", and A's id never reaches B.
        let onB = try await CLITests.run(["submit", file.path], env: CLITests.env(env, for: b))
        #expect(onB.status == 0, "\(onB.stderr)")
        #expect(await b.receivedRequests.allSatisfy { !$0.path.contains(idA) && !$0.bodyText.contains(idA) })

        // Back on A: refused as already submitted there (not a second create)…
        let again = try await CLITests.run(["submit", file.path], env: CLITests.env(env, for: a))
        #expect(again.status == 1 && again.stderr.contains("already submitted") && again.stderr.contains(idA), "\(again.stderr)")
        // …and --update after a change PATCHes A's own assistant with only that field.
        var body = minimalBody
        try body.set("prompt", to: "You answer calls, politely.")
        try Data(CanonicalJSON.encode(body)).write(to: file)
        let update = try await CLITests.run(["submit", file.path, "--update"], env: CLITests.env(env, for: a))
        #expect(update.status == 0, "\(update.stderr)")
        let writesA = await a.receivedRequests.filter { $0.method != "GET" }
        #expect(writesA.map(\.method) == ["POST", "PATCH"])
        #expect(writesA.last?.path == "/assistants/\(idA)")
        #expect(try JSONParser.parse(writesA.last!.body) == ["prompt": "You answer calls, politely."])
        #expect(await b.createRequestCount == 1)
        await a.stop(); await b.stop()
    }

    @Test func updateWithNothingChangedSendsNothing() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let a = try await Sandbox.start()
        let file = try CLITests.draft("d.json", in: dir)
        #expect(try await CLITests.run(["submit", file.path], env: CLITests.env(env, for: a)).status == 0)
        let r = try await CLITests.run(["submit", file.path, "--update"], env: CLITests.env(env, for: a))
        #expect(r.status == 0 && r.stderr.contains("Nothing to send"), "\(r.stderr)")
        #expect(await a.receivedRequests.filter { $0.method == "PATCH" }.isEmpty)
        await a.stop()
    }

    @Test func aRecordThatCannotBeStoredExits5WithTheID() async throws {
        let (dir, env) = try CLITests.hermeticEnv()
        let a = try await Sandbox.start()
        let file = try CLITests.draft("d.json", in: dir)
        // The disk fills up at send time: a file may grow to 512 bytes, the body is already
        // written, the record (with the server's copy) is larger.
        let bin = try #require(CLITests.binary)
        let r = try await runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"", bin.path, "submit", file.path],
                                     env: CLITests.env(env, for: a).merging(["SWIFT_BACKTRACE": "interactive=no", "PATH": "/usr/bin:/bin"]) { a, _ in a })
        let id = try JSONParser.parse(r.stdout).objectValue?["id"]?.stringValue ?? "?"
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains(id) && r.stderr.contains("second assistant"))
        await a.stop()
    }
}
