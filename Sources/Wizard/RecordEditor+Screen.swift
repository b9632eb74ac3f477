import AssistantModel
import TerminalUI

/// One record form's keys, clicks and drawing. Opening and closing forms (nested ones too) is
/// `RecordStack`'s; what the draft then needs (a save, the kept record in the step) the wizard's.
extension RecordEditor {
    enum Outcome: Equatable, Sendable {
        case none
        case showHelp
        /// The record changed: the draft is saved with it as typed, before it is kept.
        case changed
        /// Ctrl-S, or a click on the title's "ctrl+s keep": the record goes into its list.
        case keep
        /// Esc, or a click on "esc discard": the list stays as it was.
        case discard
        /// A list inside the record wants its record form for row `row` (nil: a new one).
        case openRecord(field: Int, row: Int?)
        /// A text field of the record goes to `$EDITOR` (`path` carries `editorPrefix`).
        case openEditor(path: String, text: String)
        case status(String)
    }

    /// Where the form is drawn and what it shows: drawing and mouse clicks read this one value.
    struct Layout: Equatable, Sendable {
        var box: Rect
        var form: Rect
        var title: String
        /// Only the innermost form takes keys and clicks, and only its messages are worked out.
        var active: Bool
        /// The message under each field, by path.
        var messages: [JSONPath: FieldMessage]
        /// The title's "ctrl+s keep" and "esc discard", where they are drawn whole.
        var keep: Rect?
        var discard: Rect?
    }

    static let keepLabel = "ctrl+s keep", discardLabel = "esc discard"

    /// `depth` forms deep (0: over the step) in `viewport`; `trail` names it and the forms around
    /// it. `issues`: the record's own (paths relative to it), judged for the active form only.
    func layout(in viewport: Rect, depth: Int, trail: String, active: Bool, issues: [ValidationIssue], showAll: Bool) -> Layout {
        let box = viewport.inset(top: 1 + depth, left: 1 + 2 * depth, bottom: 0, right: 1)
        let lead = " \(trail) · "
        let title = lead + Self.keepLabel + " · " + Self.discardLabel + " "
        // Canvas.box draws " " + title at col + 1, cut to width - 4 with a "…" as its last column.
        let room = displayWidth(title) <= box.width - 4 ? box.width - 4 : box.width - 5
        func button(_ label: String, at offset: Int) -> Rect? {
            offset + displayWidth(label) <= room ? Rect(row: box.row, col: box.col + 2 + offset, width: displayWidth(label), height: 1) : nil
        }
        var messages: [JSONPath: FieldMessage] = [:]
        if active {
            for f in form.fields where shownPaths.contains(f.path) || showAll {
                if let i = issues.first(where: { $0.belongs(to: f.path) }) {
                    messages[f.path] = FieldMessage(i.message, severity: i.severity == .error ? .error : .warning)
                }
            }
        }
        let keepAt = displayWidth(lead)
        return Layout(box: box, form: box.inset(by: 1).inset(left: 1), title: title, active: active, messages: messages,
                      keep: button(Self.keepLabel, at: keepAt),
                      discard: button(Self.discardLabel, at: keepAt + displayWidth(Self.keepLabel + " · ")))
    }

    mutating func update(_ event: InputEvent, layout: Layout) -> Outcome {
        if case .mouse(let m) = event, m.kind != .wheelUp, m.kind != .wheelDown { return click(m, layout: layout) }
        switch event.keyPress {
        case .escape?: return .discard
        case .ctrl("s")?:
            _ = form.blur()
            return .keep
        case .alt("e")?:
            guard let f = form.focused else { return .none }
            switch f.control {
            case .text(let w): return .openEditor(path: Self.editorPrefix + f.path.description, text: w.value)
            case .longText(let w): return .openEditor(path: Self.editorPrefix + f.path.description, text: w.text)
            default: return .status("Alt-E opens a text field in your editor; this field is not text.")
            }
        default:
            let events = form.handle(event, body: &record)
            if events == [.unhandled], event.keyPress == .char("?") { return .showHelp }
            return absorb(events)
        }
    }

    /// A click on a field focuses it (on a choice's entry, picks it); on the title's words, keeps
    /// or discards. Clicks outside the active form do nothing: it is in front of the rest.
    private mutating func click(_ m: MouseEvent, layout: Layout) -> Outcome {
        guard case .press = m.kind, layout.active else { return .none }
        if let keep = layout.keep, keep.contains(row: m.row, col: m.col) {
            _ = form.blur()
            return .keep
        }
        if let discard = layout.discard, discard.contains(row: m.row, col: m.col) { return .discard }
        guard m.col >= layout.form.col, m.col < layout.form.right,
              let hit = form.field(atRow: m.row, in: layout.form, messages: form.fields.map { layout.messages[$0.path] }) else { return .none }
        var events: [FormEvent] = []
        if hit.index != form.focus { events.append(form.moveFocus(to: hit.index)) }
        if case .choice(var list, let options, let keys) = form.fields[hit.index].control, hit.rowInField >= 1 {
            _ = list.click(rowInRect: hit.rowInField - 1)
            form.fields[hit.index].control = .choice(list, options, variantKeys: keys)
            events.append(form.write(body: &record))
        }
        return absorb(events)
    }

    /// What the form's events mean here: a structural change reshapes the form, a field left
    /// shows its messages.
    private mutating func absorb(_ events: [FormEvent]) -> Outcome {
        var outcome = Outcome.none
        for event in events {
            switch event {
            case .changed(_, let structural):
                if structural { rebuild() }
                outcome = .changed
            case .deferred: outcome = .changed
            case .blurred(let path, _): shownPaths.insert(path)
            case .editRecord(let field, let row): outcome = .openRecord(field: field, row: row)
            case .handled, .unhandled: break
            }
        }
        return outcome
    }

    func render(into canvas: inout Canvas, layout: Layout) {
        canvas.fill(layout.box, style: .background)
        canvas.box(layout.box, title: layout.title)
        form.render(into: &canvas, in: layout.form, active: layout.active, messages: form.fields.map { layout.messages[$0.path] })
    }

    /// The record form for row `row` (nil: a new one) of the list at `field` of `form`, `depth`
    /// forms deep (0: over the step), fitted to a viewport `width` columns wide.
    static func opening(field: Int, row: Int?, of form: Form, depth: Int, width: Int) -> RecordEditor? {
        guard case .records(let list, let item) = form.fields[field].control else { return nil }
        let f = form.fields[field]
        let noun: String = { if case .records(_, let rule) = f.spec.kind { return rule.itemLabel }; return "item" }()
        var editor = RecordEditor(listPath: f.path, index: row, fieldIndex: field, item: item, noun: noun,
                                  record: row.map { list.rows[$0] })
        // The width the text areas are drawn at, so a frame never re-wraps a long line.
        editor.form.fitTextAreas(width: width - 7 - 2 * depth)
        editor.form.messageWidth = width - 7 - 2 * depth
        return editor
    }
}
