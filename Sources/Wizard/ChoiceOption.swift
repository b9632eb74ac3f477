import AssistantModel

/// One entry of a choice control and what picking it does to the draft. Unset and null are
/// separate entries: that is how the form makes the three states of a nullable field visible.
struct ChoiceOption: Sendable, Equatable {
    enum Effect: Sendable, Equatable {
        /// Write this value (`nil`: leave the key out).
        case set(JSONValue?)
        /// Keep a string that is there, or start an empty one (the "enter a value" entry of a
        /// nullable text field).
        case keepString
        /// Keep an object that is there, or start this one (an optional object switched on: its
        /// required fields filled as a new record's are, so no required field starts unset).
        case keepObject(JSONValue)
        /// An object of this shape (`llm_model.type`), keeping the keys the shape shares.
        case variant(String)
    }

    var title: String
    var help: String
    var effect: Effect

    /// The one phrasing of "the key is left out" everywhere a value is shown or picked.
    static let unsetTitle = "Not set (the server's default)"

    func matches(_ value: JSONValue?) -> Bool {
        switch effect {
        case .set(let v): return v == value
        case .keepString: return value?.stringValue != nil
        case .keepObject: return value?.objectValue != nil
        case .variant(let t): return value?.objectValue?["type"]?.stringValue == t
        }
    }

    /// The value after picking this entry, given the value before.
    func apply(to old: JSONValue?, variantKeys: [String] = []) -> JSONValue? {
        switch effect {
        case .set(let v): return v
        case .keepString: return old?.stringValue != nil ? old : .string("")
        case .keepObject(let initial): return old?.objectValue != nil ? old : initial
        case .variant(let t):
            var obj = JSONObject()
            obj["type"] = .string(t)
            if let o = old?.objectValue { for k in variantKeys { obj[k] = o[k] } }
            return .object(obj)
        }
    }
}

enum ChoiceOptions {
    /// "Not set" first unless the field is required, then null where the API allows it (in the
    /// field's own words), then the values.
    static func forChoice(_ spec: FieldSpec, _ choices: [Choice], required: Bool) -> [ChoiceOption] {
        var out = lead(spec, required: required)
        out += choices.map { ChoiceOption(title: $0.label, help: $0.help, effect: .set(.string($0.value))) }
        return out
    }

    static func forNullableText(_ spec: FieldSpec) -> [ChoiceOption] {
        lead(spec, required: false) + [ChoiceOption(title: "Set a value", help: "", effect: .keepString)]
    }

    static func forOptionalBool(_ spec: FieldSpec) -> [ChoiceOption] {
        lead(spec, required: false) + [
            ChoiceOption(title: "Yes", help: "", effect: .set(.bool(true))),
            ChoiceOption(title: "No", help: "", effect: .set(.bool(false))),
        ]
    }

    static func forObject(_ spec: FieldSpec) -> [ChoiceOption] {
        let initial: JSONValue = { if case .object(let fields) = spec.kind { return RecordEditor.newRecord(fields) }; return .object(JSONObject()) }()
        return lead(spec, required: false) + [ChoiceOption(title: "Set up \(spec.label)", help: "", effect: .keepObject(initial))]
    }

    static func forVariants(_ spec: FieldSpec, _ variants: [Variant]) -> [ChoiceOption] {
        lead(spec, required: false) + variants.map { ChoiceOption(title: $0.label, help: "", effect: .variant($0.value)) }
    }

    private static func lead(_ spec: FieldSpec, required: Bool) -> [ChoiceOption] {
        var out: [ChoiceOption] = []
        if !required { out.append(ChoiceOption(title: unsetTitle(spec), help: "the key is left out of the request", effect: .set(nil))) }
        if spec.nullable { out.append(ChoiceOption(title: nullTitle(spec), help: "sent as null", effect: .set(.null))) }
        return out
    }

    static func unsetTitle(_ spec: FieldSpec) -> String { ChoiceOption.unsetTitle }

    /// What null means for the field, in the schema's words.
    static func nullTitle(_ spec: FieldSpec) -> String {
        "\(spec.nullMeaning ?? "None") (null)"
    }
}
