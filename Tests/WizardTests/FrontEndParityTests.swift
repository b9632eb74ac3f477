import AssistantModel
import Foundation
import Testing

/// The same edits through the full-screen wizard, the accessible mode and the command line give the
/// same draft bytes, the same request, and the same record; and each front end keeps one record
/// per server: A, then B, then back to A is a create, a create, and a PATCH of A's own assistant.
@Suite(.serialized, .enabled(if: E2E.hasTmux && E2E.program != nil, "needs tmux and the built assistant-wizard"))
struct FrontEndParityTests {
    let program = E2E.program ?? ""
    static let name = "Front desk"
    static let prompt = "You answer calls."
    static let changed = "You answer calls, politely."

    func drafts(_ home: String) -> DraftStore { DraftStore(directory: home + "/data/assistant-wizard/drafts") }

    /// The accessible mode reading `lines` on stdin, as a script would run it.
    func accessible(_ args: [String], lines: [String], home: String) throws -> (status: Int32, out: String, err: String) {
        let input = home + "/input.txt"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
        let line = ([program] + args).map(TmuxSession.quote).joined(separator: " ") + " < " + TmuxSession.quote(input)
        return try E2E.run(["/bin/sh", "-c", line], environment: E2E.environment(home: home, apiKey: "sk_test_parity_0123"))
    }

    func wizard(_ args: [String], home: String, _ body: (TmuxSession) throws -> Void) throws {
        let t = try TmuxSession(command: ["sh", "-c", ([program] + args).map(TmuxSession.quote).joined(separator: " ") + "; echo EXIT=$?; sleep 60"],
                                environment: E2E.environment(home: home, apiKey: "sk_test_parity_0123"))
        defer { t.close() }
        guard t.wait(for: "1/10 Basics") else { return }
        try body(t)
        try t.keys("C-q")
        t.wait(for: "EXIT=0")
    }

    /// From the review: confirm and wait for the result.
    func send(_ t: TmuxSession, expect: String) throws {
        try t.keys("F5")
        t.wait(for: "10/10 Review")
        try t.keys("Enter")
        // Every send asks once, naming what and where.
        t.wait(for: expect == "Updated the assistant." ? "Update 'Front desk'" : "Create 'Front desk'")
        try t.keys("y")
        t.wait(for: expect)
    }

