@testable import AssistantModel
import Foundation
import Testing

/// Hostile draft files: each gets a clear message naming the file and the problem from `validate`,
/// `preview`, `edit FILE` and the draft store; nothing crashes and no file's bytes change.
@Suite("Bad draft files", .serialized)
struct BadDraftTests {
    /// JSON a draft may hold with warnings only: duplicate keys keep the last value, and say so.
    static let accepted: Set<String> = ["duplicate-keys.json"]

    /// Corpus files that are not JSON at all (the rest are JSON a draft should not hold).
    static let unparsable: Set<String> = ["not-json.json", "truncated.json", "invalid-utf8.json", "nul-byte.json", "empty.json",
                                         "trailing-garbage.json", "deep-nesting-10000.json", "deep-unclosed-10000.json",
                                         "deep-objects-10000.json", "lone-surrogate.json"]

    static var corpusDir: String {
        Bundle.module.url(forResource: "Corpus", withExtension: nil)?.path ?? packageRoot.path + "/Tests/HardeningTests/Corpus"
    }

    static var corpus: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpusDir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// A copy of a corpus file in a fresh folder (the tests never touch the corpus itself).
    static func copy(_ name: String) throws -> String {
        let dir = try makeTempDir("bad-draft")
        let path = dir + "/" + name
        try FileManager.default.copyItem(atPath: corpusDir + "/" + name, toPath: path)
        return path
    }

    @Test("the corpus is there")
    func corpusPresent() {
        #expect(Self.corpus.count >= 14, "\(Self.corpus)")
        #expect(Self.unparsable.isSubset(of: Set(Self.corpus)))
    }

    @Test("validate and preview: a message naming the file and the problem; file unchanged", arguments: corpus)
    func commandLine(name: String) async throws {
        let file = try Self.copy(name)
        let before = fileBytes(file)
        let env = hermeticEnv(try makeTempDir())
        for command in [["validate", file], ["validate", "--json", file], ["preview", file], ["preview", "--curl", file]] {
            let r = try await wizardCLI(command, env: env)
            #expect(!r.signalled, "\(command) crashed: \(r.err)")
            #expect(r.status == (Self.unparsable.contains(name) ? 2 : Self.accepted.contains(name) ? 0 : 1), "\(command): exit \(r.status)\n\(r.err)")
            let said = r.out + r.err
            if !Self.accepted.contains(name) || command[0] == "validate" {
                #expect(said.contains(file), "\(command) does not name the file:\n\(said)")
            }
            if name == "duplicate-keys.json" && command[0] == "validate" {
                #expect(said.contains("given a second time") && said.contains("line 1, column 15"), "\(command) does not warn:\n\(said)")
            }
            if Self.unparsable.contains(name) {
                #expect(said.contains("not valid JSON") || said.contains("JSON"), "\(command) does not say what is wrong:\n\(said)")
                #expect(said.contains("line ") || said.contains("\"line\""), "\(command) does not say where:\n\(said)")
            }
            #expect(unsafeScalars(in: said, allowing: [0x0A, 0x09]).isEmpty, "\(command) printed raw control characters")
        }
        #expect(fileBytes(file) == before, "\(name) was changed")
    }

    @Test("DraftStore: a typed error naming the file; file unchanged", arguments: corpus)
    func draftStore(name: String) throws {
        let file = try Self.copy(name)
        let before = fileBytes(file)
        let dir = (file as NSString).deletingLastPathComponent
        let store = DraftStore(directory: dir)
        let slug = String(name.dropLast(5))
        do {
            let body = try store.load(slug)
            #expect(!Self.unparsable.contains(name), "\(name) loaded: \(body)")
            _ = Validator.validate(body)
        } catch {
            #expect(Self.unparsable.contains(name) || name == "top-level-array.json", "\(name): \(error)")
            #expect(error.description.contains(file), "\(error.description)")
        }
        let list = try store.list()
        #expect(list.count == 1)
        if Self.unparsable.contains(name) { #expect(list.first?.loadError != nil) }
        #expect(fileBytes(file) == before)
    }

    @Test("100 MB of text: refused with a message, quickly, file unchanged")
    func hundredMegabytes() async throws {
        let dir = try makeTempDir("bad-draft-big")
        let file = dir + "/big.json"
        let line = Array(String(repeating: "lorem ipsum dolor sit amet ", count: 37).utf8) + [0x0A]
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let h = try #require(FileHandle(forWritingAtPath: file))
        var chunk = [UInt8]()
        while chunk.count < 1 << 20 { chunk += line }
        for _ in 0..<100 { h.write(Data(chunk)) }
        try h.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(size >= 100_000_000)
        let mtime = FileIO.modificationTime(file)
        let env = hermeticEnv(try makeTempDir())
        for command in [["validate", file], ["preview", file]] {
            let r = try await wizardCLI(command, env: env, timeout: 60)
            #expect(!r.signalled && r.status == 2, "\(command): \(r.status) \(r.err.prefix(300))")
            #expect(r.err.contains(file))
        }
        #expect(FileIO.modificationTime(file) == mtime)
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) == size)
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test("a directory, a dangling symlink, a symlink loop, a FIFO or a device in place of the file")
    func notAFile() async throws {
        let dir = try makeTempDir("bad-draft-kind")
        try FileManager.default.createDirectory(atPath: dir + "/folder.json", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: dir + "/nowhere.json")
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop.json", withDestinationPath: dir + "/loop.json")
        #expect(mkfifo(dir + "/fifo.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.json", withDestinationPath: "/dev/zero")
        let env = hermeticEnv(try makeTempDir())
        for name in ["folder.json", "dangling.json", "loop.json", "fifo.json", "zero.json"] {
            let file = dir + "/" + name
            for command in [["validate", file], ["preview", file]] {
                let r = try await wizardCLI(command, env: env, timeout: 20)
                #expect(!r.signalled && r.status == 2, "\(command): exit \(r.status) \(r.err)")
                #expect(r.err.contains(file), "\(command): \(r.err)")
            }
            #expect(throws: DraftError.self) { try DraftStore(directory: dir).load(String(name.dropLast(5))) }
        }
        // Still what they were.
        #expect(FileIO.isDirectory(dir + "/folder.json"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/dangling.json")) == dir + "/nowhere.json")
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere.json"))
    }

