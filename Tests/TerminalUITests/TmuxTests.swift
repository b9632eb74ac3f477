import Foundation
import Testing
@testable import TerminalUI

/// The real terminal: the built tui-demo in tmux. Locale, wide characters on screen, resize,
/// bracketed paste, and that the terminal is restored after every way of ending.
@Suite(.serialized) struct TmuxTests {
    func startDemo(_ h: TmuxHarness, arguments: [String] = [], environment: [String: String] = [:], jobControl: Bool = false) throws -> Bool {
        guard let bin = TmuxHarness.demoBinary() else {
            Issue.record("tui-demo is not built beside the test bundle (\(CommandLine.arguments[0])): run `swift build --build-tests` first")
            return false
        }
        try h.start(binary: bin, arguments: arguments, environment: environment, jobControl: jobControl)
        let up = h.waitFor("theme ")
        #expect(up, "the demo's first frame did not appear:\n\(h.screen())")
        return up
    }

    /// After the demo ended: the exit status, tty modes identical to before, no alternate screen,
    /// no mouse tracking, cursor visible.
    func expectRestored(_ h: TmuxHarness, exit expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let code = h.waitForFile("exit")?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code == expected, "exit status; screen:\n\(h.screen(history: true))", sourceLocation: sourceLocation)
        guard let (before, after) = h.sttyBeforeAndAfter() else {
            Issue.record("the wrapper did not record stty", sourceLocation: sourceLocation); return
        }
        #expect(before == after, "tty modes changed:\nbefore: \(before)\nafter:  \(after)", sourceLocation: sourceLocation)
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).contains(Substring(mode)),
                    "\(mode) is off", sourceLocation: sourceLocation)
        }
        let flags = h.tmux(["display", "-p", "-t", "t", "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(flags == "0 0 1", "alternate_on mouse_any_flag cursor_flag = \(flags)", sourceLocation: sourceLocation)
    }

    @Test func wideCharactersPasteAndNormalExit() throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h) else { return }
        h.sendLiteral("é中文😀")
        #expect(h.waitFor("Name: [é中文😀]|"), "\(h.screen())")
        // The marker after the text lands at the column the layout computed: wide chars take 2.
        let line = h.screen().split(separator: "\n").first { $0.contains("Name: [") }.map(String.init) ?? ""
        if let bar = line.range(of: "]|") {
            #expect(displayWidth(line[..<bar.lowerBound]) + 1 == 52 + displayWidth("Name: [é中文😀]"))
        } else { Issue.record("no marker line:\n\(h.screen())") }
        #expect(h.screen().contains("7 columns"))

        // A bracketed paste with a newline into a single-line field: one event, no submit.
        h.sendLiteral("\u{1B}[200~one\ntwo\u{1B}[201~")
        #expect(h.waitFor("Pastes: 1 (2 lines, 7 chars)"), "\(h.screen())")
        #expect(h.screen().contains("Name: [é中文😀one two]|"))
        #expect(h.screen().contains("focus: name"))

        // Into the text area: newlines kept, inserted once.
        h.sendKeys("Tab", "Tab")
        #expect(h.waitFor("focus: prompt"))
        h.sendLiteral("\u{1B}[200~first\nsecond\nthird 中文\u{1B}[201~")
        #expect(h.waitFor("Prompt: 3 lines"), "\(h.screen())")
        #expect(h.screen().contains("Pastes: 2"))
        #expect(h.screen().contains("third 中文"))

        h.sendKeys("C-q")
        expectRestored(h, exit: "0")
    }

    @Test func resizeReflowsAndShowsTheMinimumSize() throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h) else { return }
        h.tmux(["resize-window", "-t", "t", "-x", "120", "-y", "40"])
        #expect(h.waitFor("120×40"), "\(h.screen())")
        h.tmux(["resize-window", "-t", "t", "-x", "60", "-y", "20"])
        #expect(h.waitFor("Make it at least 80×24"), "\(h.screen())")
        h.tmux(["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        #expect(h.waitFor("100×30"), "\(h.screen())")
        #expect(h.screen().contains("Voice"))
        h.sendKeys("C-q")
        expectRestored(h, exit: "0")
    }

    @Test(arguments: [("TERM", "143"), ("HUP", "129"), ("INT", "130"), ("QUIT", "131")])
    func restoredAfterSignal(signal: String, exit: String) throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h) else { return }
        guard let pid = h.demoPID else { Issue.record("no pid file"); return }
        let sig = ["TERM": SIGTERM, "HUP": SIGHUP, "INT": SIGINT, "QUIT": SIGQUIT][signal]!
        kill(pid, sig)
        expectRestored(h, exit: exit)
    }

    @Test func restoredAfterCrashWithTheMessageReadable() throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h) else { return }
        h.sendKeys("C-x") // the demo's crash-on-purpose key: fatalError → SIGILL
        expectRestored(h, exit: "132")
        #expect(h.waitFor(history: true) { $0.contains("crash requested (tui-demo Ctrl-X)") },
                "the crash message is not on the screen:\n\(h.screen(history: true))")
    }

    @Test func ctrlZSuspendsWithTheTerminalRestoredAndResumes() throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h, jobControl: true) else { return }
        h.sendLiteral("kept")
        #expect(h.waitFor("Name: [kept]|"))
        h.sendKeys("C-z")
        let flags = { h.tmux(["display", "-p", "-t", "t", "#{alternate_on} #{mouse_any_flag}"]).output.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(h.waitFor { _ in flags() == "0 0" }, "suspended: the alternate screen and mouse should be off, got \(flags())")
        #expect(h.waitFor("Stopped"), "the shell did not see the job stop:\n\(h.screen())")
        h.sendLiteral("fg")
        h.sendKeys("Enter")
        #expect(h.waitFor { _ in flags() == "1 1" }, "resumed: full screen again, got \(flags())")
        #expect(h.waitFor("Name: [kept]|"), "\(h.screen())")
        h.sendLiteral("!")
        #expect(h.waitFor("Name: [kept!]|"), "typing works after resume:\n\(h.screen())")
        h.sendKeys("C-q")
        expectRestored(h, exit: "0")
    }

    @Test func nonUTF8LocaleFallsBackToCUTF8() throws {
        let h = try TmuxHarness()
        defer { h.stop() }
        guard try startDemo(h, environment: ["LANG": "C", "LC_ALL": "C"]) else { return }
        h.sendLiteral("é中文")
        #expect(h.waitFor("Name: [é中文]|"), "typed non-ASCII was lost:\n\(h.screen())")
        h.sendKeys("C-q")
        expectRestored(h, exit: "0")
        #expect(h.waitFor(history: true) { $0.contains("using C.UTF-8") }, "no locale warning after exit:\n\(h.screen(history: true))")
    }
}
