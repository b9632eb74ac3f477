import Foundation
import Testing

/// After a normal exit, each terminating signal and a forced crash, the terminal is back in its
/// normal modes (checked with `stty` in the same tmux pane), and a crash says so readably.
@Suite("Terminal restore", .serialized, .enabled(if: Tmux.available))
struct TerminalRestoreTests {
    enum Ending: String, CaseIterable, Sendable { case quit, SIGINT, SIGTERM, SIGHUP, SIGQUIT, crash }

    static func signalNumber(_ e: Ending) -> Int32? {
        switch e {
        case .quit: return nil
        case .SIGINT: return SIGINT
        case .SIGTERM: return SIGTERM
        case .SIGHUP: return SIGHUP
        case .SIGQUIT: return SIGQUIT
        // A fault sent from outside: the same path as a real crash (handler, backtracer, re-raise).
        case .crash: return SIGSEGV
        }
    }

    /// The modes a shell expects, as `stty -a` prints them.
    static let normalModes = ["icanon", "echo", "isig", "icrnl", "opost", "iexten", "echoe"]

    static func modes(_ stty: String) -> Set<String> {
        Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init).filter { !$0.contains("=") })
    }

    @Test("the terminal is restored", arguments: Ending.allCases)
    func restored(_ ending: Ending) async throws {
        let dir = try makeTempDir("restore")
        let bin = try binary("assistant-wizard")
        let tmux = Tmux()
        try await tmux.start("stty -a > \(dir)/before; \(shellQuote(bin)) new; echo EXIT=$?; stty -a > \(dir)/after; sleep 30",
                             env: hermeticEnv(dir))
        try await tmux.waitFor(text: "Name")
        #expect(try await tmux.tmux(["display-message", "-p", "#{alternate_on}"]).out.hasPrefix("1"), "the wizard is not on the alternate screen")
        if let sig = Self.signalNumber(ending) {
            let pid = try #require(findProcess(named: "assistant-wizard", under: try await tmux.panePID() ?? -1))
            kill(pid, sig)
        } else {
            try await tmux.keys("C-q")
        }
        // A crash report in a debug build takes a while to symbolicate.
        let screen = try await tmux.waitFor(text: "EXIT=", timeout: ending == .crash ? 90 : 20)
        var after = ""
        for _ in 0..<100 where after.isEmpty {
            after = (try? String(contentsOfFile: dir + "/after", encoding: .utf8)) ?? ""
            await pause(0.05)
        }
        let before = (try? String(contentsOfFile: dir + "/before", encoding: .utf8)) ?? ""
        let on = Self.modes(after)
        for m in Self.normalModes { #expect(on.contains(m) && !on.contains("-" + m), "\(ending): \(m) is off after exit:\n\(after)") }
        #expect(Self.modes(before) == on, "\(ending): modes differ from before: \(Self.modes(before).symmetricDifference(on))")
        let flags = try await tmux.tmux(["display-message", "-p", "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"]).out
        #expect(flags.hasPrefix("0 0 1"), "\(ending): alternate screen / mouse / cursor after exit: \(flags)")
        switch ending {
        case .quit: #expect(screen.contains("EXIT=0"), "\(screen)")
        case .crash:
            #expect(screen.contains("EXIT=139"), "\(screen)")
            // The crash report is on the restored screen, not lost on the alternate screen.
            let all = try await tmux.tmux(["capture-pane", "-p", "-S", "-200"]).out
            #expect(all.contains("crash") || all.contains("Crash") || all.contains("Segmentation"), "no readable crash message:\n\(all)")
        default:
            let code = 128 + (Self.signalNumber(ending) ?? 0)
            #expect(screen.contains("EXIT=\(code)"), "\(ending): \(screen)")
        }
        await tmux.stop()
    }
}