    @Test func sameEditsSameDraftSameRequestSameRecordAndOneRecordPerServer() throws {
        let dir = try E2E.tempDir("parity")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for d in ["/a", "/b"] { try FileManager.default.createDirectory(atPath: dir + d, withIntermediateDirectories: true) }
        let (a, b) = (try SandboxProcess(program: program, dir: dir + "/a"), try SandboxProcess(program: program, dir: dir + "/b"))
        defer { a.stop(); b.stop() }
        let homes = ["wizard", "accessible", "cli"].map { dir + "/" + $0 }
        for h in homes { try FileManager.default.createDirectory(atPath: h, withIntermediateDirectories: true) }

        // 1. The same edits, sent to A.
        try wizard(["new", "--base-url", a.baseURL], home: homes[0]) { t in
            try t.type(Self.name); try t.keys("Tab"); try t.type(Self.prompt)
            try send(t, expect: "Created the assistant.")
        }
        let acc = try accessible(["new", "--accessible", "--base-url", a.baseURL], lines: [Self.name, Self.prompt, "review", "yes"], home: homes[1])
        #expect(acc.status == 0, "\(acc.out)\(acc.err)")
        let cliStore = drafts(homes[2])
        try FileIO.makeDirectories(cliStore.directory)
        try cliStore.save(["name": .string(Self.name), "prompt": .string(Self.prompt)], slug: "front-desk")
        let cli = try E2E.run([program, "submit", "front-desk", "--base-url", a.baseURL], environment: E2E.environment(home: homes[2], apiKey: "sk_test_parity_0123"))
        #expect(cli.status == 0, "\(cli.err)")

        let files = homes.map { drafts($0).file(for: "front-desk") }
        let bytes = try files.map { try FileIO.read($0) }
        #expect(bytes[0] == bytes[1] && bytes[1] == bytes[2], "the drafts differ: \(bytes.map { String(decoding: $0, as: UTF8.self) })")
        let posts = a.requests().filter { $0.method == "POST" }
        #expect(posts.count == 3 && Set(posts.map { $0.body.map { JSONEncoding.compact($0) } ?? [] }).count == 1, "\(posts.map(\.body))")
        let records = try homes.map { try #require(try drafts($0).metadata("front-desk")) }
        #expect(records.allSatisfy { Set($0.servers.keys) == [a.baseURL] }, "\(records)")
        let idsOnA = records.map { $0[a.baseURL]?.assistantID ?? "" }

        // 2. Each sent to B: a create there, and no id of A's ever reaches B.
        try wizard(["edit", "front-desk", "--base-url", b.baseURL], home: homes[0]) { t in
            try send(t, expect: "Created the assistant.")
        }
        let accB = try accessible(["edit", "front-desk", "--accessible", "--base-url", b.baseURL], lines: ["review", "yes"], home: homes[1])
        #expect(accB.status == 0, "\(accB.out)\(accB.err)")
        let cliB = try E2E.run([program, "submit", "front-desk", "--base-url", b.baseURL], environment: E2E.environment(home: homes[2], apiKey: "sk_test_parity_0123"))
        #expect(cliB.status == 0, "\(cliB.err)")
        let onB = b.requests()
        #expect(onB.filter { $0.method == "POST" }.count == 3 && onB.allSatisfy { $0.method != "PATCH" }, "\(onB.map(\.method))")
        for id in idsOnA { #expect(!onB.contains { $0.path.contains(id) }, "A's id \(id) went to B") }

        // 3. Back on A with a change: a PATCH of A's own assistant, never a second create.
        try wizard(["edit", "front-desk", "--base-url", a.baseURL], home: homes[0]) { t in
            // "You answer calls." → "You answer calls, politely.": drop the period first.
            try t.keys("Tab", "C-e", "BSpace")
            try t.type(", politely.")
            t.wait(for: Self.changed)
            try send(t, expect: "Updated the assistant.")
        }
        let accA = try accessible(["edit", "front-desk", "--accessible", "--base-url", a.baseURL], lines: ["", Self.changed, "review", "yes"], home: homes[1])
        #expect(accA.status == 0, "\(accA.out)\(accA.err)")
        var body = try drafts(homes[2]).load("front-desk")
        try body.set("prompt", to: .string(Self.changed))
        try drafts(homes[2]).save(body, slug: "front-desk")
        let cliA = try E2E.run([program, "submit", "front-desk", "--update", "--base-url", a.baseURL], environment: E2E.environment(home: homes[2], apiKey: "sk_test_parity_0123"))
        #expect(cliA.status == 0, "\(cliA.err)")
        let onA = a.requests().filter { $0.method != "GET" }
        #expect(Set(onA.filter { $0.method == "PATCH" }.map { $0.body.map { JSONEncoding.compact($0) } ?? [] }).count == 1, "the PATCHes differ")
        #expect(onA.filter { $0.method == "POST" }.count == 3, "a second create on A: \(onA.map(\.method))")
        let patches = onA.filter { $0.method == "PATCH" }
        #expect(patches.count == 3)
        #expect(Set(patches.map(\.path)) == Set(idsOnA.map { "/assistants/\($0)" }))
        for p in patches { #expect(p.body?.objectValue?.keys.elementsEqual(["prompt"]) == true, "\(String(describing: p.body))") }
        let final = try homes.map { try #require(try drafts($0).metadata("front-desk")) }
        #expect(final.allSatisfy { Set($0.servers.keys) == [a.baseURL, b.baseURL] })
    }
}
