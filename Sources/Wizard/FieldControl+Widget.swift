import TerminalUI

/// Forwarding to the widget inside a control: Swift enums with payloads need a switch to mutate.
extension FieldControl {
    /// The widget's keys, asked of the widget itself, not boxed as `any Widget` (a box held a
    /// copy of a text area, retained whole, every frame the help line is drawn).
    var bindings: [KeyBinding] {
        switch self {
        case .text(let w), .stringList(let w): return w.bindings
        case .longText(let w): return w.bindings
        case .toggle(let w): return w.bindings
        case .number(let w, _): return w.bindings
        case .choice(let w, _, _), .picker(let w): return w.bindings
        case .records(let w, _): return w.bindings
        }
    }

    mutating func handle(_ event: InputEvent) -> WidgetResult {
        switch self {
        case .text(var w): defer { self = .text(w) }; return w.handle(event)
        case .stringList(var w): defer { self = .stringList(w) }; return w.handle(event)
        case .longText(var w):
            // The enum lets go of its copy first, so the edit changes the text in place: otherwise
            // the line typed in is copied whole on every key (a megabyte, in a one-line prompt).
            self = .toggle(Toggle())
            defer { self = .longText(w) }
            return w.handle(event)
        case .choice(var w, let o, let k): defer { self = .choice(w, o, variantKeys: k) }; return w.handle(event)
        case .picker(var w): defer { self = .picker(w) }; return w.handle(event)
        case .toggle(var w): defer { self = .toggle(w) }; return w.handle(event)
        case .number(var w, let i): defer { self = .number(w, integer: i) }; return w.handle(event)
        case .records(var w, let item): defer { self = .records(w, item: item) }; return w.handle(event)
        }
    }

    /// True when the value was edited since the field last had focus.
    mutating func didBlur() -> Bool {
        switch self {
        case .text(var w): defer { self = .text(w) }; return w.didBlur()
        case .stringList(var w): defer { self = .stringList(w) }; return w.didBlur()
        case .longText(var w): defer { self = .longText(w) }; return w.didBlur()
        case .toggle(var w): defer { self = .toggle(w) }; return w.didBlur()
        case .number(var w, let i): defer { self = .number(w, integer: i) }; return w.didBlur()
        case .records(var w, let item): defer { self = .records(w, item: item) }; return w.didBlur()
        case .choice, .picker: return true
        }
    }

    /// Rows the control needs below its label. A choice shows all its entries only while focused.
    func contentHeight(focused: Bool) -> Int {
        switch self {
        case .text, .stringList, .toggle, .number: return 1
        case .longText(let w): return w.height + (w.showsStatus ? 1 : 0)
        case .choice(_, let o, _): return focused ? max(1, o.count) : 1
        case .picker(let w): return focused ? w.height + 1 : 1
        case .records(let w, _): return w.height + 1
        }
    }

    func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        switch self {
        case .choice(let w, _, _) where !focused, .picker(let w) where !focused:
            let title = w.selectedItem?.title ?? "—"
            canvas.put(title, row: rect.row, col: rect.col, maxWidth: rect.width, style: .text)
        // Each widget drawn as itself, not boxed as `any Widget` (a box holds a copy of it).
        case .text(let w), .stringList(let w): w.render(into: &canvas, in: rect, focused: focused)
        case .longText(let w): w.render(into: &canvas, in: rect, focused: focused)
        case .choice(let w, _, _), .picker(let w): w.render(into: &canvas, in: rect, focused: focused)
        case .toggle(let w): w.render(into: &canvas, in: rect, focused: focused)
        case .number(let w, _): w.render(into: &canvas, in: rect, focused: focused)
        case .records(let w, _): w.render(into: &canvas, in: rect, focused: focused)
        }
    }

    mutating func setTextAreaWidth(_ width: Int) {
        if case .longText(var w) = self, w.width != width { w.width = width; self = .longText(w) }
    }
}
