/// The description of one request field, for the screens that edit it and the validator that
/// checks it. A field added to the API is added once, in `AssistantSchema`, and the form, its help
/// line, the validation rules and the canonical key order all follow.
public struct FieldSpec: Sendable {
    /// The JSON key inside its parent object.
    public var key: String
    /// The path with `[]` for "any item of the list", e.g. `faq_items[].answer`.
    public var path: String
    /// A short label for a form ("First sentence").
    public var label: String
    /// One line of help for the help bar.
    public var help: String
    public var kind: FieldKind
    /// The value the server uses when the key is omitted (nil: none documented). A form may
    /// pre-fill it; the model never writes it into a draft on its own.
    public var defaultValue: JSONValue?
    /// Must be present in the body (or in its record).
    public var required: Bool
    /// `null` is an accepted value, distinct from leaving the key out.
    public var nullable: Bool
    /// A blank (empty or whitespace-only) string is an error.
    public var nonBlank: Bool
    /// A text format the value must have.
    public var format: TextFormat?
    /// When the field means something; a form hides it otherwise, and a value set anyway draws a warning.
    public var appliesWhen: Condition?
    /// A sample value for placeholders.
    public var example: String?
    /// The API generations that have this field. A field whose rules differ between generations
    /// is declared once per generation, with the same key and path.
    public var generations: Set<APIGeneration>
    /// What `null` means for this field, in the user's words ("No transfer"); nil: plain "None".
    /// Every front end that offers null says it this way.
    public var nullMeaning: String?
    /// Lines an editor gives a long text at first (the prompt is usually long, a message short).
    public var editorLines: Int
    /// The text may hold `{{variable}}` placeholders, filled per call; editors mark them.
    public var placeholders: Bool

    public init(key: String, path: String, label: String, help: String, kind: FieldKind,
                defaultValue: JSONValue? = nil, required: Bool = false, nullable: Bool = false,
                nonBlank: Bool = false, format: TextFormat? = nil, appliesWhen: Condition? = nil,
                example: String? = nil, only: APIGeneration? = nil,
                nullMeaning: String? = nil, editorLines: Int = 3, placeholders: Bool = false) {
        self.key = key; self.path = path; self.label = label; self.help = help; self.kind = kind
        self.defaultValue = defaultValue; self.required = required; self.nullable = nullable
        self.nonBlank = nonBlank; self.format = format; self.appliesWhen = appliesWhen; self.example = example
        self.generations = only.map { [$0] } ?? APIGeneration.all
        self.nullMeaning = nullMeaning; self.editorLines = editorLines; self.placeholders = placeholders
    }

    /// This field as one generation has it: nil when that generation lacks it, otherwise with the
    /// nested fields, list items, choices and variants of other generations left out. The validator,
    /// the key order and the forms read the result, so none of them knows about generations.
    public func restricted(to api: APIGeneration) -> FieldSpec? {
        guard generations.contains(api) else { return nil }
        var s = self
        func only(_ fs: [FieldSpec]) -> [FieldSpec] { fs.compactMap { $0.restricted(to: api) } }
        switch kind {
        case .choice(let cs): s.kind = .choice(cs.filter { $0.generations.contains(api) })
        case .stringList(var rule):
            rule.choices = rule.choices?.filter { $0.generations.contains(api) }
            s.kind = .stringList(rule)
        case .object(let fs): s.kind = .object(only(fs))
        case .records(let fs, let rule): s.kind = .records(only(fs), rule)
        case .variants(let d, let vs):
            s.kind = .variants(discriminator: d.restricted(to: api) ?? d,
                               vs.filter { $0.generations.contains(api) }.map { Variant(value: $0.value, label: $0.label, fields: only($0.fields)) })
        case .text, .longText, .toggle, .number: break
        }
        return s
    }

    /// The fields of an object, record or variant (empty for scalar kinds).
    public var children: [FieldSpec] {
        switch kind {
        case .object(let f), .records(let f, _): return f
        case .variants(let d, let vs): return [d] + vs.flatMap(\.fields)
        default: return []
        }
    }

    /// "a string", "a whole number", … as messages about wrong types say it.
    public var expectedType: String {
        switch kind {
        case .text, .longText, .choice: return "a string"
        case .toggle: return "a boolean (true or false)"
        case .number(let r): return r.integer ? "a whole number" : "a number"
        case .stringList: return "an array of strings"
        case .object, .variants: return "an object"
        case .records: return "an array of objects"
        }
    }
}

/// What kind of value a field holds, and so which control edits it.
public indirect enum FieldKind: Sendable {
    /// One line of text.
    case text
    /// Many lines (prompts, messages): an editor, not a line input.
    case longText
    /// One of fixed string values.
    case choice([Choice])
    /// true / false.
    case toggle
    case number(NumberRule)
    /// A list of strings (enum options).
    case stringList(ListRule)
    /// A nested object with its own fields.
    case object([FieldSpec])
    /// A list of records, each an object with these fields.
    case records([FieldSpec], ListRule)
    /// An object whose shape is chosen by a discriminator field (`llm_model.type`).
    case variants(discriminator: FieldSpec, [Variant])
}

