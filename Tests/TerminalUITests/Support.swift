import Foundation
import Testing
import TestSupport
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

/// This target's golden screens, in `Golden/` beside this file (see TestSupport's `expectGolden`).
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    TestSupport.expectGolden(name, text, directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"),
                             filter: "TerminalUITests", sourceLocation: sourceLocation)
}

/// The screen as golden text: rows, the cursor position, then the style map (one letter per cell:
/// t text, m muted, a accent, f focus, e error, v selection, b border, … upper case = bold).
func goldenText(_ s: BufferScreen) -> String {
    s.plainText + "\n-- cursor: " + (s.cursor.map { "\($0.row),\($0.col)" } ?? "hidden")
        + "\n-- styles:\n" + (0..<s.rows).map { s.styleMap(row: $0) }.joined(separator: "\n")
}
