@testable import AssistantModel
import Drafts
import Foundation
import RevoxClient
import TerminalUI
import Testing
@testable import Wizard

/// Random events into the wizard's update and render on an in-memory canvas, from fixed seeds.
/// Effects are answered the way the runtime would (saves succeed or fail, sends finish or fail,
/// voices arrive, editors return), so every screen is reached.
@Suite("Fuzz: random events into update and render")
struct FuzzTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 0xC0FFEE]

    @Test("random events keep the wizard valid", arguments: seeds)
    func randomEvents(seed: UInt64) async throws {
        let perSeed = count(ci: 4_000, full: 20_000)
        // The loop runs off the cooperative pool; issues are recorded back here, in the test's task.
        let run = await onOwnThread { () -> (problems: [String], events: Int, steps: Int, screens: Int, stepsSeen: String, screensSeen: String) in
            var fuzz = WizardFuzzer(seed: seed)
            var problems: [String] = []
            for i in 0..<perSeed {
                let found = fuzz.step()
                if !found.isEmpty {
                    problems.append("seed \(seed), event \(i) (\(fuzz.lastEvent)): \(found.joined(separator: "; "))")
                    if problems.count > 5 { break }
                }
            }
            return (problems, fuzz.events, fuzz.stepsSeen.count, fuzz.screensSeen.count, "\(fuzz.stepsSeen)", "\(fuzz.screensSeen)")
        }
        for p in run.problems { Issue.record(Comment(rawValue: p)) }
        #expect(run.events >= perSeed)
        // The run must have gone places, or the invariants were checked on one screen only.
        #expect(run.steps >= 5, "steps reached: \(run.stepsSeen)")
        #expect(run.screens >= 2, "screens reached: \(run.screensSeen)")
    }

    @Test("random keys into the real program in tmux: alive, responsive, quits cleanly", .enabled(if: Tmux.available))
    func realProgram() async throws {
        let keys = count(ci: 400, full: 5_000)
        let home = try makeTempDir("fuzz-tmux")
        let tmux = Tmux()
        let bin = try binary("assistant-wizard")
        // No editor: Alt-E must fail with a message rather than leave the pane in vi.
        try await tmux.start("\(shellQuote(bin)) new; echo EXIT=$?", env: hermeticEnv(home, ["EDITOR": "/bin/false", "VISUAL": "/bin/false"]))
        try await tmux.waitFor(text: "Name")
        let pid = try #require(findProcess(named: "assistant-wizard", under: try await tmux.panePID() ?? -1))
        var rng = SeededRandom(seed: 42)
        let named = ["Tab", "BTab", "Enter", "Escape", "Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown", "BSpace",
                     "DC", "F1", "F2", "F3", "F5", "F9", "F12", "M-n", "M-p", "M-b", "M-v", "M-r", "C-a", "C-e", "C-k", "C-u", "C-w",
                     "C-s", "C-l", "Space", "M-Enter", "C-Left", "S-Right", "M-e"]
        let literals = ["a", "Z", "é", "漢字", "😀", "e\u{301}", "\u{05D0}\u{0627}", "\u{202E}x", "{", "\"", "12", "-1.5", "\u{1B}[2J"]
        for i in 0..<keys {
            let r = Int(rng.next() % 100)
            if r < 45 { try await tmux.keys(named[Int(rng.next() % UInt64(named.count))]) }
            else if r < 90 { try await tmux.literal(literals[Int(rng.next() % UInt64(literals.count))]) }
            else if r < 95 {
                try await tmux.tmux(["set-buffer", "pasted line 1\npasted \u{1B}[31m line 2\t" + String(repeating: "p", count: Int(rng.next() % 2000))])
                try await tmux.tmux(["paste-buffer", "-p"])
            } else {
                let rows = 5 + Int(rng.next() % 40), cols = 20 + Int(rng.next() % 120)
                try await tmux.tmux(["resize-window", "-x", "\(cols)", "-y", "\(rows)"])
            }
            if i % 50 == 49 {
                let screen = try await tmux.screen()
                #expect(isAlive(pid), "the program died after \(i + 1) keys:\n\(screen)")
                if !isAlive(pid) { break }
            }
        }
        // Responsive: back to a known size, the screen still answers a key.
        try await tmux.tmux(["resize-window", "-x", "100", "-y", "30"])
        #expect(isAlive(pid))
        try await tmux.keys("F1")
        let help = try await tmux.waitFor(text: "quit")
        // Any key closes the help; ESC right before another key would read as Alt+key.
        try await tmux.keys("Space")
        try await tmux.waitFor("the help to close") { $0 != help }
        try await tmux.keys("C-q")
        let end = try await tmux.waitFor(text: "EXIT=")
        #expect(end.contains("EXIT=0"), "\(end)")
        await tmux.stop()
    }

    @Test("the checks catch a broken state")
    func invariantsCanFail() {
        var fuzz = WizardFuzzer(seed: 9)
        fuzz.wizard.state.form.focus = 999
        #expect(!fuzz.check().isEmpty)
        var cursorOff = Canvas(rows: 5, cols: 5)
        cursorOff.cursor = (7, 0)
        #expect(!WizardFuzzer.cursorProblems(cursorOff).isEmpty)
    }
}

