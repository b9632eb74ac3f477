import AssistantModel
import TerminalUI

/// What a form tells the wizard after an event.
enum FormEvent: Equatable, Sendable {
    case unhandled
    case handled
    /// The draft changed at this path; `structural` when other fields may appear or vanish.
    case changed(path: JSONPath, structural: Bool)
    /// Focus left the field at this path; `edited` when its value changed while it had focus.
    case blurred(path: JSONPath, edited: Bool)
    /// A list editor wants its record form: for row `row`, or a new row when nil.
    case editRecord(field: Int, row: Int?)
    /// A long text changed but is not in the draft yet (see `Form.deferThreshold`).
    case deferred(path: JSONPath)
}

/// A page of fields over a JSON object (the draft, or one record of a list), in the manner of huh:
/// each field owns its widget; the form owns focus, layout and scrolling.
struct Form: Sendable {
    var fields: [FormField] = []
    var focus = 0
    var scrollTop = 0
    /// The field whose newest text is still only in its widget.
    var unwritten: Int?
    /// Columns a top-level field's message wraps at (the owner sets it with the layout width), so
    /// the layout gives a long message all its rows.
    var messageWidth = 76

    /// Above this many bytes a text is written back to the draft when it is needed (leaving the
    /// field, validating, saving, sending) instead of on every key: joining a megabyte of lines per
    /// keystroke would make typing cost grow with the text.
    static let deferThreshold = 64 * 1024

