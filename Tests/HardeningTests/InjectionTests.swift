@testable import AssistantModel
import Drafts
import Foundation
import RevoxClient
import TerminalUI
import Testing
@testable import Wizard

/// Text from the server, a draft or the voice list is shown escaped, never raw on the terminal.
@Suite("Terminal injection")
struct InjectionTests {
    /// ESC, C1, bidi overrides and isolates, and the invisible ones: RLM, LRM, ALM, a BOM, tag characters.
    static let hostile = "Evil\u{1B}[2J\u{1B}]0;pwned\u{7}\u{9B}31m\u{202E}txet\u{2066}\u{0}\r\u{8}end\u{200F}r\u{200E}l\u{061C}a\u{FEFF}b\u{E0041}\u{E007F}"

    static func assertClean(_ canvas: Canvas, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for r in 0..<canvas.rows {
            for c in 0..<canvas.cols where !unsafeScalars(in: canvas[r, c].text, allowing: []).isEmpty {
                Issue.record("\(what): raw control character at \(r),\(c)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    @Test("the wizard draws hostile voices, draft text and server errors escaped")
    func wizardScreens() {
        let backend = Backend(isSandbox: true, baseURL: "sandbox", maskedKey: nil)
        var w = Wizard(backend: backend, body: ["name": .string(Self.hostile), "prompt": .string(Self.hostile + "\nline 2")], rows: 30, cols: 120)
        _ = w.update(.voicesLoaded(.success([VoiceOption(id: "v\u{1B}1", name: Self.hostile, language: "e\u{1B}n",
                                                         provider: "p\u{202E}", description: Self.hostile)])))
        var screens: [(String, Canvas)] = []
        func snap(_ what: String) {
            var c = Canvas(rows: 30, cols: 120)
            w.render(into: &c)
            screens.append((what, c))
        }
        snap("basics")
        _ = w.update(.input(.key(.alt("n"))))
        snap("voice")
        _ = w.update(.input(.key(KeyPress(.function(5)))))
        snap("review")
        let error = RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                               fieldErrors: [FieldError(path: "name", message: Self.hostile)], rawBody: Self.hostile,
                               serverMessage: Self.hostile, message: "rejected: " + Self.hostile, suggestion: Self.hostile)
        _ = w.update(.input(.key(.enter)))
        snap("send question")
        _ = w.update(.input(.key(.char("y"))))
        _ = w.update(.sendFinished(.failed(error), record: nil))
        snap("error result")
        _ = w.update(.input(.key(.enter)))
        snap("field with a server message")
        w = Wizard.brokenDraft(backend: backend, file: "/tmp/\(Self.hostile).json", message: Self.hostile, rows: 30, cols: 120)
        snap("broken draft")
        w = Wizard.startScreen(backend: backend, rows: 30, cols: 120)
        _ = w.update(.input(.key(.down)))
        _ = w.update(.input(.key(.enter)))
        _ = w.update(.draftsListed(.success([DraftSummary(slug: "x", name: Self.hostile, file: "/d/x.json", modified: 1, errorCount: 0, warningCount: 0)])))
        snap("draft list")
        for (what, canvas) in screens {
            Self.assertClean(canvas, what)
        }
        // Escaped, not dropped: the user can see something odd is there.
        #expect(screens[0].1.plainText.contains("\\u{1B}"), "\(screens[0].1.plainText)")
        #expect(screens[1].1.plainText.contains("\\u{1B}") || screens[1].1.plainText.contains("\\u{202E}"), "\(screens[1].1.plainText)")
        #expect(screens.last!.1.plainText.contains("Evil"), "\(screens.last!.1.plainText)")
    }

    static let hostileVoices = """
    {"voices": [{"id": "v1\\u001b[2J", "name": "Ava\\u001b]0;pwned\\u0007", "language": "e\\u009bn", "provider": "p\\u202e", "description": "calm\\u001b[31m red \\u2066x"},
                {"id": "v2", "name": "Bidi\\u200f\\u200e\\u061c\\ufeff", "language": "en", "provider": "cartesia", "description": "tags \\udb40\\udc41\\udb40\\udc7f here"}]}
    """
    static let hostileAssistant = """
    {"id": "a\\u001b[2J1", "name": "Bob\\u001b[31m\\u202e", "voice": {"id": "v\\u001b1", "provider": "c\\u009b"}, "updated_at": "2025\\u001b[1m", "prompt": "p"}
    """

    @Test("CLI output of server text has no raw control characters", arguments: [
        ["voices"], ["voices", "--json"], ["assistants", "list"], ["assistants", "list", "--json"], ["assistants", "get", "a1"],
        ["assistants", "delete", "--yes", "a1"], ["submit", "DRAFT"], ["submit", "--json", "DRAFT"],
    ])
    func cliServerText(args: [String]) async throws {
        let server = try RawServer { method, path in
            switch (method, path) {
            case ("GET", "/voices"): return RawServer.json(Self.hostileVoices)
            case ("GET", "/assistants"): return RawServer.json("{\"assistants\": [\(Self.hostileAssistant)]}")
            case ("GET", _): return RawServer.json(Self.hostileAssistant)
            case ("DELETE", _): return RawServer.json("{\"message\": \"no \\u001b[2J way\\u202e\"}", status: 409)
            default: return RawServer.json("{\"message\": \"bad\\u001b]0;x\\u0007 \\u009b1m\", \"errors\": [{\"path\": \"name\\u001b\", \"message\": \"\\u001b[2Jno\"}]}", status: 422)
            }
        }
        defer { server.stop() }
        let home = try makeTempDir("inject")
        let draft = home + "/d.json"
        try Data(CanonicalJSON.encode(["name": "Front desk", "prompt": "You answer calls for {{company}}."])).write(to: URL(fileURLWithPath: draft))
        let r = try await wizardCLI(args.map { $0 == "DRAFT" ? draft : $0 },
                                    env: hermeticEnv(home, ["REVOX_API_KEY": "sk_test_0123456789abcdef", "REVOX_BASE_URL": server.baseURL]))
        #expect(!r.signalled)
        let bad = unsafeScalars(in: r.out + r.err, allowing: [0x0A, 0x09])
        #expect(bad.isEmpty, "\(args): raw characters \(bad.map { String($0, radix: 16) }) in:\n\(r.out)\(r.err)")
    }

    @Test("CLI output of draft text has no raw control characters", arguments: [
        ["validate", "DRAFT"], ["validate", "--json", "DRAFT"], ["preview", "DRAFT"], ["preview", "--curl", "DRAFT"], ["drafts"],
        ["drafts", "show", "evil"], ["submit", "--sandbox", "DRAFT"],
    ])
    func cliDraftText(args: [String]) async throws {
        let home = try makeTempDir("inject-draft")
        let drafts = home + "/data/assistant-wizard/drafts"
        try FileManager.default.createDirectory(atPath: drafts, withIntermediateDirectories: true)
        let draft = drafts + "/evil.json"
        let body: JSONValue = ["name": .string(Self.hostile), "prompt": .string("Hi \(Self.hostile) {{x}}"), "voice": ["id": .string("v\u{1B}[2J"), "provider": "cartesia\u{202E}"],
                               "webhook_url": .string("https://x.example/\u{1B}[2J")]
        try Data(CanonicalJSON.encode(body)).write(to: URL(fileURLWithPath: draft))
        let r = try await wizardCLI(args.map { $0 == "DRAFT" ? draft : $0 }, env: hermeticEnv(home))
        #expect(!r.signalled)
        // preview and drafts show print the exact bytes submit sends: JSON, whose encoder escapes every
        // control character; the invisible marks (valid JSON as they are) stay as the user wrote them.
        let exactBytes = args.first == "preview" || args.prefix(2) == ["drafts", "show"]
        let invisible = Set<UInt32>([0x061C, 0x200E, 0x200F, 0xFEFF]).union(0xE0000...0xE007F)
        let bad = unsafeScalars(in: r.out, allowing: exactBytes ? invisible.union([0x0A, 0x09]) : [0x0A, 0x09])
            + unsafeScalars(in: r.err, allowing: [0x0A, 0x09])
        #expect(bad.isEmpty, "\(args): raw characters \(bad.map { String($0, radix: 16) }) in:\n\(r.out)\(r.err)")
    }
}
