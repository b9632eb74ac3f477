import Testing
@testable import TerminalUI

@Suite struct TextAreaTests {
    @Test func typingEnterAndBackspaceAcrossLines() {
        var t = TextArea(width: 20, height: 5)
        t.type("hello")
        t.press(.enter)
        t.type("world")
        #expect(t.text == "hello\nworld")
        #expect(t.cursor == TextPosition(line: 1, column: 5))
        t.press(.home)
        t.press(.backspace)
        #expect(t.text == "helloworld")
        #expect(t.cursor == TextPosition(line: 0, column: 5))
        t.press(.delete)
        #expect(t.text == "helloorld")
    }

    @Test func pasteInsertsOnceWithNewlinesAndDoesNotMoveFocus() {
        var t = TextArea("ab", width: 20, height: 5)
        #expect(t.cursor == TextPosition(line: 0, column: 0)) // opens at the start, like an editor
        t.press(KeyPress(.end, .ctrl))
        t.press(.left)
        let r = t.handle(.paste("1\r\n2\r3\n4"))
        #expect(r == .changed)
        #expect(t.text == "a1\n2\n3\n4b")
        #expect(t.cursor == TextPosition(line: 3, column: 1))
        t.press(.ctrl("_"))
        #expect(t.text == "ab") // one undo step for the whole paste
    }

    @Test func undoRedo() {
        var t = TextArea(width: 20, height: 5)
        t.type("one two")
        t.press(.enter)
        t.type("three")
        t.press(.ctrl("_"))
        #expect(t.text == "one two\n")
        t.press(.ctrl("_"))
        #expect(t.text == "one two")
        t.press(.ctrl("_"))
        #expect(t.text == "one")
        t.press(.alt("Z"))
        t.press(.alt("Z"))
        #expect(t.text == "one two\n")
        #expect(t.cursor == TextPosition(line: 1, column: 0))
    }

    @Test func softWrapAndVisualRowMovement() {
        var t = TextArea("aaaa bbbb cccc dddd", width: 10, height: 6)
        t.press(KeyPress(.home, .ctrl))
        let s = t.screen(rows: 6, cols: 10)
        #expect(s.text(row: 0) == "aaaa bbbb ")
        #expect(s.text(row: 1).hasPrefix("cccc dddd"))
        t.press(.down) // to the second screen row of the same line
        #expect(t.cursor == TextPosition(line: 0, column: 10))
        t.press(.up)
        #expect(t.cursor == TextPosition(line: 0, column: 0))
    }

    @Test func wideCharactersWrapByWidthAndPlaceTheCursor() {
        var t = TextArea(width: 5, height: 5)
        t.type("中文中文中")
        let s = t.screen(rows: 5, cols: 5)
        #expect(s.text(row: 0) == "中文 ")
        #expect(s.text(row: 1) == "中文 ")
        #expect(s.text(row: 2).hasPrefix("中"))
        #expect(s.cursor! == (2, 2))
    }

    @Test func scrollingFollowsTheCursor() {
        let text = (1...50).map { "line \($0)" }.joined(separator: "\n")
        var t = TextArea(text, width: 20, height: 5) // 4 text rows + status
        t.press(KeyPress(.home, .ctrl))
        for _ in 0..<10 { t.press(.down) }
        let s = t.screen(rows: 5, cols: 20)
        #expect(s.text(row: 3).hasPrefix("line 11"))
        #expect(s.cursor!.row == 3)
        #expect(s.text(row: 4).contains("Ln 11/50"))
        t.press(KeyPress(.end, .ctrl))
        let e = t.screen(rows: 5, cols: 20)
        #expect(e.text(row: 3).hasPrefix("line 50"))
        t.press(.pageUp)
        let p = t.screen(rows: 5, cols: 20)
        #expect(p.find("line 47") != nil)
    }

    @Test func highlighterColoursSpans() {
        var t = TextArea("Hi {{name}}!", width: 20, height: 3)
        t.highlighter = { line in line.hasPrefix("Hi") ? [HighlightSpan(3..<11, .accent)] : [] }
        let s = t.screen(rows: 3, cols: 20)
        #expect(s.style(row: 0, col: 0).slot == .text)
        #expect(s.style(row: 0, col: 3).slot == .accent)
        #expect(s.style(row: 0, col: 10).slot == .accent)
        #expect(s.style(row: 0, col: 11).slot == .text)
    }

    /// Overlapping spans, spans crossing a wrapped row's edge, empty ones: each cell has the
    /// style of the last span holding its character, or plain text (drawn in runs found from
    /// the span edges).
    @Test func highlightRunsGiveEachCharacterTheLastSpanHoldingIt() {
        var rng = SystemRandomNumberGenerator()
        let styles: [Style] = [.accent, .warning, .error, .success]
        for _ in 0..<200 {
            let text = String((0..<50).map { _ in "abcdefghij".randomElement(using: &rng)! })
            let spans = (0..<Int.random(in: 0...5, using: &rng)).map { _ -> HighlightSpan in
                let a = Int.random(in: 0...50, using: &rng), b = Int.random(in: a...50, using: &rng)
                return HighlightSpan(a..<b, styles.randomElement(using: &rng)!)
            }
            var t = TextArea(text, width: 12, height: 7)
            t.highlighter = { _ in spans }
            let s = t.screen(rows: 7, cols: 12, focused: false)
            let starts = t.wrapStarts(0)
            for r in 0..<starts.count {
                let end = r + 1 < starts.count ? starts[r + 1] : 50
                for col in starts[r]..<end {
                    let want = spans.last(where: { $0.range.contains(col) })?.style ?? .text
                    #expect(s.style(row: r, col: col - starts[r]) == want, "column \(col) with spans \(spans)")
                }
            }
        }
    }

    @Test func combiningMarkTypedAfterALetter() {
        var t = TextArea(width: 10, height: 3)
        t.type("e\u{301}x")
        #expect(t.text == "e\u{301}x")
        #expect(t.cursor.column == 2)
    }

    @Test func killsAndWords() {
        var t = TextArea("alpha beta gamma", width: 30, height: 3)
        t.press(KeyPress(.end, .ctrl))
        t.press(.ctrl("w"))
        #expect(t.text == "alpha beta ")
        t.press(.ctrl("a"))
        t.press(.alt("d"))
        #expect(t.text == " beta ")
        t.press(.ctrl("k"))
        #expect(t.text == "")
    }

    @Test func largeTextEditsTouchOnlyVisibleLines() {
        let big = DemoText.make(bytes: 1_000_000)
        var t = TextArea(big, width: 80, height: 24)
        t.press(KeyPress(.home, .ctrl))
        for _ in 0..<5000 { t.press(.down) }
        t.type("XYZ")
        #expect(t.line(5000).hasPrefix("XYZ"))
        #expect(t.lineCount == big.split(separator: "\n", omittingEmptySubsequences: false).count)
        let s = t.screen(rows: 24, cols: 80)
        #expect(s.find("XYZ") != nil)
    }
}

enum DemoText {
    static func make(bytes: Int) -> String {
        var out = ""
        var n = 0
        while out.utf8.count < bytes { out += "\(n) Hello {{name}}, sample text with 中文 and é to wrap nicely.\n"; n += 1 }
        return out
    }
}
