import AssistantModel
import Foundation
import Testing

/// The start screen as code in the real program (issue 14), against a sandbox process: pull
/// every assistant, see each draft's status arrive in the list, open one.
@Suite(.serialized, .enabled(if: E2E.hasTmux && E2E.program != nil, "needs tmux and the built assistant-wizard"))
struct StartScreenE2ETests {
    let program = E2E.program ?? ""

    @Test func pullAllFromTheStartScreenThenTheListSaysInSync() throws {
        let dir = try E2E.tempDir("start-pull")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sandbox = try SandboxProcess(program: program, dir: dir)
        defer { sandbox.stop() }
        let env = E2E.environment(home: dir, apiKey: "sk_test_e2e_start")
        let file = dir + "/desk.json"
        try Data(JSONEncoding.compact(["name": "Front desk", "prompt": "Be brief."])).write(to: URL(fileURLWithPath: file))
        let created = try E2E.run([program, "submit", file, "--base-url", sandbox.baseURL], environment: env)
        #expect(created.status == 0, "submit: \(created.err)")

        let t = try TmuxSession(command: [program, "--base-url", sandbox.baseURL], environment: env)
        defer { t.close() }
        guard t.wait(for: "Pull assistants from the server") else { return }
        try t.keys("Down", "Down", "Down", "Down", "Enter")
        guard t.wait(for: "All 1 assistant") else { return }
        try t.keys("Enter")
        // The pull ends on the drafts list; the status needs a GET, and arrives in the list.
        guard t.wait(for: "Pulled 1 assistant: 1 new") else { return }
        t.wait(for: "in sync")
        #expect(t.capture().contains("Front desk: in sync"), "\(t.capture())")
        let gets = sandbox.requests().filter { $0.method == "GET" && $0.path.contains("/assistants/") }
        #expect(gets.count == 1, "\(gets.map(\.path))")
        try t.keys("Enter")
        guard t.wait(for: "1/10 Basics") else { return }
        t.wait(for: "Front desk")
        try t.keys("C-q")
        t.wait(for: "the program to quit") { _ in (try? t.tmux(["has-session"]).status) != 0 }
        #expect(sandbox.requests().filter { $0.method != "GET" }.count == 1, "only the submit wrote")
    }
}
