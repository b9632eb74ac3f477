import Testing
@testable import TerminalUI

@Suite struct WidthTests {
    @Test func wrappingASCIIByBytesBreaksWhereWrappingCharactersDoes() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "bb", "word", " ", "  ", "longerword", "{{x}}", ".", "ü", "中"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 1...12, using: &rng)
            #expect(softWrapStarts(text, width: width) == softWrapStarts(Array(text), width: width), "\(text.debugDescription) at \(width)")
            #expect(softWrapStarts(text[...], width: width) == softWrapStarts(Array(text), width: width))
        }
    }

    @Test func asciiAndLatin() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("é") == 1)
        #expect(displayWidth("e\u{301}") == 1) // combining acute
    }

    @Test func wideAndEmoji() {
        #expect(displayWidth("中文") == 4)
        #expect(displayWidth("😀") == 2)
        #expect(displayWidth("한") == 2)
        #expect(displayWidth("ｱ") == 1) // half-width katakana
        #expect(displayWidth("🫠") == 2)
        #expect(displayWidth("é中文😀") == 7)
    }

    @Test func zeroWidth() {
        #expect(scalarWidth("\u{200B}") == 0)
        #expect(scalarWidth("\u{FE0F}") == 0)
        #expect(displayWidth("❤️") == 1) // as glibc and tmux count it
    }

    @Test func controlCharactersAreEscaped() {
        #expect("a\u{1B}[31mb".sanitizedForDisplay == "a\\u{1B}[31mb")
        #expect("\u{7}".sanitizedForDisplay == "\\u{07}")
        #expect("x\u{202E}y\u{2066}".sanitizedForDisplay == "x\\u{202E}y\\u{2066}")
        #expect("plain 中文".sanitizedForDisplay == "plain 中文")
        #expect(displayWidth("\u{1B}") == 6) // shown as the 6 characters \u{1B}
    }

    @Test func canvasNeverEmitsControls() {
        var c = Canvas(rows: 1, cols: 20)
        c.put("a\u{1B}[2Jb", row: 0, col: 0)
        #expect(c.text(row: 0).hasPrefix("a\\u{1B}[2Jb"))
        #expect(!c.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func truncationAndPrefix() {
        #expect("中文字".prefix(fittingWidth: 5) == "中文")
        #expect("hello world".truncated(toWidth: 6) == "hello…")
        #expect("中文字".truncated(toWidth: 4) == "中…")
    }

    @Test func softWrapByWidth() {
        #expect(wrapText("hello world foo", width: 11) == ["hello world", "foo"])
        #expect(wrapText("中文中文中文", width: 5) == ["中文", "中文", "中文"])
        #expect(wrapText("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(wrapText("a\n\nb", width: 4) == ["a", "", "b"])
    }
}
