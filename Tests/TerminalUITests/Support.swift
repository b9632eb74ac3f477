import Foundation
import Testing
@testable import TerminalUI

/// Key events for typing `s` character by character.
func typed(_ s: String) -> [InputEvent] { s.map { InputEvent.char($0) } }

extension Widget {
    /// Feeds events, returning the last result.
    @discardableResult
    mutating func feed(_ events: [InputEvent]) -> WidgetResult {
        var last = WidgetResult.unhandled
        for e in events { last = handle(e) }
        return last
    }
    mutating func type(_ s: String) { feed(typed(s)) }
    @discardableResult mutating func press(_ k: KeyPress) -> WidgetResult { handle(.key(k)) }

    /// Draws the widget alone on an in-memory screen.
    func screen(rows: Int = 3, cols: Int = 20, focused: Bool = true) -> BufferScreen {
        let s = BufferScreen(rows: rows, cols: cols)
        var c = s.makeCanvas()
        render(into: &c, in: c.bounds, focused: focused)
        s.present(c)
        return s
    }
}

/// Compares `text` with `Golden/<name>.txt` exactly. The file is written only when UPDATE_GOLDEN=1
/// is set; a missing file fails with instructions.
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = dir.appendingPathComponent(name + ".txt")
    let content = text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? content.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file \(url.path) is missing: run `UPDATE_GOLDEN=1 swift test --filter TerminalUITests`, review the file, and commit it",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != content {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = content.split(separator: "\n", omittingEmptySubsequences: false)
        let i = Array(zip(e, a)).firstIndex(where: { $0 != $1 }) ?? min(e.count, a.count)
        Issue.record("""
            screen differs from \(url.lastPathComponent) at line \(i + 1):
              expected: \(i < e.count ? String(e[i]) : "<end>")
              actual:   \(i < a.count ? String(a[i]) : "<end>")
            full screen:
            \(content)
            (if the change is intended: UPDATE_GOLDEN=1 swift test --filter TerminalUITests, then review the diff)
            """, sourceLocation: sourceLocation)
    }
}

/// The screen as golden text: rows, the cursor position, then the style map (one letter per cell:
/// t text, m muted, a accent, f focus, e error, v selection, b border, … upper case = bold).
func goldenText(_ s: BufferScreen) -> String {
    s.plainText + "\n-- cursor: " + (s.cursor.map { "\($0.row),\($0.col)" } ?? "hidden")
        + "\n-- styles:\n" + (0..<s.rows).map { s.styleMap(row: $0) }.joined(separator: "\n")
}
