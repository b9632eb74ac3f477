import CNCursesW
import Testing
@testable import TerminalUI

@Suite struct DecoderTests {
    func decode(_ s: String, flush: Bool = true) -> [InputEvent] {
        var d = InputDecoder()
        var out = d.feed(bytes: Array(s.utf8))
        if flush { out += d.flush() }
        return out
    }

    @Test func printableUnicode() {
        #expect(decode("aé中😀") == [.char("a"), .char("é"), .char("中"), .char("😀")])
    }

    @Test func utf8SplitAcrossReads() {
        var d = InputDecoder()
        let bytes = Array("中".utf8)
        #expect(d.feed(bytes: bytes.prefix(1)) == [])
        #expect(d.feed(bytes: bytes.dropFirst()) == [.char("中")])
    }

    @Test func controlKeys() {
        #expect(decode("\r\t\u{7F}\u{1}\u{5}\u{17}") == [.key(.enter), .key(.tab), .key(.backspace), .ctrl("a"), .ctrl("e"), .ctrl("w")])
        #expect(decode("\u{1F}") == [.ctrl("_")])
    }

    @Test func escapeAloneNeedsFlush() {
        var d = InputDecoder()
        #expect(d.feed(bytes: [0x1B]) == [])
        #expect(d.isPending)
        #expect(d.flush() == [.key(.escape)])
    }

    @Test func altKeys() {
        #expect(decode("\u{1B}b\u{1B}f\u{1B}d") == [.alt("b"), .alt("f"), .alt("d")])
        #expect(decode("\u{1B}\u{7F}") == [.key(KeyPress(.backspace, .alt))])
    }

    @Test func csiAndSs3Keys() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(decode("\u{1B}OH\u{1B}OF\u{1B}[5~\u{1B}[6~\u{1B}[3~") == [.key(.home), .key(.end), .key(.pageUp), .key(.pageDown), .key(.delete)])
        #expect(decode("\u{1B}[Z") == [.key(.backTab)])
        #expect(decode("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.key(KeyPress(.function(1))), .key(KeyPress(.function(5))), .key(KeyPress(.function(12)))])
        #expect(decode("\u{1B}[1;5C\u{1B}[1;3A\u{1B}[1;2D") == [.key(KeyPress(.right, .ctrl)), .key(KeyPress(.up, .alt)), .key(KeyPress(.left, .shift))])
    }

    @Test func bracketedPasteIsOneEvent() {
        let ev = decode("\u{1B}[200~line one\rline two\r\n中文\u{1B}[A\u{1B}[201~x")
        #expect(ev == [.paste("line one\nline two\n中文\u{1B}[A"), .char("x")])
    }

    @Test func pasteSplitAcrossReads() {
        var d = InputDecoder()
        var out = d.feed(bytes: Array("\u{1B}[200~ab\nc".utf8))
        #expect(out.isEmpty && d.isInPaste)
        out += d.feed(bytes: Array("d\u{1B}[20".utf8))
        out += d.feed(bytes: Array("1~".utf8))
        #expect(out == [.paste("ab\ncd")])
    }

    @Test func mouseReports() {
        #expect(decode("\u{1B}[<0;11;6M") == [.mouse(MouseEvent(.press(button: 1), row: 5, col: 10))])
        #expect(decode("\u{1B}[<0;11;6m") == [.mouse(MouseEvent(.release, row: 5, col: 10))])
        #expect(decode("\u{1B}[<64;1;1M\u{1B}[<65;1;1M") == [.mouse(MouseEvent(.wheelUp, row: 0, col: 0)), .mouse(MouseEvent(.wheelDown, row: 0, col: 0))])
        #expect(decode("\u{1B}[M +&") == [.mouse(MouseEvent(.press(button: 1), row: 5, col: 10))])
    }

    @Test func ncursesKeyCodes() {
        var d = InputDecoder()
        #expect(d.feed(keyCode: KEY_UP) == [.key(.up)])
        #expect(d.feed(keyCode: KEY_BTAB) == [.key(.backTab)])
        #expect(d.feed(keyCode: KEY_F0 + 5) == [.key(KeyPress(.function(5)))])
        #expect(d.feed(keyCode: 0x221, name: "kRIT5") == [.key(KeyPress(.right, .ctrl))])
        #expect(d.feed(keyCode: 0x222, name: "kUP3") == [.key(KeyPress(.up, .alt))])
        #expect(d.feed(keyCode: 0x223, name: "kDN6") == [.key(KeyPress(.down, [.ctrl, .shift]))])
    }

    @Test func ncursesPasteCodesAndAltPairing() {
        var d = InputDecoder()
        var out = d.feed(keyCode: InputDecoder.pasteStartCode)
        for s in "a\rb".unicodeScalars { out += d.feed(scalar: s) }
        out += d.feed(keyCode: InputDecoder.pasteEndCode)
        #expect(out == [.paste("a\nb")])
        // Alt-x as get_wch delivers it: ESC, then x.
        #expect(d.feed(scalar: "\u{1B}") == [])
        #expect(d.feed(scalar: "x") == [.alt("x")])
        // ESC followed by a key code: the ESC was the Escape key.
        _ = d.feed(scalar: "\u{1B}")
        #expect(d.feed(keyCode: KEY_DOWN) == [.key(.escape), .key(.down)])
    }

    @Test func keyDescriptionsForHelp() {
        #expect(KeyPress.ctrl("a").description == "ctrl+a")
        #expect(KeyPress.backTab.description == "shift+tab")
        #expect(KeyPress.alt("b").description == "alt+b")
    }
}
