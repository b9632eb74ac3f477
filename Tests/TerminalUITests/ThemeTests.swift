import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    func tempFile(_ content: String) throws -> String {
        let path = NSTemporaryDirectory() + "theme-test-\(UUID().uuidString).json"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["default", "dark", "light", "high-contrast", "mono"])
    func shippedThemesLoadWithEverySlot(name: String) {
        let (theme, warnings) = ThemeLoader.load(nameOrPath: name, themesDirectory: Self.themesDir)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(theme.name == name)
        for slot in ThemeSlot.allCases { #expect(theme.slots[slot] != nil, "\(name) lacks \(slot)") }
    }

    @Test func embeddedThemesMatchTheFiles() throws {
        let def = try String(contentsOfFile: Self.themesDir + "/default.json", encoding: .utf8)
        #expect(def == ThemeLoader.defaultThemeJSON)
        let mono = try String(contentsOfFile: Self.themesDir + "/mono.json", encoding: .utf8)
        #expect(mono == ThemeLoader.monoThemeJSON)
    }

    /// The built-ins are compiled in (nothing parsed at start); they must be what their JSON says.
    @Test func compiledInThemesAreWhatTheirJSONParsesTo() throws {
        #expect(try ThemeLoader.parse(json: ThemeLoader.defaultThemeJSON, file: "default").get() == ThemeLoader.builtInDefault)
        #expect(try ThemeLoader.parse(json: ThemeLoader.monoThemeJSON, file: "mono").get() == ThemeLoader.builtInMono)
    }

    @Test func worksWithoutTheThemesFolder() {
        let (t, w) = ThemeLoader.load(nameOrPath: "default", themesDirectory: "/nonexistent")
        #expect(t == ThemeLoader.builtInDefault && w.isEmpty)
        let (d, w2) = ThemeLoader.load(nameOrPath: "dark", themesDirectory: "/nonexistent")
        #expect(d.name == "default")
        #expect(w2.first?.contains("theme 'dark' not found") == true)
    }

    @Test func environmentAndNoColor() {
        let env1: (String) -> String? = { ["ASSISTANT_WIZARD_THEME": "light"][$0] }
        #expect(ThemeLoader.resolve(choice: nil, themesDirectory: Self.themesDir, environment: env1).theme.name == "light")
        #expect(ThemeLoader.resolve(choice: "dark", themesDirectory: Self.themesDir, environment: env1).theme.name == "dark")
        let env2: (String) -> String? = { ["ASSISTANT_WIZARD_THEME": "light", "NO_COLOR": "1"][$0] }
        #expect(ThemeLoader.resolve(choice: "dark", themesDirectory: Self.themesDir, environment: env2).theme.name == "mono")
        let env3: (String) -> String? = { ["NO_COLOR": ""][$0] }
        #expect(ThemeLoader.resolve(choice: nil, themesDirectory: Self.themesDir, environment: env3).theme.name == "default")
    }

    @Test func loadByPath() throws {
        let p = try tempFile(##"{"name": "mine", "slots": {"accent": {"fg": "#ff0000", "bold": true}}}"##)
        let (t, w) = ThemeLoader.load(nameOrPath: p, themesDirectory: nil)
        #expect(w.isEmpty)
        #expect(t.name == "mine")
        #expect(t.style(for: .accent) == SlotStyle(.rgb(255, 0, 0), .terminalDefault, .bold))
        #expect(t.slots[.jsonKey] != nil) // missing slots filled from text
    }

    @Test func badColourNamesFileKeyAndProblem() throws {
        let p = try tempFile(##"{"name": "bad", "slots": {"accent": {"fg": "#zz0000"}}}"##)
        let (t, w) = ThemeLoader.load(nameOrPath: p, themesDirectory: nil)
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w.count == 1)
        #expect(w[0].contains(p))
        #expect(w[0].contains("slots.accent.fg"))
        #expect(w[0].contains("\"#zz0000\" is not a colour"))
        #expect(w[0].contains("using the default theme"))
    }

    @Test func unknownSlotAndSyntaxErrors() {
        if case .failure(let e) = ThemeLoader.parse(json: #"{"slots": {"acent": {}}}"#, file: "x.json") {
            #expect(e.key == "slots.acent")
            #expect(e.problem.hasPrefix("unknown slot"))
        } else { Issue.record("expected an error") }
        if case .failure(let e) = ThemeLoader.parse(json: "{\n  \"slots\": {\n    \"text\": {\"fg\": \"red\",}\n", file: "y.json") {
            #expect(e.description.contains("y.json"))
            #expect(e.description.contains("line 3"))
        } else { Issue.record("expected an error") }
        if case .failure(let e) = ThemeLoader.parse(json: #"{"slots": {"text": {"bold": "yes"}}}"#, file: "z.json") {
            #expect(e.key == "slots.text.bold")
        } else { Issue.record("expected an error") }
    }

    @Test func hostileThemeFilesGetAWarningNotACrash() throws {
        // 100,000 levels: the old theme reader recursed once a level and overflowed the stack.
        let deep = try tempFile(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        var (t, w) = ThemeLoader.load(nameOrPath: deep, themesDirectory: nil)
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w.count == 1 && w[0].contains(deep) && w[0].contains("nested more than 512 levels deep"), "\(w)")
        #expect(w.first?.contains("line 1, column 513") == true, "\(w)")

        // Far larger than any theme: refused before it is read, with the limit named.
        let big = try tempFile("{\"name\": \"" + String(repeating: "x", count: 2 << 20) + "\"}")
        (t, w) = ThemeLoader.load(nameOrPath: big, themesDirectory: nil)
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w.first?.contains("\(big): cannot read: it is larger than 1 MiB") == true, "\(w)")

        // Invalid UTF-8 is placed, not decoded into replacement characters.
        let bad = try tempFile("{\"name\": \"x\"}")
        try Data([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]).write(to: URL(fileURLWithPath: bad))
        (t, w) = ThemeLoader.load(nameOrPath: bad, themesDirectory: nil)
        #expect(w.first?.contains("not valid UTF-8") == true, "\(w)")
    }

    @Test func devicesAndEmptyFIFOsAreRefusedAtOnce() throws {
        var (t, w) = ThemeLoader.load(nameOrPath: "/dev/zero", themesDirectory: nil)
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w == ["theme file /dev/zero: cannot read: it is not a file (a device or a socket); using the default theme"], "\(w)")
        // A FIFO nobody writes to: not waited on (the old reader blocked in fopen forever).
        let fifo = NSTemporaryDirectory() + "theme-fifo-\(UUID().uuidString).json"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        (t, w) = ThemeLoader.load(nameOrPath: fifo, themesDirectory: nil)
        #expect(t == ThemeLoader.builtInDefault)
        #expect(w.first?.contains("the file is empty") == true, "\(w)")
        (_, w) = ThemeLoader.load(nameOrPath: "/nonexistent/mine.json", themesDirectory: nil)
        #expect(w == ["theme file /nonexistent/mine.json: no such file; using the default theme"])
    }

    @Test func colourFallbackTo16And8() {
        #expect(ThemeColor.parse("#ff0000")!.index(forColors: 256) == 196)
        #expect(ThemeColor.parse("#ff0000")!.index(forColors: 16) == 9)
        #expect(ThemeColor.parse("bright-red")!.index(forColors: 8) == 1)
        #expect(ThemeColor.parse("75")!.index(forColors: 256) == 75)
        #expect(ThemeColor.parse("default")!.index(forColors: 256) == nil)
        #expect(ThemeColor.parse("nope") == nil)
    }
}
