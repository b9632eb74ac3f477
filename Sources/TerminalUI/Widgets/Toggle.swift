/// An on/off switch. Space (or x, or ←/→) flips it.
public struct Toggle: Widget, Sendable {
    public var isOn: Bool
    public var onLabel: String
    public var offLabel: String
    public private(set) var editedSinceBlur = false

    public init(_ isOn: Bool = false, onLabel: String = "yes", offLabel: String = "no") {
        self.isOn = isOn; self.onLabel = onLabel; self.offLabel = offLabel
    }

    public mutating func didBlur() -> Bool { defer { editedSinceBlur = false }; return editedSinceBlur }

    public static let keyBindings = [KeyBinding([.char(" "), .char("x")], "toggle"), KeyBinding(.enter, "next")]
    public var bindings: [KeyBinding] { Self.keyBindings }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        guard case .key(let k) = event else {
            if case .mouse(let m) = event, case .press = m.kind { isOn.toggle(); editedSinceBlur = true; return .changed }
            return .unhandled
        }
        switch (k.key, k.modifiers) {
        case (.char(" "), []), (.char("x"), []), (.left, []), (.right, []):
            isOn.toggle(); editedSinceBlur = true; return .changed
        case (.char("y"), []): if isOn { return .handled }; isOn = true; editedSinceBlur = true; return .changed
        case (.char("n"), []): if !isOn { return .handled }; isOn = false; editedSinceBlur = true; return .changed
        case (.enter, []): return .submit
        case (.tab, []): return .focusNext
        case (.tab, .shift): return .focusPrevious
        default: return .unhandled
        }
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let box = isOn ? "[x] " : "[ ] "
        let style: Style = focused ? .focus : .text
        let used = canvas.put(box, row: rect.row, col: rect.col, maxWidth: rect.width, style: style)
        canvas.put(isOn ? onLabel : offLabel, row: rect.row, col: rect.col + used, maxWidth: rect.width - used, style: isOn ? .text : .muted)
        if focused { canvas.cursor = (rect.row, rect.col + 1) }
    }
}
