import Testing
@testable import TerminalUI

/// The text area's line split works on the contiguous UTF-8 bytes (issue 15: splitting through
/// the UTF-8 view was most of opening a 1 MB prompt). It must give exactly the lines the plain
/// split on "\n" gives, for every shape of text.
@Suite struct LineSplitTests {
    static let texts = [
        "", "\n", "\n\n", "one", "one\n", "\none", "one\ntwo\n\nthree",
        "é\u{301}\n\u{301}x", "日本語\n👩‍👩‍👧\nend", "a\r\nb\rc\n\r\n", String(repeating: "x\n", count: 1000),
    ]

    @Test(arguments: texts)
    func theBytesSplitAsThePlainSplitDoes(text: String) {
        let normalized = TextArea.normalizingNewlines(text)
        let expected = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(TextArea.pieces(of: normalized).map(String.init) == expected)
        #expect(TextArea.splitLines(text) == expected)
    }

    @Test func carriageReturnsBecomeNewlines() {
        #expect(TextArea.normalizingNewlines("a\r\nb\rc") == "a\nb\nc")
        #expect(TextArea.splitLines("a\r\nb\rc\r") == ["a", "b", "c", ""])
    }
}
