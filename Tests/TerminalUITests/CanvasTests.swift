import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndClip() {
        var c = Canvas(rows: 1, cols: 6)
        let used = c.put("a中b😀", row: 0, col: 0)
        #expect(used == 6)
        #expect(c[0, 1].text == "中" && c[0, 1].width == 2)
        #expect(c[0, 2].isContinuation)
        #expect(c.text(row: 0) == "a中b😀")
        var d = Canvas(rows: 1, cols: 4)
        d.put("ab中文", row: 0, col: 0)
        #expect(d.text(row: 0) == "ab中") // clipped, never wrapped
    }

    @Test func wideCharThatDoesNotFitLeavesBlank() {
        var c = Canvas(rows: 1, cols: 3)
        c.put("a中文", row: 0, col: 0)
        #expect(c.text(row: 0) == "a中")
        var d = Canvas(rows: 1, cols: 4)
        d.put("abc中", row: 0, col: 0)
        #expect(d.text(row: 0) == "abc ")
    }

    @Test func overwritingHalfAWideCharRepairsIt() {
        var c = Canvas(rows: 1, cols: 4)
        c.put("中文", row: 0, col: 0)
        c.put("x", row: 0, col: 1) // lands on the continuation of 中
        #expect(c.text(row: 0) == " x文")
    }

    @Test func combiningMarksJoinTheirCell() {
        var c = Canvas(rows: 1, cols: 4)
        c.put("e\u{301}x", row: 0, col: 0)
        #expect(c[0, 0].text == "e\u{301}")
        #expect(c[0, 1].text == "x")
    }

    @Test func bufferScreenCountsChangedCells() {
        let s = BufferScreen(rows: 2, cols: 10)
        var c = s.makeCanvas()
        c.put("hello", row: 0, col: 0)
        s.present(c)
        c.put("J", row: 0, col: 0)
        s.present(c)
        #expect(s.lastChangedCells == 1)
        #expect(s.find("Jello")! == (0, 0))
    }

    @Test func boxAndStyles() {
        var c = Canvas(rows: 3, cols: 8)
        c.box(c.bounds, title: "T")
        #expect(c.text(row: 0) == "┌ T ───┐")
        #expect(c.text(row: 2) == "└──────┘")
        #expect(c[0, 0].style.slot == .border)
    }
}