struct WizardFuzzer {
    var rng: SeededRandom
    var wizard: Wizard
    var events = 0
    var lastEvent = ""
    var stepsSeen: Set<String> = []
    var screensSeen: Set<String> = []
    static let backend = Backend(isSandbox: true, baseURL: "sandbox", maskedKey: nil)

    init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
        wizard = Wizard(backend: Self.backend, rows: 30, cols: 100)
        _ = wizard.update(.voicesLoaded(.success(Self.voices)))
    }

    static let voices: [VoiceOption] = [
        VoiceOption(id: "v1", name: "Ava", language: "en", provider: "cartesia", description: "calm"),
        VoiceOption(id: "v2", name: "Bob\u{1B}[2J", language: "fr", provider: "elevenlabs", description: "\u{202E}evil\u{7}"),
        VoiceOption(id: "v3", name: "声音", language: "zh", provider: "cartesia", description: "👩‍🔬 e\u{301}"),
    ]

    // "y" answers the question before a send, so runs still reach the result screen.
    static let texts = ["a", "y", "Z", " ", "é", "e\u{301}", "漢", "字", "😀", "👩‍👩‍👧", "\u{05D0}", "\u{0627}", "\u{202E}",
                        "\u{200B}", "{", "}", "\"", "\\", "0", "9", "-", ".", ":", "@", "/", "?", "\u{FE0F}", "\u{1F1EB}\u{1F1F7}"]
    static let pastes = ["hello\nworld", "\u{1B}[31mred\u{1B}[0m", "line1\r\nline2\ttab", String(repeating: "long text ", count: 500),
                         "{\"name\": \"x\"}", "\u{0}nul", "日本語のテキスト\n第二行", "\u{1B}]0;title\u{7}", String(repeating: "x\n", count: 300),
                         "12.5", "-3", "https://example.com/hook", "+33123456789", "Europe/Paris", "09:00"]
    static let named: [Key] = [.enter, .tab, .backspace, .delete, .escape, .insert, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 10_000) / 10_000 < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    mutating func randomEvent() -> WizardMessage {
        let r = int(1000)
        switch r {
        case 0..<380: return .input(.key(.char(Character(pick(Self.texts)))))
        case 380..<600:
            // Navigation keys dominate so the run visits every step and field.
            let k = pick(Self.named)
            let mods: Modifiers = chance(0.15) ? pick([.shift, .ctrl, .alt, [.ctrl, .shift]]) : []
            return .input(.key(KeyPress(k, mods)))
        case 600..<700:
            let c = pick(Array("abcdefghijklmnopqrstuvwxyz123"))
            // Ctrl-Q/Ctrl-C quit: answered by a fresh wizard below, like a restart.
            return .input(.key(KeyPress(.char(c), chance(0.5) ? .ctrl : .alt)))
        case 700..<760: return .input(.key(.alt(pick(Array("np")))))
        case 760..<800: return .input(.key(KeyPress(.function(1 + int(12)), chance(0.2) ? .shift : [])))
        case 800..<840: return .input(.paste(pick(Self.pastes)))
        case 840..<870:
            let kind: MouseEvent.Kind = pick([.press(button: 1), .press(button: 3), .release, .wheelUp, .wheelDown, .move])
            return .input(.mouse(MouseEvent(kind, row: int(wizard.state.rows + 2) - 1, col: int(wizard.state.cols + 2) - 1)))
        case 870..<890:
            // Under 80×24 only resize, help and quit act, so most sizes are big enough: a run
            // spent mostly too small would explore nothing.
            if chance(0.25) { return .input(.resize(rows: 5 + int(19), cols: 20 + int(60))) }
            if chance(0.5) { return .resize(rows: 24 + int(41), cols: 80 + int(140)) }
            return .input(.resize(rows: 24 + int(21), cols: 80 + int(80)))
        case 890..<950: return .tick
        case 950..<960: return .voicesLoaded(chance(0.8) ? .success(Self.voices) : .failure(Self.error(.noConnection)))
        case 960..<975: return .saved(chance(0.9) ? .saved(slug: "fuzz") : .failed(.file(.permissionDenied(path: "/x/fuzz.json"))))
        case 975..<978: return .saved(.changedOnDisk(file: "/x/fuzz.json", theirs: ["name": "theirs"]))
        case 978..<980: return .quitBlocked(.file(.permissionDenied(path: "/x/fuzz.json")), rescuePath: "/tmp/fuzz.json")
        default: return .input(.key(pick([.enter, .tab, .backTab, .down])))
        }
    }

    static func error(_ kind: RevoxError.Kind) -> RevoxError {
        RevoxError(kind: kind, method: "POST", path: "/assistants", status: kind == .invalidFields ? 422 : 500,
                   fieldErrors: kind == .invalidFields ? [FieldError(path: "voice.speed", message: "too\u{1B}[2J fast"), FieldError(path: "nope[3].x", message: "?")] : [],
                   rawBody: "{\"error\": \"\u{1B}[31mboom\"}", message: "failed \u{202E}", suggestion: "retry")
    }

    /// The runtime's answers to the effects, so sends, saves, drafts and editors complete.
    mutating func answer(_ effects: [WizardEffect]) {
        for e in effects {
            var reply: WizardMessage?
            switch e {
            case .quit:
                wizard = Wizard(backend: Self.backend, body: wizard.state.draft, slug: wizard.state.slug,
                                rows: wizard.state.rows, cols: wizard.state.cols)
                if chance(0.3) { wizard.state.screen = .start }
            case .save(let body, _):
                if !chance(0.5) { reply = .saved(.saved(slug: "fuzz")) }
                _ = body
            case .loadVoices: reply = .voicesLoaded(.success(Self.voices))
            case .send(let plan):
                let body: JSONValue = { if case .update(_, let c) = plan { return c.body }; if case .create(let b) = plan { return b }; return [:] }()
                if chance(0.5), let a = Assistant(json: (body.objectValue ?? JSONObject()).merging(["id": "asst_fuzz"])) {
                    reply = .sendFinished(.sent(a, wasCreate: plan.isCreate, recordFailure: chance(0.1) ? .invalidName("x") : nil), record: nil)
                } else {
                    reply = .sendFinished(.failed(Self.error(pick([.invalidFields, .outcomeUnknown, .serverError, .rateLimited]))), record: nil)
                }
            case .cancelSend: reply = .sendFinished(.failed(Self.error(.cancelled)), record: nil)
            case .listDrafts:
                reply = .draftsListed(.success([DraftSummary(slug: "a", name: "A\u{1B}", file: "/d/a.json", modified: 1, errorCount: 1, warningCount: 0),
                                               DraftSummary(slug: "b", name: nil, file: "/d/b.json", modified: nil, errorCount: 0, warningCount: 0,
                                                            loadError: .syntax(file: "/d/b.json", JSONSyntaxError(line: 1, column: 2, offset: 1, reason: "x")))]))
            case .openDraft(let slug): reply = .draftOpened(.success(OpenedDraft(slug: slug, body: ["name": "Opened \u{1B}[1m"])))
            case .quitDiscarding, .saveElsewhere, .newDraft, .chooseAPI: break
            case .resolveConflict(let choice): reply = choice == .reload ? .draftReloaded(["name": "reloaded"]) : .saved(.saved(slug: "fuzz"))
            case .fetchAssistant: reply = .assistantFetched(.failure(Self.error(.notFound)))
            case .listAssistants:
                reply = .assistantsListed(chance(0.5) ? .success([Assistant(json: JSONObject([("id", "a\u{1B}1"), ("name", "Hostile \u{1B}[2J")]))!]) : .failure(Self.error(.serverError)))
            case .pull(let list, let open):
                reply = open ? .pulled(.failed(slug: nil, reason: "x\u{1B}"), nil) : .pulledAll(list.map { .created(slug: $0.id) })
            case .openEditor(let path, _):
                reply = .editorFinished(path: path, chance(0.8) ? .success(pick(Self.pastes)) : .failure(EditorFailure("no editor")))
            }
            if let reply { answer(wizard.update(reply)) }
        }
    }

    mutating func step() -> [String] {
        let m = randomEvent()
        lastEvent = String(describing: m).prefix(120).description
        answer(wizard.update(m))
        events += 1
        stepsSeen.insert("\(wizard.state.step)")
        screensSeen.insert("\(wizard.state.screen)".prefix(while: { $0 != "(" }).description)
        return check()
    }

    /// The invariants: focus on a field that exists, the draft round-trips through the encoder and
    /// parser unchanged, the render fills the canvas with no raw control character, and the cursor
    /// is on the screen.
    func check() -> [String] {
        var problems = [String]()
        let form = wizard.state.form
        if !form.fields.isEmpty && !form.fields.indices.contains(form.focus) {
            problems.append("focus \(form.focus) of \(form.fields.count) fields")
        }
        if form.fields.isEmpty && form.focus != 0 { problems.append("focus \(form.focus) with no fields") }
        if form.scrollTop < 0 { problems.append("scrollTop \(form.scrollTop)") }
        let bytes = CanonicalJSON.encode(wizard.state.draft)
        switch Result(catching: { try JSONParser.parse(bytes) }) {
        case .success(let back):
            // Canonical encoding puts keys in the API's order; the value must be otherwise the same.
            if back != CanonicalJSON.ordered(wizard.state.draft) { problems.append("draft does not re-parse to the same value") }
            if (try? JSONParser.parse(JSONEncoding.pretty(wizard.state.draft))) != wizard.state.draft { problems.append("draft does not round-trip as saved") }
        case .failure(let e): problems.append("draft does not re-parse: \(e)")
        }
        if wizard.state.draft.objectValue == nil { problems.append("draft is not an object") }
        var canvas = Canvas(rows: wizard.state.rows, cols: wizard.state.cols)
        wizard.render(into: &canvas)
        problems += Self.cursorProblems(canvas)
        for r in 0..<canvas.rows {
            for c in 0..<canvas.cols where !unsafeScalars(in: canvas[r, c].text, allowing: []).isEmpty {
                problems.append("raw control character at \(r),\(c): \(canvas[r, c].text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        return problems
    }

    static func cursorProblems(_ canvas: Canvas) -> [String] {
        guard let c = canvas.cursor else { return [] }
        return (0..<canvas.rows).contains(c.row) && (0..<canvas.cols).contains(c.col) ? [] : ["cursor \(c) outside \(canvas.rows)×\(canvas.cols)"]
    }
}

extension JSONObject {
    func merging(_ pairs: [String: JSONValue]) -> JSONObject {
        var o = self
        for (k, v) in pairs { o[k] = v }
        return o
    }
}
