@testable import AssistantModel
import Foundation
import Testing

/// The draft on disk is always a whole version, whenever the program dies; two copies on one
/// draft cannot overwrite each other.
@Suite("Crash safety of drafts", .serialized, .enabled(if: Tmux.available))
struct CrashSafetyTests {
    /// A 1 MB prompt makes each autosave long enough (write + fsync) for kills to land inside it.
    static let prompt = String(repeating: "You answer the phone for the clinic and book visits. ", count: 20_000)

    @Test("SIGKILL at random moments while typing and autosaving: the draft is always a whole version")
    func killWhileSaving() async throws {
        let kills = count(ci: 12, full: 300)
        let dir = try makeTempDir("crash")
        let file = dir + "/crash.json"
        try Data(CanonicalJSON.encode(["name": "Crash", "prompt": .string(Self.prompt)])).write(to: URL(fileURLWithPath: file))
        let bin = try binary("assistant-wizard")
        let tmux = Tmux()
        // The loop restarts the wizard on the same draft after each kill (it must take over the stale lock).
        try await tmux.start("while :; do \(shellQuote(bin)) edit \(shellQuote(file)) 2>>\(shellQuote(dir + "/stderr.log")); sleep 0.05; done",
                             env: hermeticEnv(try makeTempDir()))
        var rng = SeededRandom(seed: 7)
        var name = "Crash"          // the name in the newest whole version seen on disk
        var typed = ""              // typed since that version
        var previousPID: pid_t = -1
        var killedDuringSave = 0
        var leftovers = 0
        for i in 0..<kills {
            // Wait for a fresh copy of the program, drawn and ready.
            let root = try #require(try await tmux.panePID())
            var pid: pid_t?
            let deadline = Date().addingTimeInterval(15)
            while Date() < deadline {
                if let p = findProcess(named: "assistant-wizard", under: root), p != previousPID, isAlive(p) { pid = p; break }
                await pause(0.02)
            }
            let victim = try #require(pid, "iteration \(i): no new wizard started")
            previousPID = victim
            try await tmux.waitFor("the form") { $0.contains("Name") && $0.contains(name.suffix(20)) }
            // Type a few letters with random gaps, then kill at a random moment.
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let c = String(letters[Int(rng.next() % 26)])
                try await tmux.literal(c)
                typed += c
                await pause(Double(rng.next() % 250) / 1000)
            }
            await pause(Double(rng.next() % 400) / 1000)
            kill(victim, SIGKILL)
            while isAlive(victim) { await pause(0.01) }
            let tmp = (try? FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }.count) ?? 0
            if tmp > leftovers { killedDuringSave += 1 }
            leftovers = tmp

