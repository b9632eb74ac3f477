import Testing
@testable import TerminalUI

@Suite struct TextInputTests {
    @Test func typingAndCursorMovement() {
        var t = TextInput()
        t.type("hello")
        t.press(.left); t.press(.left)
        t.type("X")
        #expect(t.value == "helXlo")
        t.press(.ctrl("a")); t.type(">")
        t.press(.ctrl("e")); t.type("<")
        #expect(t.value == ">helXlo<")
        t.press(.home); t.press(.ctrl("f")); t.press(.ctrl("b")); t.press(.ctrl("d"))
        #expect(t.value == "helXlo<")
    }

    @Test func emacsKills() {
        var t = TextInput("one two three")
        t.press(.ctrl("w"))
        #expect(t.value == "one two ")
        t.press(.alt("b"))
        #expect(t.cursor == 4)
        t.press(.ctrl("k"))
        #expect(t.value == "one ")
        t.press(.ctrl("y"))
        #expect(t.value == "one two ")
        t.press(.ctrl("a")); t.press(.alt("d"))
        #expect(t.value == " two ")
        t.press(.alt("f")); t.press(.ctrl("u"))
        #expect(t.value == " ")
    }

    @Test func overwriteMode() {
        var t = TextInput("abcd")
        t.press(.home)
        t.press(KeyPress(.insert))
        t.type("XY")
        #expect(t.value == "XYcd")
    }

    @Test func undoRedoGroupsTyping() {
        var t = TextInput()
        t.type("hello")
        t.type(" world")
        t.press(.backspace)
        #expect(t.value == "hello worl")
        t.press(.ctrl("_"))
        #expect(t.value == "hello world")
        t.press(.ctrl("_"))
        #expect(t.value == "hello")
        t.press(.alt("Z"))
        #expect(t.value == "hello world")
    }

    @Test func multiLinePasteStaysOnOneLineAndDoesNotSubmit() {
        var t = TextInput("a")
        let r = t.handle(.paste("one\ntwo\r\nthree\tfour"))
        #expect(r == .changed)
        #expect(t.value == "aone two three four")
        let r1 = t.press(.enter)
        #expect(r1 == .submit)
    }

    @Test func wideCharactersPlaceTheCursorByWidth() {
        var t = TextInput()
        t.type("é中文😀")
        let s = t.screen(rows: 1, cols: 20)
        #expect(s.text(row: 0).hasPrefix("é中文😀"))
        #expect(s.cursor! == (0, 7))
    }

    @Test func horizontalScrollKeepsCursorVisible() {
        var t = TextInput()
        t.type("abcdefghijklmnopqrstuvwxyz")
        let s = t.screen(rows: 1, cols: 10)
        #expect(s.text(row: 0) == "…stuvwxyz ")
        #expect(s.cursor! == (0, 9))
        t.press(.home)
        let s2 = t.screen(rows: 1, cols: 10)
        #expect(s2.text(row: 0) == "abcdefghij")
        #expect(s2.cursor! == (0, 0))
    }

    @Test func maskedNeverShowsTheValue() {
        var t = TextInput(masked: true)
        t.type("sk-secret")
        let s = t.screen(rows: 1, cols: 20)
        #expect(s.text(row: 0).hasPrefix("•••••••••"))
        #expect(s.find("secret") == nil)
        #expect(t.value == "sk-secret")
    }

    @Test func blurReportsEdits() {
        var t = TextInput()
        let r2 = t.didBlur()
        #expect(r2 == false)
        t.type("x")
        let r3 = t.press(.tab)
        #expect(r3 == .focusNext)
        let r4 = t.didBlur()
        #expect(r4 == true)
        let r5 = t.didBlur()
        #expect(r5 == false)
    }

    @Test func placeholderAndUnhandledKeys() {
        let t = TextInput(placeholder: "your name")
        #expect(t.screen(rows: 1, cols: 12).text(row: 0).hasPrefix("your name"))
        var u = TextInput()
        #expect(u.press(KeyPress(.function(5))) == .unhandled)
    }

    /// Only the text is underlined: blanks after it stay plain, so the terminal can clear the rest
    /// of the row with one erase-to-end-of-line and typing at the end rewrites one cell.
    @Test func focusedFieldUnderlinesOnlyItsText() {
        let f = TextInput("abc")
        let s = f.screen(rows: 1, cols: 10)
        #expect(s.style(row: 0, col: 2).attributes.contains(.underline))
        #expect(!s.style(row: 0, col: 3).attributes.contains(.underline))
        #expect(!s.style(row: 0, col: 9).attributes.contains(.underline))
        #expect(s.style(row: 0, col: 9).slot == .text)
    }
}
