import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

/// A prompt that is one line of a megabyte: every key costs what it costs in a short line, and
/// the rows a long line wraps into stay exactly what wrapping it from scratch gives.
@Suite struct LongLineTests {
    static func oneLine(bytes: Int) -> String {
        var s = ""
        var n = 0
        while s.utf8.count < bytes { s += "word\(n) {{name}} 中文 é and more text "; n += 1 }
        return s
    }

    static func seconds(_ body: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        body()
        clock_gettime(CLOCK_MONOTONIC, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }

    /// Median seconds of a key plus a frame, typed at the start and at the end of the text.
    static func keyCost(_ text: String) -> Double {
        var t = TextArea(text, width: 78, height: 20)
        t.highlighter = { line in
            // Like the wizard's {{variable}} colouring: a pass over the whole string it is given.
            var spans: [HighlightSpan] = [], i = 0, open: Int?
            var prev: Character = " "
            for ch in line {
                if ch == "{", prev == "{" { open = i - 1 }
                if ch == "}", prev == "}", let o = open { spans.append(HighlightSpan(o..<(i + 1), .accent)); open = nil }
                prev = ch; i += 1
            }
            return spans
        }
        let screen = BufferScreen(rows: 20, cols: 78)
        var times: [Double] = []
        for place in [KeyPress(.home, .ctrl), KeyPress(.end, .ctrl)] {
            t.press(place)
            for _ in 0..<15 {
                times.append(seconds {
                    t.type("x")
                    var c = screen.makeCanvas()
                    t.render(into: &c, in: c.bounds, focused: true)
                    screen.present(c)
                })
                t.press(.backspace)
            }
        }
        return times.sorted()[times.count / 2]
    }

    /// The layout walks ASCII as bytes and everything else as Characters: where the two meet
    /// (a mark after a letter, a prepended sign before one, CR LF) it must break exactly where
    /// wrapping Characters does.
    @Test func walkingBytesAndCharactersWrapsAsCharactersDo() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "word", " ", "  ", "e\u{301}", "\u{600}1", "中", "😀", "\r\n", "x\u{200D}y", "é", "longerwordhere", "\u{1F1EB}\u{1F1F7}"]
        for _ in 0..<300 {
            let line = (0..<Int.random(in: 1...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 2...16, using: &rng)
            let lay = LineLayout(line, width: width)
            #expect(lay.rowStarts == softWrapStarts(Array(line), width: width), "\(line.debugDescription) at \(width)")
            #expect(lay.count == line.count)
            for (c, u) in (0..<lay.rowCount).map({ (lay.start($0), lay.offset($0)) }) {
                #expect(line.utf8.distance(from: line.startIndex, to: line.index(line.startIndex, offsetBy: c)) == u)
            }
        }
    }

    @Test func aKeyInOneLineOfAMegabyteCostsWhatItDoesInAKilobyte() {
        let small = Self.keyCost(Self.oneLine(bytes: 1 << 10))
        let large = Self.keyCost(Self.oneLine(bytes: 1 << 20))
        // Before: the whole line was wrapped, copied into an array and highlighted on every key
        // (over 1,000× the small line's cost). Left room for a loaded machine.
        #expect(large < small * 4 + 0.002, "1 MB line: \(large * 1e3) ms a key, 1 KB line: \(small * 1e3) ms")
    }

    /// Typing in one line of a megabyte moves only what is near the cursor. Before, every key
    /// moved all the bytes after it (`String.replaceSubrange` on the whole line) and shifted every
    /// later row start: at the start of the line, a megabyte and 30,000 row entries a key.
    @Test func aKeyInOneLineOfAMegabyteMovesOnlyWhatIsNearIt() {
        // bench/drafts.py's prose as one line (its rows line up again a row or two after an edit).
        let text = String(repeating: "The quick brown fox jumps over the lazy dog; the assistant waits for {{caller_name}}. 0123456789 ", count: 10_700)
        var t = TextArea(text, width: 78, height: 20)
        let places: [(String, () -> Void)] = [
            ("start", { t.press(KeyPress(.home, .ctrl)) }),
            ("middle", { t.press(KeyPress(.home, .ctrl)); for _ in 0..<6_000 { t.press(.down) } }),
            ("end", { t.press(KeyPress(.end, .ctrl)) }),
        ]
        for (name, go) in places {
            go()
            t.type("w")   // the first key at a new place may move the storage there
            let moved = WorkCounter.counting(WorkCounter.$moved) {
                for c in "abc d" { t.type(String(c)) }
                for _ in 0..<6 { t.press(.backspace) }
            }
            #expect(moved < 11 * 512, "\(name): \(moved) bytes and row entries moved by 11 keys")
        }
        #expect(t.text == text)
        #expect(Array(t.wrapStarts(0)) == softWrapStarts(Array(text), width: 78))
    }