public struct Choice: Sendable, Hashable {
    public var value: String
    public var label: String
    public var help: String
    /// The API generations that accept this value.
    public var generations: Set<APIGeneration>
    public init(_ value: String, _ label: String, help: String = "", only: APIGeneration? = nil) {
        self.value = value; self.label = label; self.help = help
        self.generations = only.map { [$0] } ?? APIGeneration.all
    }
}

public struct NumberRule: Sendable {
    public var min: Double?
    public var max: Double?
    /// `min` itself is not allowed (values must be greater than it).
    public var minExclusive: Bool
    /// A whole number literal is required (`600`, not `600.0`).
    public var integer: Bool
    /// The step for +/- keys in a form.
    public var step: Double
    /// The unit shown after the value ("ms", "s").
    public var unit: String
    /// A range that depends on a sibling field's value (voice speed by provider): sibling key and
    /// (value → min, max). Used instead of min/max when the sibling has one of these values.
    public var rangeBySibling: (key: String, ranges: [String: ClosedRange<Double>])?

    public init(min: Double? = nil, max: Double? = nil, minExclusive: Bool = false, integer: Bool = false,
                step: Double = 1, unit: String = "", rangeBySibling: (key: String, ranges: [String: ClosedRange<Double>])? = nil) {
        self.min = min; self.max = max; self.minExclusive = minExclusive; self.integer = integer
        self.step = step; self.unit = unit; self.rangeBySibling = rangeBySibling
    }

    /// The range in force given the enclosing object (provider-dependent ranges resolved).
    public func range(in parent: JSONObject?) -> (min: Double?, max: Double?) {
        if let (key, ranges) = rangeBySibling, let v = parent?[key]?.stringValue, let r = ranges[v] {
            return (r.lowerBound, r.upperBound)
        }
        return (min, max)
    }
}

public struct ListRule: Sendable {
    /// Fewest items (calling windows need one).
    public var minItems: Int
    /// Items (strings) or a key of the records must be unique; the severity of a duplicate.
    public var uniqueKey: String?
    public var duplicateSeverity: Severity?
    /// Strings in the list must not be blank.
    public var nonBlankItems: Bool
    /// The label of one item ("FAQ item", "option").
    public var itemLabel: String
    /// The values a string item may take (outcomes, days); nil: any string.
    public var choices: [Choice]?

    public init(minItems: Int = 0, uniqueKey: String? = nil, duplicateSeverity: Severity? = nil,
                nonBlankItems: Bool = false, itemLabel: String, choices: [Choice]? = nil) {
        self.minItems = minItems; self.uniqueKey = uniqueKey; self.duplicateSeverity = duplicateSeverity
        self.nonBlankItems = nonBlankItems; self.itemLabel = itemLabel; self.choices = choices
    }
}

public struct Variant: Sendable {
    /// The discriminator's value for this shape.
    public var value: String
    public var label: String
    public var fields: [FieldSpec]
    /// The API generations that have this shape.
    public var generations: Set<APIGeneration>
    public init(value: String, label: String, fields: [FieldSpec], only: APIGeneration? = nil) {
        self.value = value; self.label = label; self.fields = fields
        self.generations = only.map { [$0] } ?? APIGeneration.all
    }
}

/// Text formats checked beyond "is a string".
public enum TextFormat: Sendable, Hashable {
    /// Absolute http(s) URL with a host; plain http draws a warning.
    case webURL
    /// `+` and 2–15 digits, first digit not 0.
    case e164
    /// `HH:mm` 24-hour or `H[:mm]am|pm`.
    case clockTime
    /// A known IANA time zone id (`IANATimeZones`).
    case ianaTimeZone
    /// `[A-Za-z_][A-Za-z0-9_]*`; otherwise a warning.
    case identifier
    /// One e-mail address or several separated by commas.
    case emailList
    /// A web URL that must contain this placeholder (`{{phone}}` in the pre-call lookup URL).
    case webURLWith(placeholder: String)
}

/// When a field applies, judged on its sibling values (the enclosing object).
public enum Condition: Sendable {
    /// The sibling's value (or its default when unset) is one of these.
    case siblingIn(key: String, values: [String], defaultValue: String?)
    /// The sibling's value (or its default when unset) is none of these.
    case siblingNotIn(key: String, values: [String], defaultValue: String?)

    public func holds(in parent: JSONObject) -> Bool {
        switch self {
        case .siblingIn(let key, let values, let def):
            guard let v = parent[key]?.stringValue ?? (parent[key] == nil ? def : nil) else { return false }
            return values.contains(v)
        case .siblingNotIn(let key, let values, let def):
            guard let v = parent[key]?.stringValue ?? (parent[key] == nil ? def : nil) else { return true }
            return !values.contains(v)
        }
    }

    /// "when first_sentence_mode is none", for messages and help lines.
    public var explanation: String {
        switch self {
        case .siblingIn(let key, let values, _):
            return "only used when \(key) is \(values.map { "\"\($0)\"" }.joined(separator: " or "))"
        case .siblingNotIn(let key, let values, _):
            return "not used when \(key) is \(values.map { "\"\($0)\"" }.joined(separator: " or "))"
        }
    }
}
