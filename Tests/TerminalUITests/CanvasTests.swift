import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func aWideCharacterDrawnOverAnotherIsKept() {
        var c = Canvas(rows: 1, cols: 6)
        c.put("中文", row: 0, col: 0)
        c.put("日", row: 0, col: 0)
        #expect(c.text(row: 0) == "日文  ", "was a blank and an orphan continuation")
        c.put("本", row: 0, col: 1)
        #expect(c.text(row: 0) == " 本   ", "both cut characters blanked")
        #expect(c[0, 0].width == 1 && c[0, 1].width == 2 && c[0, 2].width == 0 && c[0, 3].width == 1)
    }

    @Test func aFillThatCutsWideCharactersBlanksTheirOtherHalves() {
        var c = Canvas(rows: 2, cols: 8)
        c.put("中文中文", row: 0, col: 0)
        c.put("abcdefgh", row: 1, col: 0)
        c.fill(Rect(row: 0, col: 1, width: 4, height: 2), with: "x", style: .muted)
        #expect(c.text(row: 0) == " xxxx 文")
        #expect(c.text(row: 1) == "axxxxfgh")
        #expect(c[0, 0].width == 1 && c[0, 5].width == 1 && c[0, 6].width == 2 && c[0, 4].style == .muted)
    }

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

    @Test func aCellIsPlainBytesEvenWithStackedMarks() {
        // Copying, filling and comparing a frame is memory work only: no reference in a cell.
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Cell>.size == 8 && MemoryLayout<Cell>.stride == 8)
        var c = Canvas(rows: 1, cols: 4)
        c.put("a\u{301}\u{302}\u{303}b", row: 0, col: 0)
        #expect(c[0, 0].text == "a\u{301}\u{302}\u{303}")
        var d = Canvas(rows: 1, cols: 4)
        d.put("a\u{301}\u{302}\u{303}b", row: 0, col: 0)
        #expect(c == d, "the same marks are the same bytes")
        d.put("a\u{301}\u{302}\u{304}", row: 0, col: 0)
        #expect(c != d && d[0, 0].text == "a\u{301}\u{302}\u{304}")
    }

    @Test func aCellGivesBackEveryStyleWidthAndScalarItWasMadeWith() {
        // Packed in 4 and 5 bits: a slot or an attribute added past them would not fit.
        #expect(ThemeSlot.allCases.count <= 16)
        let all: TextAttributes = [.bold, .dim, .underline, .reverse, .italic]
        #expect(all.rawValue < 32)
        let scalars: [Unicode.Scalar] = ["\u{0}", " ", "a", "~", "é", "文", "\u{10FFFF}", "\u{1F600}"]
        for slot in ThemeSlot.allCases {
            for raw in 0..<UInt8(32) {
                let style = Style(slot, TextAttributes(rawValue: raw))
                for w in [UInt8(0), 1, 2] {
                    for s in scalars {
                        let c = Cell(scalar: s, width: w, style: style)
                        #expect(c.style == style && c.width == w && c.scalar == s)
                    }
                }
            }
        }
        // Setting one part leaves the others.
        var c = Cell(scalar: "文", width: 2, style: Style(.jsonPunctuation, [.bold, .italic]))
        c.style = .muted
        #expect(c.scalar == "文" && c.width == 2 && c.style == .muted)
        c.width = 1
        #expect(c.scalar == "文" && c.width == 1 && c.style == .muted)
        c.appendMark("\u{301}"); c.appendMark("\u{302}")
        c.style = .error
        #expect(c.text == "文\u{301}\u{302}" && c.style == .error && c.width == 1)
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
