/// One row: text on the left, text on the right (badges, position), and a help line generated
/// from key bindings.
public struct StatusBar: Sendable {
    public var left: String
    public var right: String
    public var style: Style
    public init(left: String = "", right: String = "", style: Style = .selection) {
        self.left = left; self.right = right; self.style = style
    }

    public func render(into canvas: inout Canvas, row: Int, col: Int = 0, width: Int) {
        canvas.fill(Rect(row: row, col: col, width: width, height: 1), style: style)
        let rw = displayWidth(right)
        let leftWidth = max(0, width - rw - 3)
        canvas.put(" " + left.truncated(toWidth: leftWidth), row: row, col: col, maxWidth: width, style: style)
        if rw > 0, rw + 2 <= width { canvas.put(right + " ", row: row, col: col + width - rw - 1, maxWidth: rw + 1, style: style) }
    }
}

/// The one-line key help: "ctrl+a start · ctrl+e end · …", clipped to the width; `extra`
/// bindings (the program's own) come first.
public enum HelpLine {
    public static func text(_ bindings: [KeyBinding]) -> String {
        bindings.map { "\($0.label) \($0.help)" }.joined(separator: " · ")
    }

    public static func render(_ bindings: [KeyBinding], into canvas: inout Canvas, row: Int, col: Int = 0, width: Int) {
        var x = col
        let end = col + width
        for (i, b) in bindings.enumerated() {
            let piece = displayWidth(b.label) + 1 + displayWidth(b.help) + (i > 0 ? 3 : 0)
            if x + piece > end { if x + 1 < end { canvas.put("…", row: row, col: x + 1, style: .muted) }; break }
            if i > 0 { x += canvas.put(" · ", row: row, col: x, maxWidth: end - x, style: .muted) }
            x += canvas.put(b.label, row: row, col: x, maxWidth: end - x, style: .accent)
            // Two puts, not `" " + help`: a string made per binding per frame.
            x += canvas.put(" ", row: row, col: x, maxWidth: end - x, style: .muted)
            x += canvas.put(b.help, row: row, col: x, maxWidth: end - x, style: .muted)
        }
    }
}

/// A spinner for work in progress. The program ticks it from a timer (≈ 100 ms).
public struct Spinner: Sendable {
    public static let unicodeFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static let asciiFrames = ["|", "/", "-", "\\"]
    public var frames: [String]
    public private(set) var frame = 0
    public var label: String
    public init(label: String = "", ascii: Bool = false) {
        self.label = label; frames = ascii ? Self.asciiFrames : Self.unicodeFrames
    }
    public mutating func tick() { frame = (frame + 1) % frames.count }
    public var text: String { label.isEmpty ? frames[frame] : frames[frame] + " " + label }

    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, col: Int, width: Int) -> Int {
        let used = canvas.put(frames[frame], row: row, col: col, maxWidth: width, style: .accent)
        guard !label.isEmpty else { return used }
        return used + canvas.put(" " + label, row: row, col: col + used, maxWidth: width - used, style: .text)
    }
}
