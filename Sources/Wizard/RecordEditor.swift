import AssistantModel
import TerminalUI

/// The sub-form a list editor opens for one record (a FAQ item, an output field, a calling window).
/// It edits a copy, so Esc leaves the list as it was; Ctrl-S puts the copy back. A list inside the
/// record (a tool's headers) opens its own editor over this one (`RecordStack`).
struct RecordEditor: Sendable {
    /// The list's path in the draft ("faq_items", "call_retry_config.calling_windows").
    var listPath: JSONPath
    /// The row being edited, or nil for a new one.
    var index: Int?
    /// The form field (in the step's form) that holds the list editor.
    var fieldIndex: Int
    var item: [FieldSpec]
    var noun: String
    var record: JSONValue
    var form = Form()
    var shownPaths: Set<JSONPath> = []

    init(listPath: JSONPath, index: Int?, fieldIndex: Int, item: [FieldSpec], noun: String, record: JSONValue?) {
        self.listPath = listPath; self.index = index; self.fieldIndex = fieldIndex; self.item = item; self.noun = noun
        self.record = record ?? RecordEditor.newRecord(item)
        rebuild()
    }

    /// A new record starts with its documented defaults and empty required text, so every control
    /// shows what will be sent.
    static func newRecord(_ item: [FieldSpec]) -> JSONValue {
        var obj = JSONObject()
        for spec in item where spec.required {
            if let d = spec.defaultValue { obj[spec.key] = d; continue }
            switch spec.kind {
            case .text, .longText: obj[spec.key] = ""
            case .choice(let c): obj[spec.key] = c.first.map { .string($0.value) }
            case .toggle: obj[spec.key] = false
            case .records: obj[spec.key] = .array([])
            // A required object has no switch to turn it on (a flow block's content): it starts
            // filled the same way, or its fields would never show.
            case .object(let fields): obj[spec.key] = newRecord(fields)
            default: break
            }
        }
        return .object(obj)
    }

    mutating func rebuild() {
        let record = self.record
        form.replaceFields(FormBuilder.rows(for: item, body: record, inRecord: true).map { FormField($0, value: record.value(at: $0.path)) },
                           body: record)
        form.fitTextAreas(width: form.messageWidth)
    }

    var title: String { index.map { "\(noun.capitalizedFirst) \($0 + 1)" } ?? "New \(noun)" }

    /// The draft with this record in its place (a new one at the end of the list).
    func applied(to draft: JSONValue) -> JSONValue {
        var copy = draft
        var list = copy.value(at: listPath)?.arrayValue ?? []
        let i = index ?? list.count
        if i < list.count { list[i] = record } else { list.append(record) }
        try? copy.set(listPath, to: .array(list))
        return copy
    }

    /// Where the record is in `container` (the draft, or the record around it): `faq_items[2]`,
    /// and for a new one the row after the last.
    func place(in container: JSONValue) -> JSONPath {
        listPath.appending(index ?? (container.value(at: listPath)?.arrayValue?.count ?? 0))
    }

    static let bindings: [KeyBinding] = [KeyBinding(.ctrl("s"), "keep"), KeyBinding(.escape, "discard"),
                                         KeyBinding(.alt("e"), "edit in $EDITOR")]

    /// Marks an editor hand-off for a field of the record being edited (not of the draft).
    static let editorPrefix = "record:"
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
