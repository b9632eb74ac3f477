import ArgumentParser
@testable import Commands
import Testing

/// The fast start path (FastStart.swift) skips ArgumentParser for plain wizard command lines. It
/// must take every flag the wizard commands declare, exactly as the parser does: a flag added to
/// WizardOptions and not to the fast path fails here instead of silently slowing start-up.
@Suite struct FastStartTests {
    static let commands: [(name: String, type: any ParsableCommand.Type, needsDraft: Bool)] = [
        ("wizard", WizardCommand.self, false), ("new", NewCommand.self, false), ("edit", EditCommand.self, true),
    ]

    /// Long flags in a command's help, and whether each takes a value (`--theme <NAME|PATH>`).
    static func flags(of type: any ParsableCommand.Type) -> [(flag: String, takesValue: Bool)] {
        let help = type.helpMessage(columns: 400)
        // Only the options section: the examples above it use flags too (`--theme light`).
        let options = help.range(of: "OPTIONS:").map { help[$0.upperBound...] } ?? help[...]
        var out: [(String, Bool)] = []
        for line in options.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let i = words.firstIndex(where: { $0.hasPrefix("--") }) else { continue }
            let flag = String(words[i].split(separator: ",")[0])
            guard !["--help", "--version"].contains(flag), !out.contains(where: { $0.0 == flag }) else { continue }
            out.append((flag, i + 1 < words.count && words[i + 1].hasPrefix("<")))
        }
        return out
    }

    static func settings(_ parsed: any ParsableCommand) -> WizardSettings? {
        switch parsed {
        case let c as WizardCommand: return c.options.settings
        case let c as NewCommand: return c.options.settings
        case let c as EditCommand: return c.options.settings
        default: return nil
        }
    }

    @Test func everyWizardFlagTakesTheFastPathWithTheParsersMeaning() throws {
        for c in Self.commands {
            let flags = Self.flags(of: c.type)
            #expect(flags.count >= 5, "\(c.name): found only \(flags.map(\.flag))")
            for f in flags {
                let args = [c.name] + (c.needsDraft ? ["front-desk"] : []) + [f.flag] + (f.takesValue ? [f.flag == "--api" ? "latest" : "value-1"] : [])
                let fast = WizardSettings.fastPath(args)
                #expect(fast != nil, "the fast path refuses \(args.joined(separator: " "))")
                let parsed = try AssistantWizardCommand.parseAsRoot(args)
                #expect(fast?.1 == Self.settings(parsed), "\(args): fast \(String(describing: fast?.1)) vs parsed \(String(describing: Self.settings(parsed)))")
            }
        }
    }

    /// Issue 13: `--api` is a wizard flag, on the fast path too.
    @Test func apiTakesTheFastPath() {
        #expect(WizardSettings.fastPath(["new", "--api", "latest"])?.1.api == .latest)
        #expect(WizardSettings.fastPath(["--api=seed", "--sandbox"])?.1.api == .seed)
        #expect(WizardSettings.fastPath(["edit", "front-desk", "--api", "LATEST"])?.1.api == .latest)
    }

    @Test func unusualCommandLinesGoToTheParser() {
        for args in [["--help"], ["new", "--sandbox", "--sandbox"], ["new", "--nope"], ["edit"], ["new", "--theme"], ["validate", "x.json"],
                     ["new", "--api", "future"], ["new", "--api"]] {
            #expect(WizardSettings.fastPath(args) == nil, "\(args)")
        }
    }
}
