import ArgumentParser
@testable import Commands
import Foundation
import Testing

/// Every command's help ends with examples (issue 11: 0 of 16 had one), and each example is a
/// command line the parser takes as that command, so none names a flag that is gone.
@Suite struct CLIHelpTests {
    /// Every command of the tree with the names that lead to it (the root's is empty).
    static let commands: [(path: [String], type: any ParsableCommand.Type)] = {
        var out: [([String], any ParsableCommand.Type)] = []
        func walk(_ t: any ParsableCommand.Type, _ path: [String]) {
            out.append((path, t))
            for s in t.configuration.subcommands { walk(s, path + [s._commandName]) }
        }
        walk(AssistantWizardCommand.self, [])
        return out
    }()

    /// A command and every command under it.
    static func family(of type: any ParsableCommand.Type) -> Set<ObjectIdentifier> {
        type.configuration.subcommands.reduce(into: [ObjectIdentifier(type)]) { $0.formUnion(family(of: $1)) }
    }

    /// The `$ assistant-wizard …` lines under the examples heading of a help text.
    static func exampleLines(_ help: String) -> [String] {
        guard let heading = help.range(of: CLIHelp.examplesHeading) else { return [] }
        return help[heading.upperBound...].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("$ ") }
            .map { String($0.dropFirst(2)) }
    }

    /// Shell words, with '…' quoting (all the examples need).
    static func words(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, inWord = false
        for c in line {
            if c == "'" { quoted.toggle(); inWord = true; continue }
            if c == " " && !quoted {
                if inWord { out.append(current); current = ""; inWord = false }
                continue
            }
            current.append(c); inWord = true
        }
        if inWord { out.append(current) }
        return out
    }

    @Test func thereAreAllTheCommands() {
        #expect(Self.commands.count >= 20, "\(Self.commands.map { $0.path.joined(separator: " ") })")
    }

    @Test func everyCommandsHelpHasExamplesThatParseAsThatCommand() throws {
        for (path, type) in Self.commands {
            let name = (["assistant-wizard"] + path).joined(separator: " ")
            let help = AssistantWizardCommand.helpMessage(for: type, columns: 400)
            let lines = Self.exampleLines(help)
            #expect(!lines.isEmpty, "\(name) --help has no \(CLIHelp.examplesHeading) section:\n\(help)")
            for line in lines {
                let words = Self.words(line)
                #expect(words.first == "assistant-wizard", "\(name): \(line)")
                #expect(Array(words.dropFirst().prefix(path.count)) == path, "\(name): the example runs another command: \(line)")
                do {
                    let parsed = try AssistantWizardCommand.parseAsRoot(Array(words.dropFirst()))
                    // A group's examples may run its commands (the root's, any command).
                    #expect(Self.family(of: type).contains(ObjectIdentifier(Swift.type(of: parsed))),
                            "\(name): `\(line)` parses as \(Swift.type(of: parsed))")
                } catch {
                    Issue.record("\(name): the example `\(line)` does not parse: \(AssistantWizardCommand.message(for: error))")
                }
            }
        }
    }

    @Test func theProgramsHelpShowsThem() throws {
        let program = try #require(E2E.program, "build with 'swift build --build-tests'")
        let home = try E2E.tempDir("help")
        for path in [[], ["new"], ["edit"], ["validate"], ["assistants", "delete"], ["drafts", "rm"]] as [[String]] {
            let r = try E2E.run([program] + path + ["--help"], environment: E2E.environment(home: home))
            #expect(r.status == 0, "\(path): \(r.err)")
            #expect(r.out.contains(CLIHelp.examplesHeading) && r.out.contains("$ assistant-wizard " + path.joined(separator: " ")),
                    "\(path) --help:\n\(r.out)")
        }
    }
}
