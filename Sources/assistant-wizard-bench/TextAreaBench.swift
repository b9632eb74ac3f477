import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Key-to-screen cost of the text area: one key event handled plus the visible part rendered to
/// an 80×24 in-memory screen, with 1 KB and with 1 MB of text. The two medians should match:
/// an edit touches only the changed lines and drawing measures only what is visible.
enum TextAreaBench {
    static func sampleText(bytes: Int) -> String {
        // Short lines, so that 1 KB (about 25 lines) fills the 24-row view just as 1 MB does:
        // both cases then draw the same amount and only the text size differs.
        let line = "Hello {{name}}, 中文 and é sample."
        var out = ""
        var n = 0
        while out.utf8.count < bytes { out += "\(n) " + line + "\n"; n += 1 }
        return String(out.utf8.prefix(bytes)) ?? out
    }

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    struct Stats { var median: Double; var min: Double; var max: Double; var p90: Double; var p99: Double }

    /// The same prose as one line (the worst case for a line-based buffer).
    static func oneLine(bytes: Int) -> String {
        String(sampleText(bytes: bytes).map { $0 == "\n" ? " " : $0 })
    }

    /// Keystrokes in the middle of the text: typing, arrows, backspace, Enter, page moves.
    static func measure(bytes: Int, keystrokes: Int, oneLine: Bool = false) -> Stats {
        var area = TextArea(oneLine ? Self.oneLine(bytes: bytes) : sampleText(bytes: bytes), width: 80, height: 24)
        // Edit with the cursor on the bottom row of the view in both cases (the cost depends on
        // where the cursor is in the view: rows from the top are counted): near the end of the
        // 25-line 1 KB text, in the middle of the 1 MB one.
        // One line: the middle of it (rows down from the top), its bottom row in view.
        let target = oneLine ? 6_000 : area.lineCount > 100 ? area.lineCount / 2 : area.lineCount - 3
        _ = area.handle(.key(KeyPress(.home, .ctrl)))
        for _ in 0..<target { _ = area.handle(.key(.down)) }
        let screen = BufferScreen(rows: 24, cols: 80)
        // In one line Enter would split it (and End/Home cross it): typing, moves and deletes only.
        let keys: [InputEvent] = oneLine
            ? typed("abc def ") + [.key(.backspace), .key(.left), .key(.down), .key(.right), .key(.up), .char("中"), .key(.backspace)]
            : typed("abc def ") + [.key(.backspace), .key(.left), .key(.down), .key(.right),
                                   .key(.enter), .key(.up), .key(.end), .key(.home), .char("中"), .key(.backspace)]
        var samples: [Double] = []
        samples.reserveCapacity(keystrokes)
        for i in 0..<(keystrokes + 200) {
            let t0 = now()
            _ = area.handle(keys[i % keys.count])
            var canvas = Canvas(rows: 24, cols: 80)
            area.render(into: &canvas, in: canvas.bounds, focused: true)
            screen.present(canvas)
            let t1 = now()
            if i >= 200 { samples.append(Double(t1 - t0) / 1000) } // first 200 warm up
        }
        samples.sort()
        return Stats(median: samples[samples.count / 2], min: samples.first!, max: samples.last!,
                     p90: samples[samples.count * 9 / 10], p99: samples[samples.count * 99 / 100])
    }

    static func typed(_ s: String) -> [InputEvent] { s.map { .char($0) } }

    static func format(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return "\(r)"
    }

    static func run() {
        let n = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 3000
        print("textarea: key + render of the visible 80×24 region to a BufferScreen, \(n) keystrokes each (µs)")
        var medians: [Double] = []
        var sizes = [("1 KB", 1_000), ("1 MB", 1_000_000)]
        if CommandLine.arguments.contains("--scaling") { sizes += [("10 KB", 10_000), ("100 KB", 100_000), ("10 MB", 10_000_000)] }
        for (label, bytes) in sizes {
            let s = measure(bytes: bytes, keystrokes: n)
            medians.append(s.median)
            print("  \(label): median \(format(s.median))  min \(format(s.min))  p90 \(format(s.p90))  p99 \(format(s.p99))  max \(format(s.max))")
        }
        let line = measure(bytes: 1_000_000, keystrokes: n, oneLine: true)
        print("  1 MB, one line: median \(format(line.median))  min \(format(line.min))  p90 \(format(line.p90))  p99 \(format(line.p99))  max \(format(line.max))")
        print("  ratio 1 MB / 1 KB median: \(format(medians[1] / medians[0])); 1 MB one line / 1 KB: \(format(line.median / medians[0]))")
        paste()
    }

    /// A bracketed paste as the terminal layer takes it: the bytes in pty-sized reads through the
    /// decoder, then into the empty text area, then one frame.
    static func paste() {
        print("paste: bytes (CR newlines, 4095 per read) → decoder → text area → one 80×24 frame (ms, median of 9)")
        for (label, bytes) in [("100 KB", 100 * 1024), ("1 MB", 1 << 20)] {
            let wire = Array(("\u{1B}[200~" + sampleText(bytes: bytes) + "\u{1B}[201~").utf8).map { $0 == 0x0A ? 0x0D : $0 }
            var times: [Double] = []
            for _ in 0..<9 {
                let t0 = now()
                var decoder = InputDecoder()
                var events: [InputEvent] = []
                var i = 0
                while i < wire.count {
                    let j = min(wire.count, i + 4095)
                    events += wire[i..<j].withUnsafeBufferPointer { decoder.feed(buffer: $0) }
                    i = j
                }
                var area = TextArea(width: 80, height: 24)
                for e in events { _ = area.handle(e) }
                var canvas = Canvas(rows: 24, cols: 80)
                area.render(into: &canvas, in: canvas.bounds, focused: true)
                times.append(Double(now() - t0) / 1e6)
            }
            times.sort()
            print("  \(label): median \(format(times[4]))  min \(format(times[0]))  max \(format(times[8]))")
        }
    }
}
