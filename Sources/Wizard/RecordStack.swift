import AssistantModel
import TerminalUI

/// The record forms open over the step (a FAQ item, an output field, a calling window), each
/// nested one over the record it belongs to (a tool's headers over the tool). Only the innermost
/// takes events; keeping it puts it into the list of the one around it, which stays open.
struct RecordStack: Sendable {
    /// Outermost first.
    private(set) var editors: [RecordEditor] = []

    var innermost: RecordEditor? { editors.last }
    var outer: [RecordEditor] { Array(editors.dropLast()) }
    var isEmpty: Bool { editors.isEmpty }

    /// A record kept from the outermost form: the step's list takes it.
    struct Kept: Equatable, Sendable {
        var record: JSONValue
        var listPath: JSONPath
        /// The row it replaces, or nil for a new one at the end.
        var index: Int?
        /// The form field holding the list.
        var fieldIndex: Int
    }

    enum Outcome: Equatable, Sendable {
        case none
        case showHelp
        /// The records as typed changed the draft that is saved.
        case changed
        /// The innermost form closed without keeping: the draft is saved without it.
        case discarded
        /// The outermost form kept its record.
        case kept(Kept)
        case openEditor(path: String, text: String)
        case status(String)
    }

    /// Where each open form is drawn, outermost first: drawing and mouse clicks read this value.
    struct Layout: Equatable, Sendable {
        var viewport: Rect
        var editors: [RecordEditor.Layout]
    }

    /// `issues`: the innermost record's, for its messages (none needed for keys).
    func layout(in viewport: Rect, issues: [ValidationIssue], showAll: Bool) -> Layout {
        Layout(viewport: viewport, editors: editors.indices.map { depth in
            let trail = editors.prefix(depth + 1).map(\.title).joined(separator: " › ")
            let active = depth == editors.count - 1
            return editors[depth].layout(in: viewport, depth: depth, trail: trail, active: active,
                                         issues: active ? issues : [], showAll: showAll)
        })
    }

    mutating func open(_ editor: RecordEditor) { editors.append(editor) }

    mutating func update(_ event: InputEvent, layout: Layout) -> Outcome {
        guard let mine = layout.editors.last, var editor = editors.popLast() else { return .none }
        let outcome = editor.update(event, layout: mine)
        switch outcome {
        case .discard: return .discarded
        case .keep:
            guard var parent = editors.popLast() else {
                return .kept(Kept(record: editor.record, listPath: editor.listPath, index: editor.index, fieldIndex: editor.fieldIndex))
            }
            parent.keep(editor)
            editors.append(parent)
            return .changed
        case .openEditor(let path, let text):
            editors.append(editor)
            return .openEditor(path: path, text: text)
        case .status(let text):
            editors.append(editor)
            return .status(text)
        case .openRecord(let field, let row):
            editors.append(editor)
            if let inner = RecordEditor.opening(field: field, row: row, of: editor.form, depth: editors.count, width: layout.viewport.width) {
                editors.append(inner)
            }
        case .none, .showHelp, .changed: editors.append(editor)
        }
        // As if every field showed a one-row message: the record's messages are not worked out for keys.
        let depth = editors.count - 1
        editors[depth].form.scrollToFocus(viewHeight: layout.viewport.height - 4 - 2 * depth,
                                          messages: Array(repeating: FieldMessage(""), count: editors[depth].form.fields.count))
        switch outcome {
        case .showHelp: return .showHelp
        case .changed: return .changed
        default: return .none
        }
    }

    /// Text back from `$EDITOR` for the field at `path` of the innermost record.
    mutating func received(text: String, at path: JSONPath) {
        guard var editor = editors.popLast() else { return }
        try? editor.record.set(path, to: .string(text))
        editor.rebuild()
        editor.shownPaths.insert(path)
        editors.append(editor)
    }

    /// Each form a little inside the one it belongs to.
    func render(into canvas: inout Canvas, layout: Layout) {
        for (editor, l) in zip(editors, layout.editors) { editor.render(into: &canvas, layout: l) }
    }

    /// The record form's keys, then the focused field's.
    var bindings: [KeyBinding] { RecordEditor.bindings + (innermost?.form.focusedBindings.prefix(3) ?? []) }
}

extension RecordEditor {
    /// The record kept in the form over this one goes into its list here; the focus is on the list.
    mutating func keep(_ inner: RecordEditor) {
        guard form.commit(inner.record, at: inner.index, field: inner.fieldIndex) else { return }
        form.focus = inner.fieldIndex
        _ = form.write(body: &record)
        shownPaths.insert(inner.listPath)
    }
}

extension Form {
    /// Puts a kept record into the list at `field` (a new one when `index` is nil); false when
    /// that field is not a list.
    mutating func commit(_ record: JSONValue, at index: Int?, field: Int) -> Bool {
        guard case .records(var list, let item) = fields[field].control else { return false }
        list.commit(record, at: index)
        fields[field].control = .records(list, item: item)
        return true
    }
}
