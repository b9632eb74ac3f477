import Foundation
import Testing

/// Hostile `--theme` files given to the real program in a terminal: each gets a warning on stderr
/// and the default theme, and the wizard opens. Before themes went through the drafts' parser and
/// guarded read, the first crashed (SIGSEGV), the second read until memory ran out, the third
/// waited forever for a writer.
@Suite("Bad theme files", .serialized, .enabled(if: Tmux.available))
struct BadThemeTests {
    /// Runs `new --sandbox --theme theme` in tmux (under a 4 GiB address-space limit, so reading
    /// forever fails fast instead of taking the machine's memory) until the wizard shows its first
    /// field or the program ends; returns the screen and what it wrote to stderr.
    static func open(theme: String, prelude: String = "") async throws -> (screen: String, stderr: String) {
        let dir = try makeTempDir("bad-theme")
        let err = dir + "/stderr.txt"
        let tmux = Tmux()
        defer { Task { await tmux.stop() } }
        let bin = try binary("assistant-wizard")
        try await tmux.start("\(prelude) ulimit -v 4194304; \(shellQuote(bin)) new --sandbox --theme \(shellQuote(theme)) 2>\(shellQuote(err)); echo EXIT=$?",
                             env: hermeticEnv(dir))
        let screen = try await tmux.waitFor("the wizard or its exit", timeout: 30) { $0.contains("Name") || $0.contains("EXIT=") }
        if screen.contains("Name") && !screen.contains("EXIT=") {
            try await tmux.keys("C-q")
            try await tmux.waitFor(text: "EXIT=")
        }
        await tmux.stop()
        return (screen, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    static func expectOpened(_ r: (screen: String, stderr: String), warning: String) {
        #expect(r.screen.contains("Name") && !r.screen.contains("EXIT="), "the wizard did not open:\n\(r.screen)\n\(r.stderr)")
        #expect(r.stderr.contains(warning) && r.stderr.contains("using the default theme"), "stderr: \(r.stderr)")
    }

    @Test("a theme nested 100,000 deep: a warning with the line and column, no crash")
    func deepNesting() async throws {
        let file = try makeTempDir("bad-theme-deep") + "/deep.json"
        try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: URL(fileURLWithPath: file))
        Self.expectOpened(try await Self.open(theme: file), warning: "theme \(file): line 1, column 513: arrays and objects are nested more than 512 levels deep")
    }

    @Test("--theme /dev/zero: refused at once as not a file, not read until memory runs out")
    func devZero() async throws {
        Self.expectOpened(try await Self.open(theme: "/dev/zero"), warning: "theme file /dev/zero: cannot read: it is not a file")
    }

    @Test("--theme on a FIFO: not waited on when nobody writes, stopped at 1 MiB when fed forever")
    func fifo() async throws {
        let dir = try makeTempDir("bad-theme-fifo")
        let silent = dir + "/silent.json", fed = dir + "/fed.json"
        #expect(mkfifo(silent, 0o600) == 0 && mkfifo(fed, 0o600) == 0)
        Self.expectOpened(try await Self.open(theme: silent), warning: "theme \(silent): line 1, column 1: the file is empty")
        // `yes` writes until the reader closes the FIFO (then SIGPIPE ends it).
        Self.expectOpened(try await Self.open(theme: fed, prelude: "yes '[' > \(shellQuote(fed)) &"),
                          warning: "theme file \(fed): cannot read: it is larger than 1 MiB")
    }
}
