import AssistantModel

/// One row of a form as the schema and the draft describe it, with no widget in it: where its
/// value lives, how it is labelled, and what kind of answer it takes. The full-screen form draws a
/// row as a widget (`FormField`), the accessible mode as a spoken prompt; both read this, so a
/// field, a choice or a wording is described once (as huh describes one form for both modes).
struct FormRow: Sendable {
    /// Concrete JSON path relative to the form's root ("voice.speed", "answer").
    var path: JSONPath
    var spec: FieldSpec
    var label: String
    var indent: Int
    var input: FormInput
    /// The value is written even when empty (records keep their required keys; a nullable text
    /// in its "value" state stays a string).
    var keepsEmpty: Bool

    /// Whether the user may leave the key out here.
    var isOptional: Bool { !(spec.required || keepsEmpty) }

    /// The JSON a typed text stands for: empty leaves the key out unless the row keeps it.
    func value(text: String) -> JSONValue? {
        text.isEmpty && !keepsEmpty ? nil : .string(text)
    }

    /// The JSON a comma-separated line stands for ("small, medium" → ["small", "medium"]).
    func value(list raw: String) -> JSONValue? {
        if raw.allSatisfy(\.isWhitespace) { return keepsEmpty ? .array([]) : nil }
        return .array(raw.split(separator: ",", omittingEmptySubsequences: false).map { .string($0.trimmed(" ")) })
    }

    /// The JSON a number stands for: a whole number stays a whole-number literal.
    func value(number: Double?, previous: JSONValue?) -> JSONValue? {
        guard let number else { return nil }
        if case .number(let bounds) = input, bounds.integer, abs(number) < 9e18 { return .number(JSONNumber(Int(number.rounded()))) }
        return JSONNumber(number).map(JSONValue.number) ?? previous
    }
}

/// The kind of answer a row takes, with what any front end needs to ask for it.
enum FormInput: Sendable {
    case text(placeholder: String)
    case longText(lines: Int, placeholders: Bool)
    /// One of these entries; `variantKeys` are the keys the shapes of a variant object share.
    case choice([ChoiceOption], variantKeys: [String])
    case toggle
    case number(NumberBounds)
    /// Strings typed as one comma-separated line.
    case stringList(placeholder: String)
    case records(item: [FieldSpec], noun: String)
    /// A zone from the IANA list.
    case timeZone
    /// A voice from `GET /voices` (the full-screen voice list; the accessible mode asks it its way).
    case voice
    /// The draft's API generation (the full-screen Basics row; switching is a question of its own).
    case generation

    /// Which kind of answer it is, so two rows at one path (a nullable text's switch and its
    /// value) are told apart.
    var kindName: String {
        switch self {
        case .text: return "text"
        case .longText: return "longText"
        case .choice: return "choice"
        case .toggle: return "toggle"
        case .number: return "number"
        case .stringList: return "stringList"
        case .records: return "records"
        case .timeZone: return "timeZone"
        case .voice: return "voice"
        case .generation: return "generation"
        }
    }

    /// Rows whose value decides which other rows show; a change rebuilds the form.
    var isStructural: Bool {
        switch self {
        case .choice, .timeZone, .voice: return true
        default: return false
        }
    }
}

/// A number's range in force (a sibling may set it, as the provider sets the voice speed's), step
/// and placeholder.
struct NumberBounds: Sendable, Equatable {
    var minimum: Double?
    var maximum: Double?
    var step: Double
    var integer: Bool
    var placeholder: String
}
