/// A run of text in one style.
public struct StyledSpan: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .text) { self.text = text; self.style = style }
}
public typealias StyledLine = [StyledSpan]

/// A read-only, scrollable view of styled lines (the request JSON preview, a server response).
/// Long lines are soft-wrapped (`wrap`) or scrolled sideways with ←/→.
public struct TextView: Widget, Sendable {
    public var lines: [StyledLine]
    public var wrap: Bool
    public private(set) var top = 0
    public private(set) var left = 0
    /// Rows shown; the parent sets it on layout so paging moves by a screenful.
    public var height: Int

    public init(_ lines: [StyledLine] = [], wrap: Bool = false, height: Int = 10) {
        self.lines = lines; self.wrap = wrap; self.height = max(1, height)
    }

    public init(text: String, style: Style = .text, wrap: Bool = true, height: Int = 10) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map { [StyledSpan(String($0), style)] },
                  wrap: wrap, height: height)
    }

    public static let keyBindings = [KeyBinding([.up, .down], "scroll"), KeyBinding([.pageUp, .pageDown], "page"),
                                     KeyBinding([.home, .end], "top/bottom")]
    public var bindings: [KeyBinding] { Self.keyBindings }

    public mutating func scroll(to row: Int) { top = max(0, row) }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        switch event {
        case .key(let k):
            switch (k.key, k.modifiers) {
            case (.up, []), (.char("k"), []): top = max(0, top - 1)
            case (.down, []), (.char("j"), []): top += 1
            case (.pageUp, []), (.char("b"), []): top = max(0, top - max(1, height - 1))
            case (.pageDown, []), (.char(" "), []): top += max(1, height - 1)
            case (.home, []), (.char("g"), []): top = 0
            case (.end, []), (.char("G"), []): top = Int.max / 2
            case (.left, []) where !wrap: left = max(0, left - 8)
            case (.right, []) where !wrap: left += 8
            case (.tab, []): return .focusNext
            case (.tab, .shift): return .focusPrevious
            default: return .unhandled
            }
            return .handled
        case .mouse(let m):
            if m.kind == .wheelUp { top = max(0, top - 3); return .handled }
            if m.kind == .wheelDown { top += 3; return .handled }
            return .unhandled
        default: return .unhandled
        }
    }

    /// Marks a line cut at either edge (scrolled sideways): `‹` on the left, `›` on the right, over
    /// the character there, so a cut line never passes for a whole one.
    func markCut(_ line: StyledLine, row: Int, from col: Int, width: Int, into canvas: inout Canvas) {
        let total = line.reduce(0) { $0 + displayWidth($1.text) }
        guard width > 2 else { return }
        if left > 0, total > 0 { canvas.put("‹", row: row, col: col, style: .accent) }
        if total - left > width { canvas.put("›", row: row, col: col + width - 1, style: .accent) }
    }

    /// The rows to show at `width` columns (wrapped lines split into several rows).
    func rows(width: Int) -> [StyledLine] {
        guard wrap else { return lines }
        var out: [StyledLine] = []
        for line in lines {
            var row: StyledLine = [], used = 0
            for span in line {
                var rest = Substring(span.text)
                while !rest.isEmpty {
                    let piece = String(rest).prefix(fittingWidth: max(1, width - used))
                    if piece.isEmpty {
                        if used == 0 { row.append(StyledSpan(String(rest.prefix(1)), span.style)); rest = rest.dropFirst(); continue }
                        out.append(row); row = []; used = 0; continue
                    }
                    row.append(StyledSpan(String(piece), span.style))
                    used += displayWidth(piece)
                    rest = rest.dropFirst(piece.count)
                    if !rest.isEmpty { out.append(row); row = []; used = 0 }
                }
            }
            out.append(row)
        }
        return out
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let scrollbar = 1
        let textWidth = max(1, rect.width - scrollbar)
        let all = rows(width: textWidth)
        let maxTop = max(0, all.count - rect.height)
        let t = min(top, maxTop)
        for r in 0..<min(rect.height, all.count - t) {
            var x = rect.col - (wrap ? 0 : left)
            for span in all[t + r] {
                let w = displayWidth(span.text)
                if x + w <= rect.col { x += w; continue }
                if x < rect.col {
                    // Partly scrolled off the left edge: drop whole characters.
                    var skip = Substring(span.text)
                    while x < rect.col, let c = skip.first { x += displayWidth(c); skip = skip.dropFirst() }
                    x += canvas.put(skip, row: rect.row + r, col: x, maxWidth: rect.col + textWidth - x, style: span.style)
                    continue
                }
                if x >= rect.col + textWidth { break }
                x += canvas.put(span.text, row: rect.row + r, col: x, maxWidth: rect.col + textWidth - x, style: span.style)
            }
            if !wrap { markCut(all[t + r], row: rect.row + r, from: rect.col, width: textWidth, into: &canvas) }
        }
        if all.count > rect.height {
            let h = rect.height
            let thumb = max(1, h * h / all.count)
            let pos = (h - thumb) * t / max(1, maxTop)
            for r in 0..<h {
                canvas.put(r >= pos && r < pos + thumb ? "┃" : "│", row: rect.row + r, col: rect.right - 1, style: focused ? .accent : .border)
            }
        }
    }
}

/// Colours JSON text for display, line by line, by token: keys, strings, numbers, booleans,
/// null, punctuation. Lexical only: it works on any JSON and never changes the text.
public enum JSONHighlighter {
    public static func styledLines(_ json: String) -> [StyledLine] {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
    }

    static func line(_ s: String) -> StyledLine {
        var spans: StyledLine = []
        let chars = Array(s)
        var i = 0
        func add(_ t: String, _ slot: ThemeSlot) {
            if let last = spans.last, last.style.slot == slot { spans[spans.count - 1].text += t } else { spans.append(StyledSpan(t, Style(slot))) }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
                j = min(j + 1, chars.count)
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                let isKey = k < chars.count && chars[k] == ":"
                add(String(chars[i..<j]), isKey ? .jsonKey : .jsonString)
                i = j
            } else if c == "-" || c.isNumber {
                var j = i
                while j < chars.count, "-+.eE0123456789".contains(chars[j]) { j += 1 }
                add(String(chars[i..<j]), .jsonNumber); i = j
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                let word = String(chars[i..<j])
                add(word, word == "null" ? .jsonNull : (word == "true" || word == "false" ? .jsonBool : .text)); i = j
            } else if "{}[]:,".contains(c) {
                add(String(c), .jsonPunctuation); i += 1
            } else {
                add(String(c), .text); i += 1
            }
        }
        return spans
    }
}
