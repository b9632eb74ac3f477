import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The prompt editor's own cost, in-process and without a terminal: one typed character (the key,
/// then a frame drawn into a canvas) at the start of 1 KB and 1 MB of text, and a 100 KB paste.
/// The target is that 1 MB types as fast as 1 KB; this isolates the widget from the
/// wizard's update (which the pty benchmark measures whole).
enum TextAreaBench {
    static func run() {
        let line = "The quick brown fox jumps over the lazy dog; the assistant waits for {{caller_name}}. 0123456789\n"
        print("textarea bench: 76x12 editor, cursor at the start of the text, \(runs) runs each after \(warmup) warm-up runs")
        for (label, bytes) in [("1 KB", 1 << 10), ("1 MB", 1 << 20)] {
            var area = TextArea(String(repeating: line, count: bytes / line.utf8.count + 1), width: 76, height: 12)
            _ = area.handle(.key(KeyPress(.home, .ctrl)))
            var canvas = Canvas(rows: 24, cols: 80)
            let rect = Rect(row: 2, col: 2, width: 76, height: 13)
            ModelBench.report("type+frame+erase \(label)", ModelBench.time {
                _ = area.handle(.char("x"))
                area.render(into: &canvas, in: rect, focused: true)
                _ = area.handle(.key(.backspace))
            })
        }
        let paste = String(repeating: line, count: 100 * 1024 / line.utf8.count)
        ModelBench.report("paste 100 KB+frame", ModelBench.time {
            var area = TextArea("", width: 76, height: 12)
            var canvas = Canvas(rows: 24, cols: 80)
            _ = area.handle(.paste(paste))
            area.render(into: &canvas, in: Rect(row: 2, col: 2, width: 76, height: 13), focused: true)
        })
    }

    static let runs = ModelBench.runs, warmup = ModelBench.warmup
}