    @Test("edit FILE opens the cannot-be-opened screen or refuses with a message; file unchanged",
          .enabled(if: Tmux.available), arguments: ["not-json.json", "truncated.json", "invalid-utf8.json", "nul-byte.json", "empty.json",
                                                     "deep-unclosed-10000.json", "top-level-array.json"])
    func editInTheWizard(name: String) async throws {
        let file = try Self.copy(name)
        let before = fileBytes(file)
        let home = try makeTempDir()
        let tmux = Tmux()
        defer { Task { await tmux.stop() } }
        let bin = try binary("assistant-wizard")
        try await tmux.start("\(shellQuote(bin)) edit \(shellQuote(file)); echo EXIT=$?", env: hermeticEnv(home))
        let screen = try await tmux.waitFor("the broken-draft screen") { $0.contains("cannot be opened") || $0.contains("EXIT=") }
        #expect(screen.contains("cannot be opened"), "\(screen)")
        #expect(screen.contains(name), "the screen does not name the file:\n\(screen)")
        #expect(screen.contains("left untouched"))
        try await tmux.keys("q")
        let end = try await tmux.waitFor(text: "EXIT=", timeout: 60)
        #expect(end.contains("EXIT=0") || end.contains("EXIT=2"), "\(end)")
        #expect(fileBytes(file) == before, "\(name) changed")
        await tmux.stop()
    }

    /// Opens `file` in the wizard under `prefix` (a shell prelude), types into the name, and
    /// expects the save to fail on screen with the file named, and the file to stay as it was.
    static func saveFails(_ file: String, prefix: String, runAs: [String] = []) async throws {
        let before = fileBytes(file)
        let home = try makeTempDir()
        chmod(home, 0o777)
        let tmux = Tmux()
        let bin = try binary("assistant-wizard")
        let command = (runAs + [bin, "edit", file]).map(shellQuote).joined(separator: " ")
        try await tmux.start("\(prefix) \(command); echo EXIT=$?", env: hermeticEnv(home))
        try await tmux.waitFor(text: "Name")
        try await tmux.literal("xyz")
        let screen = try await tmux.waitFor("a save failure") { $0.contains("Could not save") }
        #expect(screen.contains((file as NSString).lastPathComponent), "the failure does not name the file:\n\(screen)")
        #expect(screen.contains("xyz"), "what was typed is no longer on screen:\n\(screen)")
        // Quitting does not drop the edits silently: it asks; losing them is a choice, exit 1.
        try await tmux.keys("C-q")
        try await tmux.waitFor(text: "could not be saved")
        try await tmux.keys("l")
        let end = try await tmux.waitFor(text: "EXIT=")
        #expect(end.contains("EXIT=1"), "\(end)")
        await tmux.stop()
        #expect(fileBytes(file) == before, "the draft changed")
        let dir = (file as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test("a read-only folder: the save fails with a message naming the file; the draft survives", .enabled(if: Tmux.available))
    func readOnlyFolder() async throws {
        let dir = try makeTempDir("bad-draft-ro")
        let file = dir + "/old.json"
        try Data(CanonicalJSON.encode(["name": "Old", "prompt": "p"])).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o444)
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        // Root ignores permissions: as root the wizard runs as `nobody`.
        let runAs = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
        try await Self.saveFails(file, prefix: "", runAs: runAs)
    }

    @Test("a full disk (file-size limit): the save fails, the draft survives whole", .enabled(if: Tmux.available))
    func fullDisk() async throws {
        // Emulated with RLIMIT_FSIZE (`ulimit -f`, SIGXFSZ ignored) in the child: every write past the
        // limit fails with EFBIG, as on a full disk; a tmpfs would need root, which CI may not have.
        let dir = try makeTempDir("bad-draft-full")
        let file = dir + "/big.json"
        let prompt = String(repeating: "a long prompt ", count: 2000)
        try Data(CanonicalJSON.encode(["name": "Old", "prompt": .string(prompt)])).write(to: URL(fileURLWithPath: file))
        try await Self.saveFails(file, prefix: "trap '' XFSZ; ulimit -f 8;")
    }
}
