import ArgumentParser
@testable import Commands
import Foundation
import Testing

/// The shell completion scripts (issue 11: behind a hidden flag, undocumented, no values):
/// enum values are in the scripts, and Tab after `edit` or `drafts rm` lists the saved drafts of
/// the folder the commands would read.
@Suite struct CLICompletionTests {
    static func draftsFolder(_ names: [String]) throws -> String {
        let dir = try E2E.tempDir("complete")
        for n in names { try Data(#"{"name": "x", "prompt": "y"}"#.utf8).write(to: URL(fileURLWithPath: dir + "/" + n)) }
        return dir
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func theScriptsHoldTheEnumValuesAndCallBackForDrafts(shell: String) throws {
        let program = try #require(E2E.program, "build with 'swift build --build-tests'")
        let r = try E2E.run([program, "--generate-completion-script", shell], environment: E2E.environment(home: try E2E.tempDir("script")))
        #expect(r.status == 0, "\(r.err)")
        for value in ["seed", "latest", "cartesia", "elevenlabs", "fr", "zh"] {
            #expect(r.out.contains(value), "\(shell): no \(value)")
        }
        for callback in ["---completion edit -- positional@0", "---completion drafts rm -- positional@0",
                         "---completion new -- --template", "---completion new -- --theme", "---completion status -- positional@0"] {
            #expect(r.out.contains(callback), "\(shell): no \(callback)")
        }
    }

    @Test func draftNamesComeFromDraftsDirThenTheEnvironment() throws {
        let flagged = try Self.draftsFolder(["front-desk.json", "fresh-start.json", "other.json", ".front-desk.meta.json", "notes.txt"])
        let env = try Self.draftsFolder(["from-env.json"])
        let xdg = try E2E.tempDir("complete-xdg")
        try FileManager.default.createDirectory(atPath: xdg + "/assistant-wizard/drafts", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: xdg + "/assistant-wizard/drafts/from-xdg.json"))

        let words = ["assistant-wizard", "status", "--drafts-dir", flagged, "f"]
        #expect(CLICompletion.draftNames(words: words, prefix: "f", environment: ["ASSISTANT_WIZARD_DRAFTS": env]) == ["fresh-start", "front-desk"])
        #expect(CLICompletion.draftNames(words: ["assistant-wizard", "push", "--drafts-dir=\(flagged)", ""], prefix: "", environment: [:])
                == ["fresh-start", "front-desk", "other"])
        #expect(CLICompletion.draftNames(words: ["assistant-wizard", "edit", ""], prefix: "", environment: ["ASSISTANT_WIZARD_DRAFTS": env, "XDG_DATA_HOME": xdg]) == ["from-env"])
        #expect(CLICompletion.draftNames(words: ["assistant-wizard", "edit", ""], prefix: "", environment: ["XDG_DATA_HOME": xdg]) == ["from-xdg"])
    }

    /// Bash itself: the generated script sourced, Tab simulated on `edit fr` and `drafts rm `.
    @Test(.enabled(if: E2E.which("bash") != nil))
    func tabInBashListsTheSavedDrafts() throws {
        let program = try #require(E2E.program, "build with 'swift build --build-tests'")
        let home = try E2E.tempDir("complete-bash")
        let drafts = try Self.draftsFolder(["front-desk.json", "fresh-start.json", "other.json"])
        var env = E2E.environment(home: home)
        env["ASSISTANT_WIZARD_DRAFTS"] = drafts
        let script = home + "/completion.bash"
        let generated = try E2E.run([program, "--generate-completion-script", "bash"], environment: env)
        try generated.out.write(toFile: script, atomically: true, encoding: .utf8)
        let function = try #require(generated.out.split(separator: "\n").last { $0.hasPrefix("complete ") }?.split(separator: " ").dropLast().last.map(String.init))

        func tab(_ line: String) throws -> [String] {
            var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            words[0] = program
            let shellWords = words.map { "'\($0)'" }.joined(separator: " ")
            let commandLine = ([program] + words.dropFirst()).joined(separator: " ")
            let bash = """
            source \(script)
            COMP_WORDS=(\(shellWords)); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(commandLine)'; COMP_POINT=${#COMP_LINE}
            \(function) assistant-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
            let r = try E2E.run(["bash", "-c", bash], environment: env)
            #expect(r.err.isEmpty, "\(r.err)")
            return r.out.split(separator: "\n").map(String.init).sorted()
        }
        #expect(try tab("assistant-wizard edit fr") == ["fresh-start", "front-desk"])
        #expect(try tab("assistant-wizard drafts rm ") == ["fresh-start", "front-desk", "other"])
        #expect(try tab("assistant-wizard validate --api l") == ["latest"])
    }
}
