/// A number field: refuses characters that cannot make a number as they are typed, ↑/↓ step by
/// `step` (PgUp/PgDn by ten steps), clamped to min…max. Empty means "no value" (nil).
public struct NumberInput: Widget, Sendable {
    public private(set) var text: String
    public var minimum: Double?
    public var maximum: Double?
    public var step: Double
    public var allowsDecimal: Bool
    public var placeholder: String
    /// Why the last keystroke was refused, for the parent to show (cleared by the next key).
    public private(set) var refusal: String?
    public private(set) var editedSinceBlur = false
    private var history = UndoHistory<String>()

    public init(_ value: Double? = nil, minimum: Double? = nil, maximum: Double? = nil, step: Double = 1,
                allowsDecimal: Bool = false, placeholder: String = "") {
        self.minimum = minimum; self.maximum = maximum; self.step = step
        self.allowsDecimal = allowsDecimal; self.placeholder = placeholder
        text = ""
        text = value.map(format) ?? ""
    }

    public var value: Double? {
        get { Double(text) }
        set { text = newValue.map(format) ?? "" }
    }
    public var intValue: Int? { value.map { Int($0.rounded()) } }

    func format(_ v: Double) -> String {
        if !allowsDecimal || v == v.rounded(), abs(v) < 1e15 { return String(Int(v.rounded())) }
        var s = String(v)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    public mutating func didBlur() -> Bool { defer { editedSinceBlur = false }; return editedSinceBlur }

    public static let keyBindings = [KeyBinding([.up, .down], "±step"), KeyBinding([.pageUp, .pageDown], "±10 steps")]
    public var bindings: [KeyBinding] { Self.keyBindings }

    /// Whether `s` is a number or the start of one ("-", "1.").
    func isPartialNumber(_ s: String) -> Bool {
        var seenDot = false, digits = 0
        for (i, c) in s.enumerated() {
            if c == "-", i == 0, minimum.map({ $0 < 0 }) ?? true { continue }
            if c == ".", allowsDecimal, !seenDot { seenDot = true; continue }
            if c.isASCII, c.isNumber { digits += 1; continue }
            return false
        }
        return digits <= 15
    }

    private mutating func set(_ new: String) -> WidgetResult {
        guard new != text else { return .handled }
        history.record(text)
        text = new
        editedSinceBlur = true
        return .changed
    }

    private mutating func bump(_ times: Double) -> WidgetResult {
        var v = (value ?? minimum ?? 0) + times * step
        if let minimum { v = max(minimum, v) }
        if let maximum { v = min(maximum, v) }
        if allowsDecimal { v = (v * 1e9).rounded() / 1e9 } // no 0.30000000000000004
        return set(format(v))
    }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        refusal = nil
        switch event {
        case .paste(let s):
            let t = text + s.filter { !$0.isWhitespace }
            guard isPartialNumber(t) else { refusal = "not a number: \(s.sanitizedForDisplay)"; return .handled }
            return set(t)
        case .mouse(let m):
            if m.kind == .wheelUp { return bump(1) }
            if m.kind == .wheelDown { return bump(-1) }
            return .unhandled
        case .resize: return .unhandled
        case .key(let k):
            if let ch = k.text {
                let t = text + String(ch)
                guard isPartialNumber(t) else {
                    refusal = allowsDecimal ? "numbers only" : "whole numbers only"
                    return .handled
                }
                return set(t)
            }
            switch (k.key, k.modifiers) {
            case (.up, []): return bump(1)
            case (.down, []): return bump(-1)
            case (.pageUp, []): return bump(10)
            case (.pageDown, []): return bump(-10)
            case (.backspace, []): return text.isEmpty ? .handled : set(String(text.dropLast()))
            case (.char("u"), .ctrl), (.char("k"), .ctrl): return set("")
            case (.char("_"), .ctrl), (.char("z"), .alt):
                guard let s = history.undo(current: text) else { return .handled }
                text = s; editedSinceBlur = true; return .changed
            case (.enter, []): return .submit
            case (.tab, []): return .focusNext
            case (.tab, .shift): return .focusPrevious
            default: return .unhandled
            }
        }
    }

    /// "0–100" style range text, for hints.
    public var rangeDescription: String? {
        switch (minimum, maximum) {
        case let (lo?, hi?): return "\(format(lo))–\(format(hi))"
        case let (lo?, nil): return "≥ \(format(lo))"
        case let (nil, hi?): return "≤ \(format(hi))"
        default: return nil
        }
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let fieldWidth = min(rect.width, 14)
        let style = focused ? Style.text.with(.underline) : Style.text
        canvas.fill(Rect(row: rect.row, col: rect.col, width: fieldWidth, height: 1), style: style)
        if text.isEmpty {
            canvas.put(placeholder, row: rect.row, col: rect.col, maxWidth: fieldWidth, style: Style.muted.with(focused ? .underline : []))
        } else {
            canvas.put(text, row: rect.row, col: rect.col, maxWidth: fieldWidth, style: style)
        }
        var x = rect.col + fieldWidth + 1
        if focused, x < rect.right {
            x += canvas.put("↑↓", row: rect.row, col: x, maxWidth: rect.right - x, style: .muted) + 1
        }
        if let r = rangeDescription, x < rect.right {
            x += canvas.put("(\(r))", row: rect.row, col: x, maxWidth: rect.right - x, style: .muted) + 1
        }
        if let refusal, x < rect.right {
            canvas.put(refusal, row: rect.row, col: x, maxWidth: rect.right - x, style: .warning)
        }
        if focused { canvas.cursor = (rect.row, rect.col + min(fieldWidth - 1, displayWidth(text))) }
    }
}
