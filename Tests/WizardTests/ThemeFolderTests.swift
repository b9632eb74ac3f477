@testable import Commands
import Foundation
import Testing

/// `--theme NAME` also finds NAME.json in `$XDG_CONFIG_HOME/assistant-wizard/themes/` (issue 11:
/// themes were looked up beside the program only). The folder is decided here, in the commands;
/// the terminal layer only gets folders.
@Suite("Themes in the user's config folder", .serialized)
struct ThemeFolderTests {
    @Test func theUsersFolderComesFirstThenTheShippedOne() {
        let dirs = WizardLauncher.themesDirectories(["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u", "ASSISTANT_WIZARD_THEMES_DIR": "/shipped"])
        #expect(dirs == ["/cfg/assistant-wizard/themes", "/shipped"])
        #expect(WizardLauncher.userThemesDirectory(["HOME": "/home/u"]) == "/home/u/.config/assistant-wizard/themes")
        // The XDG spec: a relative XDG_CONFIG_HOME is ignored.
        #expect(WizardLauncher.userThemesDirectory(["XDG_CONFIG_HOME": "cfg", "HOME": "/home/u"]) == "/home/u/.config/assistant-wizard/themes")
    }

    /// Runs `new --sandbox --theme NAME` in tmux with the user's theme folder holding `files`;
    /// returns what it wrote to stderr once the wizard is open and quit.
    static func openWizard(theme: String, files: [String: String]) throws -> String {
        let program = try #require(E2E.program, "build with 'swift build --build-tests'")
        let home = try E2E.tempDir("theme-folder")
        let folder = home + "/config/assistant-wizard/themes"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let err = home + "/stderr.txt"
        let line = [program, "new", "--sandbox", "--theme", theme].map(TmuxSession.quote).joined(separator: " ")
        let tmux = try TmuxSession(command: ["/bin/sh", "-c", "\(line) 2>\(TmuxSession.quote(err)); echo EXIT=$?; sleep 30"],
                                   environment: E2E.environment(home: home))
        defer { tmux.close() }
        tmux.wait(for: "Name")
        try tmux.keys("C-q")
        tmux.wait(for: "EXIT=")
        return (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
    }

    @Test(.enabled(if: E2E.hasTmux))
    func aThemeInTheFolderIsUsedAndABrokenOneIsNamedWithWhatIsWrong() throws {
        let good = try Self.openWizard(theme: "mine", files: ["mine.json": #"{"name": "mine", "slots": {"accent": {"fg": "red"}}}"#])
        #expect(!good.contains("theme"), "stderr: \(good)")
        let bad = try Self.openWizard(theme: "mine", files: ["mine.json": #"{"slots": {"accent": {"fg": "purple-ish"}}}"#])
        #expect(bad.contains("/config/assistant-wizard/themes/mine.json: slots.accent.fg: \"purple-ish\" is not a colour"), "stderr: \(bad)")
        #expect(bad.contains("using the default theme"))
        let unknown = try Self.openWizard(theme: "nope", files: ["mine.json": #"{"slots": {}}"#])
        #expect(unknown.contains("theme 'nope' not found (available: ") && unknown.contains("mine"), "stderr: \(unknown)")
    }
}
