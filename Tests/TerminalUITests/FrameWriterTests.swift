import Foundation
import Testing
@testable import TerminalUI

/// The render path's one diff and its output: what a frame sends, replayed on a small terminal
/// model, and one write(2) per frame.
@Suite struct FrameWriterTests {
    static let caps = FrameWriter.Capabilities(colors: 256, backColorErase: true, eatNewlineGlitch: true)

    /// A field row as the wizard draws one: a label, then the typed text (underlined) at the cursor.
    static func field(_ text: String, rows: Int = 24, cols: Int = 80) -> Canvas {
        var c = Canvas(rows: rows, cols: cols)
        c.fill(c.bounds, style: .background)
        c.put(" assistant-wizard", row: 0, col: 0, style: .selection.with(.bold))
        c.put("Name", row: 3, col: 2, style: .accent)
        c.put(text, row: 3, col: 10, style: .focus.with(.underline))
        c.put("tab next field · ctrl+q quit", row: rows - 1, col: 0, style: .muted)
        c.cursor = (3, 10 + displayWidth(text))
        return c
    }

    @Test func aCharacterTypedAtTheCursorSendsItselfAlone() {
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: Self.caps)
        var out: [UInt8] = []
        w.frame(Self.field("Fron"), into: &out)
        var first: [UInt8] = []
        w.frame(Self.field("Front"), into: &first)
        #expect(first.count <= 32, "first key after a full frame: \(String(decoding: first, as: UTF8.self).debugDescription)")
        var second: [UInt8] = []
        w.frame(Self.field("Front "), into: &second)
        #expect(second == Array(" ".utf8), "\(String(decoding: second, as: UTF8.self).debugDescription)")
        var same: [UInt8] = []
        w.frame(Self.field("Front "), into: &same)
        #expect(same.isEmpty, "an unchanged frame sends nothing")
    }

    @Test func framesReplayedOnATerminalShowTheCanvas() {
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: Self.caps)
        var term = MiniTerminal(rows: 6, cols: 12)
        var rng = SystemRandomNumberGenerator()
        let words = ["a", "中文", "é", "e\u{301}", "xyz", "😀", "  ", "tab", "k"]
        let styles: [Style] = [.text, .muted, .accent.with(.bold), .focus.with(.underline), .selection.with(.reverse), .background]
        var canvas = Canvas(rows: 6, cols: 12)
        for step in 0..<300 {
            // Mostly small edits to the last frame, sometimes a new one.
            if step % 40 == 0 { canvas = Canvas(rows: 6, cols: 12) }
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                canvas.put(words.randomElement(using: &rng)!, row: Int.random(in: 0..<6, using: &rng),
                           col: Int.random(in: -1..<12, using: &rng), style: styles.randomElement(using: &rng)!)
            }
            if step % 7 == 0 { canvas.fill(Rect(row: Int.random(in: 0..<6, using: &rng), col: 3, width: 9, height: 1), style: .background) }
            canvas.cursor = step % 5 == 0 ? nil : (Int.random(in: 0..<6, using: &rng), Int.random(in: 0..<12, using: &rng))
            var out: [UInt8] = []
            w.frame(canvas, into: &out)
            term.feed(out)
            for r in 0..<6 {
                #expect(term.text(row: r) == canvas.text(row: r), "step \(step) row \(r): \(String(decoding: out, as: UTF8.self).debugDescription)")
            }
            #expect(term.cursorShown == (canvas.cursor != nil))
            if let c = canvas.cursor { #expect(term.row == c.row && term.col == c.col, "cursor at step \(step)") }
        }
    }

    /// The prompt editor's row as the wizard draws it: text from column 3, blank to the end.
    static func editorRow(_ text: String, cursor: Int) -> Canvas {
        var c = Canvas(rows: 4, cols: 80)
        c.fill(c.bounds, style: .background)
        c.put("Prompt", row: 0, col: 1, style: .accent)
        // The text area's blanks are its own style, which looks like the background's.
        c.fill(Rect(row: 1, col: 3, width: 74, height: 1), style: .text)
        c.put(text, row: 1, col: 3, style: .text)
        c.put("a row that does not change", row: 2, col: 3, style: .text)
        c.cursor = (1, 3 + cursor)
        return c
    }

    @Test func aCharacterTypedOrErasedMidRowShiftsTheRestInsteadOfRewritingIt() {
        let line = "The quick brown fox jumps over the lazy dog; the assistant waits for"
        var caps = Self.caps
        caps.insertDeleteChars = true
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: caps)
        var term = MiniTerminal(rows: 4, cols: 80)
        var out: [UInt8] = []
        w.frame(Self.editorRow(line, cursor: 0), into: &out)
        term.feed(out)
        for (text, cursor, sequence) in [("x" + line, 1, "\u{1B}[@"), (line, 0, "\u{1B}[P"), ("The q中" + line.dropFirst(5), 7, "\u{1B}[2@"), (line, 0, "\u{1B}[2P")] {
            let canvas = Self.editorRow(text, cursor: cursor)
            out = []
            w.frame(canvas, into: &out)
            term.feed(out)
            let sent = String(decoding: out, as: UTF8.self)
            #expect(sent.contains(sequence), "\(sent.debugDescription)")
            #expect(out.count <= 24, "\(out.count) B: \(sent.debugDescription)")
            for r in 0..<4 { #expect(term.text(row: r) == canvas.text(row: r), "row \(r) after \(sent.debugDescription)") }
        }
        // Without ich/dch in terminfo the row is written out, as before.
        var plain = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: Self.caps)
        out = []
        plain.frame(Self.editorRow(line, cursor: 0), into: &out)
        out = []
        plain.frame(Self.editorRow("x" + line, cursor: 1), into: &out)
        #expect(!String(decoding: out, as: UTF8.self).contains("\u{1B}[@") && out.count > 60)
    }

    @Test func randomEditsWithShiftsReplayToTheCanvas() {
        var caps = Self.caps
        caps.insertDeleteChars = true
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: caps)
        var term = MiniTerminal(rows: 3, cols: 20)
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "中", "é", "e\u{301}", "😀", " ", "k", "xy"]
        var lines = ["hello wide 中文 world", "the quick brown fox", ""]
        for step in 0..<400 {
            let r = Int.random(in: 0..<3, using: &rng)
            var scalars = Array(lines[r])
            if scalars.isEmpty || Bool.random(using: &rng) {
                scalars.insert(contentsOf: pieces.randomElement(using: &rng)!, at: Int.random(in: 0...scalars.count, using: &rng))
            } else {
                let i = Int.random(in: 0..<scalars.count, using: &rng)
                scalars.removeSubrange(i..<min(scalars.count, i + Int.random(in: 1...3, using: &rng)))
            }
            lines[r] = String(scalars.prefix(24))
            var canvas = Canvas(rows: 3, cols: 20)
            for (i, l) in lines.enumerated() { canvas.put(l, row: i, col: i, style: i == 1 ? .text : .muted) }
            canvas.put("|", row: 0, col: 19, style: .border)
            var out: [UInt8] = []
            w.frame(canvas, into: &out)
            term.feed(out)
            for row in 0..<3 {
                #expect(term.text(row: row) == canvas.text(row: row), "step \(step) row \(row): \(String(decoding: out, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// The frame writer finds a style's SGR by the slot's stored ordinal.
    @Test func aSlotIsStoredAsItsOrdinal() {
        for (i, slot) in ThemeSlot.allCases.enumerated() { #expect(Int(unsafeBitCast(slot, to: UInt8.self)) == i) }
    }

    @Test func stylesBecomeSGROnceAndColoursDegrade() {
        let theme = Theme(name: "t", slots: [.text: SlotStyle(.index(250), .index(236)), .accent: SlotStyle(.index(3), .terminalDefault, [.bold])])
        var c = Canvas(rows: 1, cols: 6)
        c.put("ab", row: 0, col: 0, style: .text)
        c.put("cd", row: 0, col: 2, style: .accent)
        var w256 = FrameWriter(theme: theme, capabilities: Self.caps)
        var out: [UInt8] = []
        w256.frame(c, into: &out)
        let s = String(decoding: out, as: UTF8.self)
        #expect(s.contains("\u{1B}[0;38;5;250;48;5;236mab\u{1B}[0;1;33mcd"), "\(s.debugDescription)")
        var mono = FrameWriter(theme: theme, capabilities: .init(colors: 0, backColorErase: false, eatNewlineGlitch: true))
        out = []
        mono.frame(c, into: &out)
        #expect(!String(decoding: out, as: UTF8.self).contains("38;5"), "no colours on a monochrome terminal")
    }

    @Test func trailingBlanksAreErasedNotWritten() {
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: Self.caps)
        var c = Canvas(rows: 2, cols: 80)
        c.put("hello", row: 0, col: 0)
        var out: [UInt8] = []
        w.frame(c, into: &out)
        #expect(out.count < 40, "two rows of 80 cells, mostly blank: \(out.count) B")
        #expect(String(decoding: out, as: UTF8.self).contains("hello\u{1B}[K"), "text and background look the same here: no SGR between")
    }

    /// The first key into an empty field replaces its placeholder: the cleared cells, blank like
    /// the rest of the row after them, are one EL, not a space each.
    @Test func aPlaceholderClearedByAKeyIsErasedToTheEndOfTheRow() {
        var w = FrameWriter(theme: ThemeLoader.builtInDefault, capabilities: Self.caps)
        var term = MiniTerminal(rows: 24, cols: 80)
        // The field's own width is filled in its style, which looks like the background's.
        func field(_ text: String) -> Canvas {
            var c = Self.field("")
            c.fill(Rect(row: 3, col: 10, width: 50, height: 1), style: .text)
            c.put(text, row: 3, col: 10, style: .focus.with(.underline))
            c.cursor = (3, 10 + displayWidth(text))
            return c
        }
        var empty = field("")
        empty.put("e.g. Front desk of the Lyon shop", row: 3, col: 10, style: .muted)
        var out: [UInt8] = []
        w.frame(empty, into: &out)
        term.feed(out)
        var key: [UInt8] = []
        let typed = field("F")
        w.frame(typed, into: &key)
        term.feed(key)
        #expect(key.count <= 32, "\(key.count) B: \(String(decoding: key, as: UTF8.self).debugDescription)")
        #expect(term.text(row: 3) == typed.text(row: 3))
    }

    @Test func theTerminalScreenWritesOncePerFrame() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        let screen = NCursesScreen(theme: ThemeLoader.builtInDefault, colors: 256, rows: 24, cols: 80, fd: fds[1])
        func drain() -> [UInt8] {
            var all: [UInt8] = [], buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n <= 0 { return all }
                all += buf[0..<n]
            }
        }
        screen.present(Self.field(""))
        #expect(screen.writeCount == 1)
        let full = drain()
        for (i, text) in ["N", "Ni", "Nig", "Nigh", "Night"].enumerated() {
            screen.present(Self.field(text))
            #expect(screen.writeCount == 2 + i, "one write(2) per frame")
            let sent = drain()
            #expect(sent.count <= (i == 0 ? 32 : 1), "key \(i): \(sent.count) B")
        }
        screen.present(Self.field("Night"))
        #expect(screen.writeCount == 6, "an unchanged frame writes nothing")
        screen.invalidate()
        screen.present(Self.field("Night"))
        #expect(drain().count >= full.count, "after invalidate the whole screen is sent again")
    }
}