    /// In regular text an inserted letter can push a word down every row to the end of the line,
    /// so the rows never line up with the old ones again. Before, every such key re-wrapped the
    /// rest of the megabyte; now it re-wraps a few screens, and the rest when it comes into view.
    @Test func aKeyWhoseRowsNeverLineUpAgainRewrapsAFewScreens() {
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 23_000)
        var t = TextArea(text, width: 78, height: 20)
        t.press(KeyPress(.home, .ctrl))
        for c in "abc d" {
            let wrapped = WorkCounter.counting(WorkCounter.$wrapping) { t.type(String(c)) }
            // A few screens of rows; the line is 1,035,000 Characters.
            #expect(wrapped < 30_000, "\(c): \(wrapped) Characters wrapped")
        }
        let fresh = softWrapStarts(Array(t.line(0)), width: 78)
        let shown = t.shownRows.row + t.shownRows.count + 1
        #expect(Array(t.wrapStarts(0).prefix(shown)) == Array(fresh.prefix(shown)))
        // The end of the line, once shown, is where wrapping the whole line puts it.
        t.press(KeyPress(.end, .ctrl))
        let starts = t.wrapStarts(0)
        #expect(Array(starts.suffix(30)) == Array(fresh.suffix(30)))
        #expect(t.length(of: 0) == text.count + 5)
        t.type("END")
        #expect(t.screen(rows: 20, cols: 78).find("END") != nil)
    }

    /// A line crossing the size at which it is kept long (typed past it, erased below it, split
    /// by Enter and joined by Backspace) keeps its text, its cursor and its rows.
    @Test func aLineCrossingTheLongSizeKeepsItsTextAndRows() {
        let base = String(Self.oneLine(bytes: LineLayout.minimumBytes + 40).utf8.prefix(LineLayout.minimumBytes - 3))!
        var t = TextArea(base, width: 30, height: 6)
        var expected = base
        func check(_ step: String) {
            #expect(t.text == expected, "\(step)")
            for n in 0..<t.lineCount {
                #expect(Array(t.wrapStarts(n)) == softWrapStarts(Array(t.line(n)), width: 30), "\(step), line \(n)")
            }
        }
        t.press(KeyPress(.end, .ctrl))
        for c in "abcdef" { t.type(String(c)); expected.append(c); check("typed \(c)") }
        #expect(t.storageAddress(line: 0) != nil, "long once past the size")
        for _ in 0..<6 { t.press(.backspace); expected.removeLast(); check("erased") }
        #expect(t.storageAddress(line: 0) == nil, "short again below it")
        #expect(t.cursor.column == expected.count)
        // Twice the size, split in the middle, then joined again.
        t.type(base); expected += base
        t.press(.ctrl("a"))
        for _ in 0..<1_000 { t.press(.right) }
        let split = expected.index(expected.startIndex, offsetBy: 1_000)
        t.press(.enter)
        expected = String(expected[..<split]) + "\n" + String(expected[split...])
        check("split")
        #expect(t.cursor == TextPosition(line: 1, column: 0))
        t.press(.backspace)
        expected.remove(at: split)
        check("joined")
        #expect(t.cursor == TextPosition(line: 0, column: 1_000))
    }

    /// The whole text is the lines joined with newlines, whatever mix of short, empty and long
    /// (gap-buffered, edited in the middle) lines it holds.
    @Test func theWholeTextIsTheLinesJoined() {
        let long = Self.oneLine(bytes: 3000)
        let lines = ["", "short é 中", long, "", "x", long, ""]
        var t = TextArea(lines.joined(separator: "\n"), width: 40, height: 6)
        #expect(t.text == lines.joined(separator: "\n"))
        t.press(KeyPress(.home, .ctrl))
        t.press(.down); t.press(.down)
        for _ in 0..<100 { t.press(.right) }
        t.type("MID")
        var expected = lines
        expected[2] = String(long.prefix(100)) + "MID" + String(long.dropFirst(100))
        #expect(t.text == expected.joined(separator: "\n"))
        #expect((0..<t.lineCount).map { t.line($0) } == expected)
        #expect(TextArea("").text == "")
    }

    /// Edits at many places of a long line: the kept rows equal a fresh wrap of the text.
    @Test func keptRowsEqualAFreshWrapAfterEdits() {
        var t = TextArea(Self.oneLine(bytes: 6000), width: 30, height: 8)
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let inserts = ["x", " ", "中", "long-word-without-spaces-longer-than-a-row", "a b", "  "]
        for step in 0..<300 {
            t.press(KeyPress(.home, .ctrl))
            for _ in 0..<next(40) { t.press(.down) }
            for _ in 0..<next(30) { t.press(.right) }
            switch next(4) {
            case 0: t.press(.backspace)
            case 1: t.press(.delete)
            case 2: t.press(.ctrl("w"))
            default: _ = t.handle(.paste(inserts[next(inserts.count)]))
            }
            let line = t.line(0)
            let fresh = softWrapStarts(Array(line), width: 30)
            // The rows on screen are the fresh wrap's; all of them are once the re-wrap is walked
            // to the end.
            // The starts of the rows shown and of the row after them (where the last one ends).
            let shown = t.shownRows.row + t.shownRows.count + 1
            #expect(Array(t.wrapStarts(0).prefix(shown)) == Array(fresh.prefix(shown)), "step \(step)")
            var settled = t
            settled.settleAllRows()
            #expect(Array(settled.wrapStarts(0)) == fresh, "step \(step)")
            #expect(t.length(of: 0) == line.count, "step \(step)")
            if Array(settled.wrapStarts(0)) != fresh { return }
        }
        // Undo back to the start gives the original text and layout.
        for _ in 0..<400 { t.press(.ctrl("_")) }
        #expect(t.text == Self.oneLine(bytes: 6000))
        t.settleAllRows()
        #expect(Array(t.wrapStarts(0)) == softWrapStarts(Array(t.line(0)), width: 30))
    }

    @Test func cursorAndScreenInALongLine() {
        var t = TextArea(Self.oneLine(bytes: 1 << 16), width: 40, height: 6)
        t.press(KeyPress(.end, .ctrl))
        t.type("END")
        #expect(t.cursor.column == t.line(0).count)
        let s = t.screen(rows: 6, cols: 40)
        #expect(s.find("END") != nil)
        #expect(s.cursor != nil)
        t.press(.ctrl("a"))
        t.type("START")
        #expect(t.cursor == TextPosition(line: 0, column: 5))
        #expect(t.screen(rows: 6, cols: 40).text(row: 0).hasPrefix("STARTword0"))
        // A narrower width re-wraps the whole line once.
        t.width = 25
        #expect(Array(t.wrapStarts(0)) == softWrapStarts(Array(t.line(0)), width: 25))
    }
}

/// The gap buffer a long line is kept in, against a plain array doing the same edits.
@Suite struct GapBufferTests {
    @Test func randomEditsReadAsAnArrayDoingTheSame() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var model = (0..<Int.random(in: 0...300, using: &rng)).map { UInt8($0 % 251) }
            var gap = GapBuffer(model, filler: 0)
            for _ in 0..<200 {
                let a = Int.random(in: 0...model.count, using: &rng)
                let b = Int.random(in: a...min(model.count, a + 20), using: &rng)
                let new = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    gap.replace(a..<b, with: new)
                    model.replaceSubrange(a..<b, with: new)
                case 1:
                    gap.moveGap(to: a)
                default:
                    #expect(gap.withContiguous(a..<b) { Array($0) } == Array(model[a..<b]))
                }
                #expect(gap.count == model.count)
            }
            #expect((0..<gap.count).map { gap[$0] } == model)
            #expect(gap.withContiguous(from: 0) { Array($0) } == model)
        }
    }
}
