import AssistantModel
import Foundation
import Testing

/// Issue 13: the real program in tmux, on a latest draft (`new --api latest`), sets every field
/// only the latest API has by keystrokes, and sends it to `sandbox --api latest`; the official
/// 0.5.0 SDK accepts what the sandbox received.
@Suite(.serialized, .enabled(if: E2E.hasTmux && E2E.program != nil, "needs tmux and the built assistant-wizard"))
struct LatestEndToEndTests {
    let program = E2E.program ?? ""

    /// Down `n` times (a choice writes as it moves), then Tab to the next row.
    func pick(_ t: TmuxSession, _ n: Int, thenTab: Bool = true) throws {
        try t.keys(Array(repeating: "Down", count: n) + (thenTab ? ["Tab"] : []))
    }

    /// A nullable text's choice → "Set a value" → its input, typed.
    func setText(_ t: TmuxSession, _ text: String) throws {
        try pick(t, 2)
        try t.type(text)
    }

    /// Opens a new record of the focused list, types its fields (Tab between; nil skips one), keeps it.
    func addRecord(_ t: TmuxSession, _ title: String, _ values: [String?], keep: Bool = true) throws {
        try t.keys("a")
        t.wait(for: title)
        for (i, v) in values.enumerated() {
            if i > 0 { try t.keys("Tab") }
            if let v { try t.type(v) }
        }
        if keep { try t.keys("C-s") }
    }

    func typeEveryLatestField(_ t: TmuxSession) throws {
        // 1 Basics: name, prompt, kind, prompt flow (a block and a link), canvas position, logo.
        try t.type("Latest Clinic")
        try t.keys("Tab")
        try t.type("You answer calls for {{company}}.")
        try t.keys("Tab")
        try pick(t, 1)                                      // Kind: Standalone
        try pick(t, 2)                                      // Prompt flow: Set up
        t.wait(for: "Blocks")
        try addRecord(t, "New block", ["intro", nil, "Intro", "Say hello.", "0", "0"])
        t.wait(for: "intro")
        try t.keys("Tab")
        try addRecord(t, "New link", ["e1", "intro", "intro"])
        t.wait(for: "e1")
        try t.keys("Tab")
        try pick(t, 2)                                      // Canvas position: Set up → x
        try t.type("10"); try t.keys("Tab"); try t.type("20")
        try t.keys("Tab")
        try setText(t, "https://example.com/logo.png")
        // 2 Voice: Antoine (Cartesia), then the latest's model, volume and dictionary.
        try t.keys("M-2")
        t.wait(for: "the voices") { $0.contains("Voice list") && !$0.contains("loading") }
        try t.type("antoine")
        t.wait(for: "filter: antoine")
        try t.keys("Tab", "Tab", "Tab", "Tab", "Tab")       // → switch → id → provider → speed → model
        try pick(t, 2)                                      // Sonic 3.5 → volume
        try t.type("1.5")
        try t.keys("Tab")
        try setText(t, "dict_1")
        // 4 Call behaviour: time's-up message, background volume, caller number, pre-call lookup.
        try t.keys("M-4")
        t.wait(for: "4/14 Call behaviour")
        try t.keys("Tab", "Tab")
        try setText(t, "We are out of time.")
        try t.keys("Tab", "Tab")                            // background sound → its volume
        try t.type("0.3")
        try t.keys("Tab")
        try setText(t, "+14155550199")
        try t.keys("Tab", "Tab", "Tab", "Tab")              // IVR, voicemail, webhook → pre-call lookup
        try setText(t, "https://crm.example.com/lookup?phone={{phone}}")
        // 5 Transfer: a destination, warm, the briefing.
        try t.keys("M-5")
        t.wait(for: "5/14 Transfer")
        try addRecord(t, "New destination", ["Sales", "+14155550100"])
        t.wait(for: "Sales")
        try t.keys("Tab")
        try pick(t, 2)                                      // Warm → the briefing appears
        try setText(t, "Say why they called.")
        // 6 Speech: transcriber, its context, thinking sound.
        try t.keys("M-6")
        t.wait(for: "6/14 Speech")
        try pick(t, 1)                                      // stt-rt-v4
        try pick(t, 2)                                      // context: Set up → its list
        try addRecord(t, "New entry", ["company", "Acme Dental"])
        t.wait(for: "Acme Dental")
        try t.keys("Tab")
        try t.type("crown, filling")
        try t.keys("Tab")
        try pick(t, 6)                                      // Keyboard typing
        try t.type("0.8"); try t.keys("Tab"); try t.type("0.6")
        // 8 Tools: a custom tool with a header, a query parameter, a body and an input.
        try t.keys("M-8")
        t.wait(for: "8/14 Tools")
        try t.keys("a")
        t.wait(for: "New tool")
        try t.type("check_stock"); try t.keys("Tab")
        try t.type("Checks the stock."); try t.keys("Tab")
        try t.keys("Down", "Tab")                           // POST
        try t.type("https://api.example.com/stock?sku={{sku}}"); try t.keys("Tab")
        try addRecord(t, "New tool › New header", ["Authorization", "Bearer {{token}}"])
        t.wait(for: "Authorization")
        try t.keys("Tab")
        try addRecord(t, "New tool › New query parameter", ["store", "paris"])
        t.wait(for: "paris")
        try t.keys("Tab", "Tab")                            // body: "Set a value" is chosen → its text
        try t.type("{\"sku\": \"{{sku}}\"}")
        try t.keys("Tab")
        try addRecord(t, "New tool › New input", ["sku", nil, nil, "The product"], keep: false)
        try t.keys("C-s")
        t.wait(for: "the input kept") { !$0.contains("New input") }
        try t.keys("C-s")
        t.wait(for: "the tool kept") { !$0.contains("New tool") && $0.contains("check_stock") }
        // 10 Structured output: its extraction prompt.
        try t.keys("M-9", "M-n")
        t.wait(for: "10/14 Structured output")
        try t.keys("Tab")
        try setText(t, "Extract from {{transcript}}.")
        // 11 Call retry: switched on, a window, Saturday added to the days, calling twice in a row.
        try t.keys("M-n")
        t.wait(for: "11/14 Call retry")
        try pick(t, 1)                                      // Call retries: Set up → calling windows
        try addRecord(t, "New calling window", [nil])      // its defaults: 10:00 to 18:00
        t.wait(for: "the window kept") { !$0.contains("New calling window") && $0.contains("10:00") }
        try t.keys("Tab", "Tab", "Tab")                     // → max retries → time zone → days
        try t.keys("End"); try t.type(", saturday")
        try t.keys("Tab", "Space")                          // call twice in a row: on
        // 13 After the call: SMS, e-mail, Slack, Zoho.
        try t.keys("M-n", "M-n")
        t.wait(for: "13/14 After the call")
        try setText(t, "Tell {{first_name}} we called.")
        try t.keys("Tab")
        try pick(t, 1)                                      // SMS during calls: Yes
        try setText(t, "Your code is {{code}}.")
        try t.keys("Tab")
        try setText(t, "Thank them for calling.")
        try t.keys("Tab")
        try t.type("interested, completed"); try t.keys("Tab")
        try setText(t, "alice@example.com, bob@example.org")
        try t.keys("Tab")
        try t.type("requested_callback_later"); try t.keys("Tab")
        try pick(t, 2)                                      // Slack: Set up → connection id
        try t.type("T0123"); try t.keys("Tab")
        try addRecord(t, "New channel", ["C01234567"])
        t.wait(for: "C01234567")
        try t.keys("Tab")
        try t.type("interested"); try t.keys("Tab", "Tab")  // outcomes; template left out → Zoho
        try pick(t, 2)                                      // Zoho: Set up → connection id
        try t.type("zc_1"); try t.keys("Tab"); try t.type("Leads"); try t.keys("Tab")
        try addRecord(t, "New mapping", ["email", "Email"])
        t.wait(for: "Email")
        try t.keys("Tab", "Space", "Tab")                   // log the call → outcomes
        try t.type("completed")
    }

