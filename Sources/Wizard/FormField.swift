import AssistantModel
import TerminalUI

/// A voice as the picker lists it (the wizard's own shape, so forms do not depend on the client).
public struct VoiceOption: Sendable, Equatable {
    public var id: String, name: String, language: String, provider: String, description: String
    public init(id: String, name: String, language: String, provider: String, description: String) {
        self.id = id; self.name = name; self.language = language; self.provider = provider; self.description = description
    }
}

/// The widget that edits a field, chosen from the field's kind in the schema.
enum FieldControl: Sendable {
    case text(TextInput)
    case longText(TextArea)
    case choice(SelectList, [ChoiceOption], variantKeys: [String])
    case toggle(Toggle)
    case number(NumberInput, integer: Bool)
    case records(ListEditor<JSONValue>, item: [FieldSpec])
    /// Enum options typed as one comma-separated line.
    case stringList(TextInput)
    /// A long list to pick from (voices, time zones); picking writes the item's id.
    case picker(SelectList)
}

/// One row of the full-screen form: the row's description and the widget drawing it. The draft
/// stays the single source of truth; the widget is a view of it.
struct FormField: Sendable {
    var row: FormRow
    var control: FieldControl
    /// What picking an item does, for pickers that fill more than one key (a voice sets its id and
    /// its provider); nil writes the item's id at `path`.
    var pick: (@Sendable (_ body: inout JSONValue, _ id: String) -> Void)? = nil

    init(_ row: FormRow, value: JSONValue?) {
        self.row = row
        self.control = FieldControl(row, value: value)
    }

    init(_ row: FormRow, control: FieldControl) {
        self.row = row
        self.control = control
    }

    var path: JSONPath { row.path }
    var spec: FieldSpec { row.spec }
    var label: String {
        get { row.label }
        set { row.label = newValue }
    }
    var indent: Int { row.indent }
    var keepsEmpty: Bool { row.keepsEmpty }
    /// Which kind of control it is, so a rebuild can keep a widget's cursor and undo history.
    var identity: String { path.description + "#" + row.input.kindName }

    /// The JSON the control holds now, given what the draft held before.
    func value(previous: JSONValue?) -> JSONValue? {
        switch control {
        case .text(let w): return row.value(text: w.value)
        case .longText(let w): return row.value(text: w.text)
        case .choice(let w, let options, let keys):
            guard let i = w.selectedIndex, i < options.count else { return previous }
            return options[i].apply(to: previous, variantKeys: keys)
        case .picker(let w):
            guard let id = w.selectedItem?.id else { return previous }
            return id.isEmpty && !keepsEmpty ? nil : .string(id)
        case .toggle(let w): return .bool(w.isOn)
        case .number(let w, _): return row.value(number: w.value, previous: previous)
        case .records(let w, _): return .array(w.rows)
        case .stringList(let w): return row.value(list: w.value)
        }
    }
}

extension Substring {
    func trimmed(_ set: Character) -> String {
        var s = self[...]
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
