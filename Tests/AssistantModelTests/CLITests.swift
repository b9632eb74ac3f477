import Foundation
import Testing
@testable import AssistantModel

/// Runs the real `assistant-wizard` binary that `swift build` put next to the test bundle.
struct CLI {
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for start in [dir, Bundle.main.bundleURL] {
            dir = start
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("assistant-wizard").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return "assistant-wizard-binary-not-found"
    }()

    let dataHome = makeTempDir("aw-cli")
    var work: String { dataHome }

    struct Result { let status: Int32; let stdout: String; let stderr: String; let stdoutBytes: Data }

    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], executable: String = CLI.binary) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: work)
        var e = ProcessInfo.processInfo.environment
        e["XDG_DATA_HOME"] = dataHome
        e["SWIFT_BACKTRACE"] = "interactive=no"
        e["REVOX_BASE_URL"] = nil
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self), stdoutBytes: o)
    }

    func write(_ name: String, _ text: String) -> String {
        let path = work + "/" + name
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return name
    }
}

@Suite struct CLITests {
    let cli = CLI()

    @Test func binaryIsThere() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "build the package first: \(CLI.binary)")
    }

    @Test func validateExitCodesAndLines() throws {
        let good = cli.write("good.json", #"{"name": "n", "prompt": "p", "webhook_url": "http://example.com"}"#)
        let bad = cli.write("bad.json", #"{"name": " ", "prompt": "p", "first_sentence_delay_ms": 600.0}"#)
        let notJSON = cli.write("broken.json", "{\n  \"name\": \"x\"\n  \"prompt\": \"y\"\n}")

        var r = try cli.run(["validate", good])
        #expect(r.status == 0)
        #expect(r.stdout == "good.json: webhook_url: warning: uses plain http; the call data will travel unencrypted (use https://)\n")

        r = try cli.run(["validate", good, bad])
        #expect(r.status == 1)
        #expect(r.stdout.contains("bad.json: name: error: Name must not be blank\n"))
        #expect(r.stdout.contains("bad.json: first_sentence_delay_ms: error: must be a whole number, found 600.0 (write 600, not 600.0)\n"))

        r = try cli.run(["validate", good, bad, notJSON])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.json: not valid JSON: line 3, column 3:"), "\(r.stderr)")

        r = try cli.run(["validate", "missing.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("missing.json: no such file"))

        r = try cli.run(["validate", cli.write("array.json", "[]")])
        #expect(r.status == 1)
        #expect(r.stdout.contains("array.json: (body): error: the request body must be a JSON object, not an array"))
    }

    @Test func validateWarnsAboutDuplicateKeys() throws {
        let dup = cli.write("dup.json", "{\"name\": \"a\",\n  \"prompt\": \"p\",\n  \"name\": \"b\"}")
        var r = try cli.run(["validate", dup])
        #expect(r.status == 0, "a duplicate is a warning: \(r.stderr)")
        #expect(r.stdout == "dup.json: name: warning: line 3, column 3: \"name\" is given a second time in this object "
                + "(first at line 1, column 2); the last value is used, the first is dropped\n", "\(r.stdout)")
        r = try cli.run(["validate", "--json", dup])
        let records = try JSONParser.parse(r.stdout).arrayValue ?? []
        #expect(records.count == 1 && records.first?.value(at: "path") == "name" && records.first?.value(at: "severity") == "warning")
    }

    @Test func validateJSON() throws {
        let bad = cli.write("bad2.json", #"{"prompt": "p"}"#)
        let notJSON = cli.write("broken2.json", "{,}")
        let r = try cli.run(["validate", "--json", bad, notJSON])
        #expect(r.status == 2)
        let arr = try JSONParser.parse(r.stdout).arrayValue ?? []
        #expect(arr.count == 2)
        #expect(arr.first == json(#"{"file": "bad2.json", "path": "name", "severity": "error", "message": "Name is required (a string)"}"#))
        #expect(arr.last?.value(at: "line") == 1 && arr.last?.value(at: "column") == 2)
        let empty = try cli.run(["validate", "--json", cli.write("ok.json", #"{"name": "n", "prompt": "p"}"#)])
        #expect(empty.status == 0 && empty.stdout == "[]\n")
    }

    @Test func previewPrintsTheCanonicalBytes() throws {
        let f = cli.write("p.json", #"{"zz": true, "prompt": "Grüße\n", "max_call_duration_secs": 600, "name": "n", "voice": {"provider": "cartesia", "id": "v"}}"#)
        let r = try cli.run(["preview", f])
        #expect(r.status == 0)
        let expected = CanonicalJSON.encode(try JSONParser.parse(String(contentsOfFile: cli.work + "/p.json", encoding: .utf8)))
        #expect(Array(r.stdoutBytes) == expected)
        #expect(r.stdout.contains("\"max_call_duration_secs\": 600,\n"))
        #expect(r.stderr == "p.json: zz: warning: \"zz\" is not a field of the API; it is kept and sent as is\n")

        let invalid = try cli.run(["preview", cli.write("i.json", #"{"name": "n"}"#)])
        #expect(invalid.status == 1 && invalid.stdout == "{\n  \"name\": \"n\"\n}\n" && invalid.stderr.contains("prompt: error"))
        let unreadable = try cli.run(["preview", cli.write("u.json", "nope")])
        #expect(unreadable.status == 2 && unreadable.stdout.isEmpty && unreadable.stderr.contains("line 1, column 1"))
    }

    @Test func previewCurlNeverShowsTheKey() throws {
        let f = cli.write("c.json", #"{"name": "It's", "prompt": "p"}"#)
        let secret = "sk-live-SECRET-123456"
        var r = try cli.run(["preview", "--curl", f], env: ["REVOX_API_KEY": secret])
        #expect(r.status == 0)
        #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret))
        #expect(r.stdout.hasPrefix("curl -sS -X POST 'https://www.getrevox.com/api/assistants' \\\n  -H \"Authorization: Bearer $REVOX_API_KEY\" \\\n"))
        #expect(r.stdout.hasSuffix("<<'JSON'\n{\n  \"name\": \"It's\",\n  \"prompt\": \"p\"\n}\nJSON\n"))
        r = try cli.run(["preview", "--curl", f], env: ["REVOX_BASE_URL": "http://127.0.0.1:8080/api/"])
        #expect(r.stdout.hasPrefix("curl -sS -X POST 'http://127.0.0.1:8080/api/assistants'"))
        // The command really sends the body: run it through sh with curl defined as cat.
        let sh = Process()
        sh.executableURL = URL(fileURLWithPath: "/bin/sh")
        sh.arguments = ["-c", "curl() { cat; }; " + r.stdout]
        let out = Pipe(); sh.standardOutput = out
        try sh.run()
        let sent = out.fileHandleForReading.readDataToEndOfFile()
        sh.waitUntilExit()
        #expect(Array(sent) == CanonicalJSON.encode(json(#"{"name": "It's", "prompt": "p"}"#)))
    }

    @Test func draftsListShowRemove() throws {
        let store = DraftStore(directory: cli.dataHome + "/assistant-wizard/drafts")
        var r = try cli.run(["drafts"])
        #expect(r.status == 0 && r.stdout.hasPrefix("No drafts in "))
        try store.create(json(#"{"name": "Front desk", "prompt": "p"}"#))
        try store.create(json(#"{"prompt": "p"}"#))
        try store.writeRecord(SubmissionRecord(assistantID: "asst_9", serverCopy: json("{}")), server: "https://www.getrevox.com/api", slug: "front-desk")
        r = try cli.run(["drafts", "list"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(r.stdout)")
        #expect(lines[0].hasPrefix("NAME") && lines[0].contains("FILE") && lines[0].contains("LAST CHANGE") && lines[0].contains("ERRORS"))
        #expect(lines[1].hasPrefix("Front desk") && lines[1].contains("front-desk.json") && lines[1].contains("asst_9"))
        #expect(lines[2].hasPrefix("(no name)") && lines[2].contains("untitled-1.json") && lines[2].contains(" 1 "))
        let j = try JSONParser.parse(try cli.run(["drafts", "list", "--json"]).stdout)
        #expect(j.value(at: "[1].errors") == 1 && j.value(at: "[0].assistant_id") == "asst_9")

        r = try cli.run(["drafts", "show", "front desk"])
        #expect(r.status == 0 && r.stdout == "{\n  \"name\": \"Front desk\",\n  \"prompt\": \"p\"\n}\n")
        #expect(r.stderr.contains("submitted to https://www.getrevox.com/api as asst_9"))
        r = try cli.run(["drafts", "show", "untitled-1"])
        #expect(r.status == 1 && r.stderr.contains("name: error"))
        r = try cli.run(["drafts", "show", "nobody"])
        #expect(r.status == 2 && r.stderr.contains("no draft named \"nobody\""))

        // Not a terminal and no --yes: refuse, keep the file.
        r = try cli.run(["drafts", "rm", "front-desk"], stdin: "y\n")
        #expect(r.status == 1 && r.stderr.contains("pass --yes"))
        #expect(FileManager.default.fileExists(atPath: store.file(for: "front-desk")))
        r = try cli.run(["drafts", "rm", "front-desk.json", "--yes"])
        #expect(r.status == 0 && r.stdout.contains("Deleted"))
        #expect(!FileManager.default.fileExists(atPath: store.file(for: "front-desk")))
        #expect(!FileManager.default.fileExists(atPath: store.metadataFile(for: "front-desk")))
        r = try cli.run(["drafts", "rm", "front-desk", "--yes"])
        #expect(r.status == 2)
    }
}

extension CLITests {
    /// The confirmation on a real terminal: `script` (util-linux) gives the command a pty on stdin.
    @Test(arguments: [("y\n", true), ("n\n", false), ("\n", false)])
    func removeAsksOnATerminal(_ answer: String, _ deleted: Bool) throws {
        let store = DraftStore(directory: cli.dataHome + "/assistant-wizard/drafts")
        try store.save(json(#"{"name": "Tty"}"#), slug: "tty")
        let r = try cli.run(["-qec", "\(CLI.binary) drafts rm tty", "/dev/null"], stdin: answer, executable: "/usr/bin/script")
        #expect(r.stdout.contains("Delete draft tty.json? [y/N]"), "\(r.stdout)")
        #expect(FileManager.default.fileExists(atPath: store.file(for: "tty")) == !deleted)
        #expect(r.status == (deleted ? 0 : 1))
    }
}

/// Issue 11: `--version`, and `-` for standard input.
@Suite struct VersionAndStdinTests {
    @Test func versionIsPrinted() throws {
        let cli = CLI()
        let r = try cli.run(["--version"])
        #expect(r.status == 0 && r.stdout == AssistantWizardVersion.current + "\n", "\(r.status) \(r.stdout) \(r.stderr)")
    }

    @Test func dashReadsStandardInput() throws {
        let cli = CLI()
        var r = try cli.run(["validate", "-"], stdin: #"{"name": "From stdin"}"#)
        #expect(r.status == 1 && r.stdout.contains("-: prompt: error"), "\(r.stdout) \(r.stderr)")
        r = try cli.run(["preview", "-"], stdin: #"{"prompt": "p", "name": "n"}"#)
        #expect(r.status == 0 && r.stdout == "{\n  \"name\": \"n\",\n  \"prompt\": \"p\"\n}\n", "\(r.stdout) \(r.stderr)")
    }

    @Test func submitDashSendsStandardInput() throws {
        let r = try CLI().run(["submit", "-", "--sandbox"], stdin: #"{"name": "Piped", "prompt": "p"}"#)
        #expect(r.status == 0 && r.stdout.contains("\"name\": \"Piped\""), "\(r.stdout) \(r.stderr)")
    }
}