    var focused: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }
    /// The focused field's path, read in place: `focused` copies the whole field (a text area's
    /// storage retained and released), and the header asks on every frame.
    var focusedPath: JSONPath? { fields.indices.contains(focus) ? fields[focus].path : nil }
    /// The focused field's keys, read in place.
    var focusedBindings: [KeyBinding] { fields.indices.contains(focus) ? fields[focus].control.bindings : [] }

    /// New rows from the builder. A row whose widget still shows the draft's value keeps its widget,
    /// so a rebuild never throws away a cursor position or an undo history.
    mutating func replaceFields(_ new: [FormField], body: JSONValue) {
        let focusedID = focused?.identity
        var old: [String: FormField] = [:]
        for f in fields { old[f.identity] = f }
        fields = new.map { n in
            guard let o = old[n.identity], Form.stillShows(o, n, body: body) else { return n }
            var kept = n
            kept.control = o.control
            // A number's range can depend on a sibling (voice speed on the provider): take the new one.
            if case .number(var w, let integer) = o.control, case .number(let fresh, _) = n.control {
                w.minimum = fresh.minimum
                w.maximum = fresh.maximum
                kept.control = .number(w, integer: integer)
            }
            return kept
        }
        if let focusedID, let i = fields.firstIndex(where: { $0.identity == focusedID }) { focus = i }
        focus = min(focus, max(0, fields.count - 1))
    }

    /// Whether an old row's widget still shows what the draft holds (then it is kept).
    static func stillShows(_ old: FormField, _ new: FormField, body: JSONValue) -> Bool {
        if case .picker(let o) = old.control, case .picker(let n) = new.control {
            // A picker's state is its list and filter; keep it while the list is the same.
            return o.items == n.items && o.selectedItem?.id == n.selectedItem?.id
        }
        return old.value(previous: body.value(at: old.path)) == body.value(at: old.path)
    }

    // MARK: layout

    struct Slot: Equatable { var field: Int; var top: Int; var height: Int }

    /// Each field's rows, top to bottom: its label, its control, and its message's rows.
    /// `messages` holds one per field, in order. (A list, not a function of the field: the
    /// function the wizard passed captured the wizard, which was copied whole at each call.)
    func layout(messages: [FieldMessage?]) -> [Slot] {
        var y = 0
        var out: [Slot] = []
        out.reserveCapacity(fields.count)
        for i in fields.indices {
            let h = 1 + fields[i].control.contentHeight(focused: i == focus) + messageRows(i, messages[i])
            out.append(Slot(field: i, top: y, height: h))
            y += h + 1
        }
        return out
    }

    /// By index, as `hint` and `write` are: a field passed as a value was copied, its widget retained
    /// and released (five copies a key in the prompt editor).
    func messageRows(_ i: Int, _ message: FieldMessage?) -> Int {
        message.map { $0.rows(width: messageWidth - fields[i].indent * 2).count } ?? 0
    }

    /// Scrolls so the focused field is wholly in view (its top wins when it is taller than the view).
    mutating func scrollToFocus(viewHeight: Int, messages: [FieldMessage?]) {
        guard let slot = layout(messages: messages).first(where: { $0.field == focus }) else { scrollTop = 0; return }
        if slot.top + slot.height > scrollTop + viewHeight { scrollTop = slot.top + slot.height - viewHeight }
        if slot.top < scrollTop { scrollTop = slot.top }
        scrollTop = max(0, scrollTop)
    }

    /// Gives each text area the width `render` will draw it at: the field's body, `width` (what
    /// `messageWidth` also is) less its indent. Any other width and every frame would re-wrap the
    /// whole text at the drawn width (a megabyte line, per key).
    mutating func fitTextAreas(width: Int) {
        for i in fields.indices { fields[i].control.setTextAreaWidth(max(10, width - fields[i].indent * 2)) }
    }

    func render(into canvas: inout Canvas, in rect: Rect, active: Bool, messages: [FieldMessage?]) {
        let slots = layout(messages: messages)
        var hiddenAbove = false, hiddenBelow = false
        for slot in slots {
            let top = rect.row + slot.top - scrollTop
            // Only whole fields are drawn; the markers below say that more is out of view.
            if top < rect.row { hiddenAbove = true; continue }
            if top + slot.height > rect.bottom { hiddenBelow = true; continue }
            // Read in place: a copy of a field retains and releases everything its widget holds.
            let i = slot.field
            let isFocused = active && i == focus
            let indent = fields[i].indent * 2
            let box = Rect(row: top, col: rect.col + indent, width: rect.width - indent, height: slot.height)
            let m = messages[i]
            drawField(into: &canvas, in: box, label: fields[i].label, focused: isFocused, message: m, messageRows: messageRows(i, m),
                      hint: hint(for: i, focused: isFocused)) { c, r in
                fields[i].control.render(into: &c, in: r, focused: isFocused)
            }
        }
        if hiddenAbove { canvas.put("▲ more above", row: rect.row, col: rect.right - 13, maxWidth: 13, style: .muted) }
        if hiddenBelow { canvas.put("▼ more below", row: rect.bottom - 1, col: rect.right - 13, maxWidth: 13, style: .muted) }
        if slots.isEmpty {
            canvas.put("Nothing to set here.", row: rect.row, col: rect.col + 2, maxWidth: rect.width - 2, style: .muted)
        }
    }

    private func hint(for i: Int, focused: Bool) -> String? {
        // Appended to one string, not collected and joined: it is made for every field, every frame.
        var hint = ""
        func add(_ part: String) { hint += hint.isEmpty ? part : " · " + part }
        if fields[i].spec.required && fields[i].indent == 0 { add("required") }
        if case .number = fields[i].control, case .number(let rule) = fields[i].spec.kind, !rule.unit.isEmpty { add(rule.unit) }
        if focused, case .longText(let w) = fields[i].control { add("Ln \(w.cursor.line + 1)/\(w.lineCount), Col \(w.cursor.column + 1)") }
        if focused, case .choice(let w, let o, _) = fields[i].control, let s = w.selectedIndex, s < o.count, !o[s].help.isEmpty {
            add(o[s].help)
        }
        return hint.isEmpty ? nil : hint
    }

    /// The field under a screen row, for mouse clicks.
    func field(atRow row: Int, in rect: Rect, messages: [FieldMessage?]) -> (index: Int, rowInField: Int)? {
        for slot in layout(messages: messages) {
            let top = rect.row + slot.top - scrollTop
            if row >= top && row < top + slot.height { return (slot.field, row - top) }
        }
        return nil
    }

    // MARK: events

    /// Moves focus, telling the caller which field lost it.
    mutating func moveFocus(to index: Int) -> FormEvent {
        guard !fields.isEmpty else { return .handled }
        let target = (index % fields.count + fields.count) % fields.count
        guard target != focus else { return .handled }
        let path = fields[focus].path
        let edited = fields[focus].control.didBlur()
        focus = target
        return .blurred(path: path, edited: edited)
    }

    /// Blurs the focused field (the form itself is losing focus: step change, sending).
    mutating func blur() -> FormEvent {
        guard fields.indices.contains(focus) else { return .handled }
        return .blurred(path: fields[focus].path, edited: fields[focus].control.didBlur())
    }

    /// What happened, in order: an Enter that confirms a changed value both changes the draft
    /// and leaves the field.
    mutating func handle(_ event: InputEvent, body: inout JSONValue) -> [FormEvent] {
        guard fields.indices.contains(focus) else { return [.unhandled] }
        let result = fields[focus].control.handle(event)
        switch result {
        case .unhandled:
            if let k = event.keyPress {
                if k == KeyPress(.tab) || k == KeyPress(.down) { writeUnwritten(body: &body); return [moveFocus(to: focus + 1)] }
                if k == KeyPress(.tab, .shift) || k == KeyPress(.up) { writeUnwritten(body: &body); return [moveFocus(to: focus - 1)] }
            }
            return [.unhandled]
        case .handled, .cancel: return [.handled]
        case .changed:
            if case .longText = fields[focus].control,
               (body.value(at: fields[focus].path)?.stringValue?.utf8.count ?? 0) > Form.deferThreshold {
                unwritten = focus
                return [.deferred(path: fields[focus].path)]
            }
            return [write(body: &body)]
        case .submit, .focusNext:
            // Choices and pickers write as the user moves in them; Tab only leaves, so it must not
            // turn a value no entry shows (an unknown enum, an empty zone) into the highlighted one.
            let change = result == .focusNext && fields[focus].row.input.isStructural ? .handled : write(body: &body)
            return (change == .handled ? [] : [change]) + [moveFocus(to: focus + 1)]
        case .focusPrevious:
            writeUnwritten(body: &body)
            return [moveFocus(to: focus - 1)]
        case .edit(let row): return [.editRecord(field: focus, row: row)]
        }
    }

    /// Writes a deferred text into the draft.
    mutating func writeUnwritten(body: inout JSONValue) {
        guard let i = unwritten else { return }
        unwritten = nil
        guard fields.indices.contains(i) else { return }
        let f = fields[i]
        try? body.set(f.path, to: f.value(previous: body.value(at: f.path)))
    }

    /// Writes the focused control's value into the draft.
    mutating func write(body: inout JSONValue) -> FormEvent {
        let i = focus
        if let pick = fields[i].pick, case .picker(let list) = fields[i].control {
            let before = body
            pick(&body, list.selectedItem?.id ?? "")
            return body == before ? .handled : .changed(path: fields[i].path, structural: true)
        }
        let old = body.value(at: fields[i].path)
        let new = fields[i].value(previous: old)
        guard new != old else { return .handled }
        try? body.set(fields[i].path, to: new)
        return .changed(path: fields[i].path, structural: fields[i].row.input.isStructural)
    }
}
