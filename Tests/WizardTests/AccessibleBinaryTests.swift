import AssistantModel
import Foundation
import Testing

/// The real program with its answers piped in, against its built-in sandbox.
@Suite("Accessible mode: the program")
struct AccessibleBinaryTests {
    static var binary: URL? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL.deletingLastPathComponent(), here.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent("assistant-wizard") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the program with `input` on stdin in a fresh data directory; blocking waits happen on a
    /// dispatch thread, not on the concurrency pool.
    static func run(_ args: [String], input: String, env extra: [String: String] = [:]) async throws -> (status: Int32, out: String, data: URL) {
        let bin = try #require(binary, "assistant-wizard not found beside the tests; build with swift build --build-tests")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("a11y-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        p.environment = ["HOME": dir.path, "XDG_DATA_HOME": dir.appendingPathComponent("data").path,
                         "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path, "LANG": "C.UTF-8",
                         "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "interactive=no"].merging(extra) { _, b in b }
        let stdin = Pipe(), stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stdout
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = await withCheckedContinuation { (done: CheckedContinuation<Data, Never>) in
            DispatchQueue.global().async {
                let data = stdout.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                done.resume(returning: data)
            }
        }
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), dir.appendingPathComponent("data/assistant-wizard/drafts"))
    }

    @Test func aPipedSessionCreatesAnAssistantInTheSandbox() async throws {
        let r = try await Self.run(["new", "--accessible", "--sandbox"],
                                   input: "Front desk\nYou answer calls for {{company}}.\nKatie\n1\n\n\nreview\nyes\n")
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("SANDBOX"))
        #expect(r.out.contains("Picked Katie, en, cartesia."))
        #expect(r.out.contains("Created assistant "))
        #expect(!r.out.contains("\u{1B}["), "no colour or cursor movement")
        let body = try DraftStore.loadBody(file: r.data.appendingPathComponent("front-desk.json").path)
        #expect(body.value(at: "name") == "Front desk")
        #expect(body.value(at: "voice.provider") == "cartesia")
        // The built-in sandbox is gone when the program ends: what it created is not recorded, so
        // the draft can still be sent to Revox.
        #expect(try DraftStore(directory: r.data.path).metadata("front-desk") == nil)
    }

    @Test func termDumbAsksInLinesAndEndOfInputKeepsTheDraft() async throws {
        let r = try await Self.run(["new", "--sandbox"], input: "Night line\n", env: ["TERM": "dumb"])
        #expect(r.status == 3, "saved but not complete (no prompt): \(r.out)")
        #expect(r.out.contains("Step 1 of 10: Basics."))
        #expect(r.out.contains("End of input."))
        let body = try DraftStore.loadBody(file: r.data.appendingPathComponent("night-line.json").path)
        #expect(body.value(at: "name") == "Night line")
    }

    /// Forgetting --accessible with a pipe on stdin: the line mode runs (and says so on stderr),
    /// "quit" is a command, not the assistant's name, and the program ends at the end of input.
    @Test func pipedStdinWithoutAccessibleGetsTheLineMode() async throws {
        let r = try await Self.run(["new", "--sandbox"], input: "quit\n", env: ["TERM": "xterm-256color"])
        #expect(r.out.contains("standard input is not a terminal: running the line-by-line mode (--accessible)."), "\(r.out)")
        #expect(r.out.contains("Step 1 of 10: Basics."))
        #expect(!r.out.contains("\u{1B}["), "no escape codes drawn into the pipe")
        #expect(!FileManager.default.fileExists(atPath: r.data.appendingPathComponent("quit.json").path))
        #expect(r.status == 3, "nothing typed: no complete draft")
        let eof = try await Self.run(["new", "--sandbox"], input: "", env: ["TERM": "xterm-256color"])
        #expect(eof.out.contains("End of input."), "\(eof.out)")
        #expect(eof.status == 3)
        let done = try await Self.run(["new", "--sandbox"], input: "Front desk\nYou answer calls.\n", env: ["TERM": "xterm-256color"])
        #expect(done.status == 0, "a complete draft, saved: \(done.out)")
    }
}