    @Test func setsEveryLatestOnlyFieldAndTheSDKAcceptsIt() throws {
        let dir = try E2E.tempDir("latest")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sandbox = try SandboxProcess(program: program, dir: dir, api: .latest)
        defer { sandbox.stop() }
        let t = try TmuxSession(command: [program, "new", "--api", "latest", "--base-url", sandbox.baseURL],
                                environment: E2E.environment(home: dir, apiKey: "sk_test_e2e_latest"), cols: 120, rows: 40)
        defer { t.close() }
        guard t.wait(for: "1/14 Basics") else { return }
        try typeEveryLatestField(t)
        try t.keys("F5")
        guard t.wait(for: "No errors or warnings") else { return }
        try t.keys("Enter")
        guard t.wait(for: "Create 'Latest Clinic' on") else { return }
        try t.keys("y")
        guard t.wait(for: "Created the assistant.") else { return }

        let posts = sandbox.requests().filter { $0.method == "POST" && $0.path.hasSuffix("/assistants") }
        #expect(posts.count == 1)
        guard let body = posts.last?.body, let sent = body.objectValue else { Issue.record("no POST body logged"); return }
        let seedKeys = Set(AssistantSchema.fields(for: .seed).map(\.key))
        let latestOnly = AssistantSchema.fields(for: .latest).map(\.key).filter { !seedKeys.contains($0) }
        #expect(latestOnly.count == 28)
        for k in latestOnly { #expect(sent[k] != nil, "\(k) was not sent") }
        #expect(body.value(at: "voice.model") == "sonic-3.5" && body.value(at: "voice.volume")?.numberValue?.doubleValue == 1.5)
        #expect(body.value(at: "custom_tools[0].headers") == [["key": "Authorization", "value": "Bearer {{token}}"]])
        #expect(body.value(at: "custom_tools[0].input_schema[0].name") == "sku")
        #expect(body.value(at: "prompt_flow.nodes[0].data") == ["title": "Intro", "body": "Say hello."])
        #expect(body.value(at: "transfer_destinations") == [["label": "Sales", "phone_number": "+14155550100"]])
        #expect(body.value(at: "human_transfer_mode") == "warm")
        #expect(body.value(at: "zoho.log_call_activity") == true)
        #expect(body.value(at: "call_retry_config.allowed_days")?.arrayValue?.last == "saturday", "\(body.value(at: "call_retry_config") ?? .null)")
        #expect(body.value(at: "call_retry_config.call_twice_in_a_row") == true)
        #expect(Validator.validate(body, api: .latest).isEmpty, "\(Validator.validate(body, api: .latest))")

        // The official 0.5.0 SDK's request types accept it.
        let checker = E2E.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/contract/check-request").path
        guard FileManager.default.isExecutableFile(atPath: checker) else { Issue.record("\(checker) is missing: the contract check did not run"); return }
        let file = dir + "/sent.json"
        try Data(JSONEncoding.compact(body)).write(to: URL(fileURLWithPath: file))
        var env = ProcessInfo.processInfo.environment
        env["REVOX_SDK_VERSION"] = "0.5.0"
        let r = try E2E.run([checker, file], environment: env)
        #expect(r.status == 0, "check-request (0.5.0): \(r.out) \(r.err)")
    }
}