/// Just enough of a terminal to replay what `FrameWriter` sends: CUP, CHA, CUF, SGR (ignored),
/// EL, DECTCEM and UTF-8 text, with the canvas's own character widths.
struct MiniTerminal {
    let rows: Int, cols: Int
    var cells: [[String]]
    var row = 0, col = 0
    var cursorShown = true

    init(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols
        cells = Array(repeating: Array(repeating: " ", count: cols), count: rows)
    }

    func text(row: Int) -> String { cells[row].joined() }

    mutating func feed(_ bytes: [UInt8]) {
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            for s in String(decoding: text, as: UTF8.self).unicodeScalars {
                let w = displayWidth(String(s))
                if w == 0 {
                    if col > 0 { cells[row][min(col, cols) - 1] += String(s) }
                    continue
                }
                guard col + w <= cols else { continue }
                // As xterm does: writing over half of a wide character blanks its other half.
                if cells[row][col] == "", col > 0 { cells[row][col - 1] = " " }
                let end = col + w - 1
                if end + 1 < cols, cells[row][end + 1] == "" { cells[row][end + 1] = " " }
                cells[row][col] = String(s)
                if w == 2 { cells[row][col + 1] = "" }
                col += w // past the last column: the wrap is pending until the next move
            }
            text = []
        }
        while i < bytes.count {
            guard bytes[i] == 0x1B else { text.append(bytes[i]); i += 1; continue }
            flushText()
            i += 2 // ESC [
            var params = ""
            while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { params.append(Character(UnicodeScalar(bytes[i]))); i += 1 }
            let final = bytes[i]; i += 1
            let n = params.split(separator: ";").map { Int($0) ?? 0 }
            switch final {
            case UInt8(ascii: "H"): row = (n.first ?? 1) - 1; col = (n.count > 1 ? n[1] : 1) - 1
            case UInt8(ascii: "G"): col = (n.first ?? 1) - 1
            case UInt8(ascii: "C"): col += n.first ?? 1
            case UInt8(ascii: "K"): for c in col..<cols { cells[row][c] = " " }
            case UInt8(ascii: "@"): // ICH: the rest of the row moves right, its end falls off
                let k = min(n.first ?? 1, cols - col)
                cells[row].insert(contentsOf: Array(repeating: " ", count: k), at: col)
                cells[row].removeLast(k)
            case UInt8(ascii: "P"): // DCH: the rest of the row moves left, blanks come in
                let k = min(n.first ?? 1, cols - col)
                cells[row].removeSubrange(col..<(col + k))
                cells[row] += Array(repeating: " ", count: k)
            case UInt8(ascii: "h") where params == "?25": cursorShown = true
            case UInt8(ascii: "l") where params == "?25": cursorShown = false
            default: break
            }
        }
        flushText()
    }
}
