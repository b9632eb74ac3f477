/// A modal box with a message and buttons. `MessageDialog` has one button; `ConfirmDialog` two.
/// Drawn centred in the rect it is given (usually the whole canvas), over what is there.
public struct MessageDialog: Widget, Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public private(set) var selectedButton: Int
    public var style: Style

    public init(title: String, message: String, buttons: [String] = ["OK"], selectedButton: Int = 0, style: Style = .border) {
        self.title = title; self.message = message; self.buttons = buttons
        self.selectedButton = min(selectedButton, max(0, buttons.count - 1)); self.style = style
    }

    public static let keyBindings = [KeyBinding([.left, .right, .tab], "choose"), KeyBinding(.enter, "press"), KeyBinding(.escape, "close")]
    public var bindings: [KeyBinding] { Self.keyBindings }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        guard case .key(let k) = event else { return .handled } // modal: swallow the rest
        switch (k.key, k.modifiers) {
        case (.left, []), (.tab, .shift): selectedButton = (selectedButton + buttons.count - 1) % max(1, buttons.count); return .handled
        case (.right, []), (.tab, []): selectedButton = (selectedButton + 1) % max(1, buttons.count); return .handled
        case (.enter, []), (.char(" "), []): return .submit
        case (.escape, []), (.char("q"), []): return .cancel
        default:
            // A button's first letter presses it.
            if let ch = k.text, let i = buttons.firstIndex(where: { $0.lowercased().first == Character(String(ch).lowercased()) }) {
                selectedButton = i; return .submit
            }
            return .handled
        }
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        let buttonsText = buttons.map { "[ \($0) ]" }.joined(separator: "  ")
        let maxInner = max(10, min(rect.width - 4, 64))
        let wrapped = wrapText(message.sanitizedForDisplay, width: maxInner)
        let inner = min(maxInner, max(displayWidth(buttonsText), displayWidth(title) + 2, wrapped.map { displayWidth($0) }.max() ?? 0))
        let h = min(rect.height, wrapped.count + 4)
        let box = rect.centered(width: inner + 4, height: h)
        canvas.fill(box, style: .text)
        canvas.box(box, style: style, title: title, titleStyle: style.with(.bold))
        for (i, line) in wrapped.prefix(max(0, h - 4)).enumerated() {
            canvas.put(line, row: box.row + 1 + i, col: box.col + 2, maxWidth: inner, style: .text)
        }
        var x = box.col + 2 + max(0, (inner - displayWidth(buttonsText)) / 2)
        let row = box.bottom - 2
        for (i, b) in buttons.enumerated() {
            let sel = i == selectedButton
            x += canvas.put("[ \(b) ]", row: row, col: x, maxWidth: box.right - 1 - x, style: sel ? (focused ? .selection : .accent) : .text) + 2
        }
        canvas.cursor = nil
    }
}

/// A yes/no question. `confirmed` tells which button was pressed after `.submit`; Esc cancels.
/// y/n answer directly. Destructive confirms start on the safe button.
public struct ConfirmDialog: Widget, Sendable {
    private var inner: MessageDialog
    public init(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No", destructive: Bool = false) {
        inner = MessageDialog(title: title, message: message, buttons: [confirmLabel, cancelLabel],
                              selectedButton: destructive ? 1 : 0, style: destructive ? .error : .border)
    }
    public var confirmed: Bool { inner.selectedButton == 0 }
    public var bindings: [KeyBinding] { [KeyBinding([.char("y"), .char("n")], "yes/no")] + MessageDialog.keyBindings }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        if case .key(let k) = event, k.modifiers.isEmpty {
            if k.key == .char("y") || k.key == .char("Y") { inner = withButton(0); return .submit }
            if k.key == .char("n") || k.key == .char("N") { inner = withButton(1); return .submit }
        }
        return inner.handle(event)
    }

    private func withButton(_ i: Int) -> MessageDialog {
        MessageDialog(title: inner.title, message: inner.message, buttons: inner.buttons, selectedButton: i, style: inner.style)
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        inner.render(into: &canvas, in: rect, focused: focused)
    }
}
