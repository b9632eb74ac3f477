import Foundation
import Testing
@testable import TerminalUI

/// Themes looked up in several folders in turn (a user's folder, then the shipped one): issue 11
/// found them looked up beside the program only.
@Suite struct ThemeSearchPathTests {
    static func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "theme-path-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func aNameIsFoundInAFolderAfterTheFirst() throws {
        let user = try Self.folder([:])
        let (t, w) = ThemeLoader.load(nameOrPath: "dark", themesDirectories: [user, ThemeTests.themesDir])
        #expect(w.isEmpty, "\(w)")
        #expect(t.name == "dark")
    }

    @Test func theFirstFolderWinsSoAUserCanOverrideAShippedTheme() throws {
        let user = try Self.folder(["dark.json": #"{"name": "my dark", "slots": {"accent": {"fg": "red"}}}"#,
                                    "mine.json": #"{"name": "mine", "slots": {}}"#])
        #expect(ThemeLoader.load(nameOrPath: "dark", themesDirectories: [user, ThemeTests.themesDir]).theme.name == "my dark")
        let (t, w) = ThemeLoader.resolve(choice: "mine", themesDirectories: [user, ThemeTests.themesDir], environment: { _ in nil })
        #expect(t.name == "mine" && w.isEmpty)
    }

    /// The default theme is compiled in: by name it is not read from the shipped folder (a broken
    /// copy there goes unnoticed), but a user's own `default.json` still wins over it.
    @Test func theCompiledInDefaultStandsForTheShippedFileButAUsersFileWins() throws {
        let shipped = try Self.folder(["default.json": "{ broken"])
        let plain = ThemeLoader.resolve(choice: nil, themesDirectories: [shipped], shipped: shipped, environment: { _ in nil })
        #expect(plain.theme == ThemeLoader.builtInDefault && plain.warnings.isEmpty, "\(plain.warnings)")
        let user = try Self.folder(["default.json": #"{"name": "my default", "slots": {}}"#])
        let mine = ThemeLoader.resolve(choice: nil, themesDirectories: [user, shipped], shipped: shipped, environment: { _ in nil })
        #expect(mine.theme.name == "my default" && mine.warnings.isEmpty, "\(mine.warnings)")
    }

    @Test func aBrokenFileIsReportedByItsPathAndWhatIsWrongNotSkipped() throws {
        let user = try Self.folder(["dark.json": #"{"slots": {"accent": {"fg": "purple-ish"}}}"#])
        let (t, w) = ThemeLoader.load(nameOrPath: "dark", themesDirectories: [user, ThemeTests.themesDir])
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w == ["theme \(user)/dark.json: slots.accent.fg: \"purple-ish\" is not a colour (use default, a name like red or bright-blue, #rrggbb, or \"0\"–\"255\"); using the default theme"])
    }

    @Test func anUnknownNameListsTheThemesOfEveryFolder() throws {
        let user = try Self.folder(["mine.json": #"{"slots": {}}"#])
        let w = ThemeLoader.load(nameOrPath: "nope", themesDirectories: [user, ThemeTests.themesDir]).warnings
        #expect(w == ["theme 'nope' not found (available: dark, default, high-contrast, light, mine, mono); using the default theme"])
        #expect(ThemeLoader.availableThemes(in: ["/nonexistent"]) == ["default", "mono"])
    }
}