            // Whatever happened, the file is one whole version: the old one or a newer one.
            let bytes = try #require(fileBytes(file), "iteration \(i): the draft is gone")
            let body: JSONValue
            do { body = try JSONParser.parse(bytes) } catch {
                Issue.record("iteration \(i): the draft is not whole JSON after SIGKILL: \(error)")
                break
            }
            #expect(body.objectValue?["prompt"]?.stringValue == Self.prompt, "iteration \(i): the prompt was damaged")
            let saved = try #require(body.objectValue?["name"]?.stringValue, "iteration \(i): no name")
            // Keys sent just before a kill may stay in the terminal and reach the next copy, so what
            // was added must be some of the letters typed, in order, after the previous version.
            #expect(saved.hasPrefix(name) && isSubsequence(saved.dropFirst(name.count), of: typed),
                    "iteration \(i): saved name …\(saved.suffix(30)) is neither the previous (…\(name.suffix(30))) nor a newer version (typed since: \(typed.suffix(30)))")
            name = saved
            typed = String(typed.suffix(40))
        }
        await tmux.stop()
        // Every kill was followed by a clean start: the stale lock never blocked the next copy.
        let log = (try? String(contentsOfFile: dir + "/stderr.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("is open in another"), "a stale lock blocked a restart:\n\(log.suffix(500))")
        print("kill-while-saving: \(kills) kills, \(killedDuringSave) of them left a half-written temporary file (the draft itself stayed whole)")
    }

    @Test("two copies on one draft: the second is told who has it; nothing is lost")
    func twoCopies() async throws {
        let dir = try makeTempDir("two-copies")
        let file = dir + "/shared.json"
        try Data(CanonicalJSON.encode(["name": "Shared", "prompt": "p"])).write(to: URL(fileURLWithPath: file))
        let bin = try binary("assistant-wizard")
        let env = hermeticEnv(try makeTempDir())
        let first = Tmux(), second = Tmux()
        try await first.start("\(shellQuote(bin)) edit \(shellQuote(file)); echo EXIT=$?", env: env)
        try await first.waitFor(text: "Name")
        try await first.literal(" one")
        try await second.start("\(shellQuote(bin)) edit \(shellQuote(file)); echo EXIT=$?", env: env)
        let told = try await second.waitFor(text: "EXIT=")
        let firstPID = try #require(findProcess(named: "assistant-wizard", under: try await first.panePID() ?? -1))
        // The message wraps at the pane's edge.
        let joined = told.replacingOccurrences(of: "\n", with: "")
        #expect(joined.contains("open in another program (assistant-wizard, pid \(firstPID))"), "\(told)")
        #expect(told.contains("EXIT=2"))
        // The first copy is unaffected and saves what was typed.
        try await first.literal(" more")
        try await first.keys("C-q")
        try await first.waitFor(text: "EXIT=0")
        let body = try JSONParser.parse(try #require(fileBytes(file)))
        #expect(body.objectValue?["name"]?.stringValue == "Shared one more")
        #expect(!FileManager.default.fileExists(atPath: DraftLock.path(for: file)), "the lock outlived its program")
        // Once the first has quit, the second opens it.
        let third = Tmux()
        try await third.start("\(shellQuote(bin)) edit \(shellQuote(file)); echo EXIT=$?", env: env)
        try await third.waitFor(text: "Shared one more")
        try await third.keys("C-q")
        try await third.waitFor(text: "EXIT=0")
        for t in [first, second, third] { await t.stop() }
    }

    @Test("DraftLock: held by a live pid, stale when the pid is dead, released only by its owner")
    func lockRules() throws {
        let dir = try makeTempDir("lock")
        let file = dir + "/d.json"
        let mine = try #require(try DraftLock.acquire(draftFile: file))
        #expect(mine.path == dir + "/.d.lock")
        // Another live process (our parent stands in for it) is refused.
        do {
            _ = try DraftLock.acquire(draftFile: file, pid: getppid())
            Issue.record("a lock held by a live process was taken")
        } catch {
            guard case .heldBy(let pid, let draft, let lockFile, let process) = error else { return }
            #expect(pid == getpid() && draft == file && lockFile == mine.path)
            // The refusal names the lock file and the process holding it.
            #expect(process.contains("xctest") || process.contains("assistant-wizard"), "\(process)")
            #expect(error.description.contains(mine.path))
        }
        mine.release(pid: getppid()) // not the owner: stays
        #expect(FileManager.default.fileExists(atPath: mine.path))
        mine.release()
        #expect(!FileManager.default.fileExists(atPath: mine.path))
        // A dead owner's lock is taken over.
        try Data("999999\n".utf8).write(to: URL(fileURLWithPath: mine.path))
        #expect(try DraftLock.acquire(draftFile: file) != nil)
        // A live pid that is not the process that wrote the lock (the pid was reused after a
        // crash; its start time differs) is stale: the user is not locked out.
        try Data("\(getppid()) 1\n".utf8).write(to: URL(fileURLWithPath: mine.path))
        #expect(try DraftLock.acquire(draftFile: file) != nil)
        // An old-format lock naming a live pid of an unrelated program is stale too.
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate() }
        try Data("\(sleeper.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: mine.path))
        #expect(try DraftLock.acquire(draftFile: file) != nil)
        // An empty or garbled lock file (a crash between create and write) is stale too.
        try Data("".utf8).write(to: URL(fileURLWithPath: mine.path))
        #expect(try DraftLock.acquire(draftFile: file) != nil)
    }
}

/// True when the letters of `part` appear in `whole` in the same order (not necessarily adjacent).
func isSubsequence(_ part: Substring, of whole: String) -> Bool {
    var it = whole.makeIterator()
    return part.allSatisfy { c in while let w = it.next() { if w == c { return true } }; return false }
}
