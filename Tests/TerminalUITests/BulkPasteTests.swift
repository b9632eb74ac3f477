import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

/// A bracketed paste taken as bytes, in the chunks read(2) returns, and split on the newline byte.
@Suite struct BulkPasteTests {
    static func text(bytes: Int) -> String {
        var s = ""
        var n = 0
        while s.utf8.count < bytes { s += "line \(n): prose with 中文, é and 😀 in it\n"; n += 1 }
        return s
    }

    /// Feeds `bytes` in chunks of `size` (what a pty hands over), returning the events.
    static func feed(_ bytes: [UInt8], chunk size: Int) -> [InputEvent] {
        var d = InputDecoder()
        var out: [InputEvent] = []
        var i = 0
        while i < bytes.count {
            let j = min(bytes.count, i + size)
            out += bytes[i..<j].withUnsafeBufferPointer { d.feed(buffer: $0) }
            i = j
        }
        return out
    }

    @Test func aMegabyteInPtySizedChunksIsOnePasteWithNewlines() {
        let text = Self.text(bytes: 1 << 20)
        let out = Self.feed(Array(("\u{1B}[200~" + text.replacingCR() + "\u{1B}[201~x").utf8), chunk: 4095)
        #expect(out == [.paste(text), .char("x")])
    }

    @Test func endMarkerCRLFAndUTF8SplitAtEveryPlace() {
        let body = "a\r\nb中\rc😀\n"
        let sent = Array(("\u{1B}[200~" + body + "\u{1B}[201~\u{1B}[A").utf8)
        for size in 1...sent.count {
            #expect(Self.feed(sent, chunk: size) == [.paste("a\nb中\nc😀\n"), .key(.up)], "chunks of \(size)")
        }
    }

    @Test func keysBeforeAndAfterAPasteInOneRead() {
        let out = Self.feed(Array("ab\u{1B}[200~x\ry\u{1B}[201~\u{1B}b\u{7F}".utf8), chunk: 4096)
        #expect(out == [.char("a"), .char("b"), .paste("x\ny"), .alt("b"), .key(.backspace)])
    }
}

extension String {
    /// Newlines as a terminal sends them in a paste.
    func replacingCR() -> String { String(decoding: utf8.map { $0 == 0x0A ? 0x0D : $0 }, as: UTF8.self) }
}
