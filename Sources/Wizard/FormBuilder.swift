import AssistantModel

/// Makes the rows of a form from the schema and the draft: every kind of field gets its kind of
/// answer, nested objects and variants show their fields only when they are switched on, and
/// fields that do not apply (the first sentence when the mode is none) are hidden. The rows hold no
/// widgets: each front end draws them its own way.
enum FormBuilder {
    static func rows(for specs: [FieldSpec], base: JSONPath = JSONPath(), body: JSONValue, inRecord: Bool = false, indent: Int = 0) -> [FormRow] {
        let parent = body[path: base]?.objectValue
        var out: [FormRow] = []
        for spec in specs {
            if let cond = spec.appliesWhen, !cond.holds(in: parent ?? JSONObject()) { continue }
            out += rows(for: spec, path: base.appending(spec.key), value: parent?[spec.key], body: body, inRecord: inRecord, indent: indent)
        }
        return out
    }

    private static func rows(for spec: FieldSpec, path: JSONPath, value: JSONValue?, body: JSONValue,
                             inRecord: Bool, indent: Int) -> [FormRow] {
        func row(_ input: FormInput, label: String? = nil, keepsEmpty: Bool = false, indent i: Int = indent) -> FormRow {
            FormRow(path: path, spec: spec, label: label ?? spec.label, indent: i, input: input,
                    keepsEmpty: keepsEmpty || (inRecord && spec.required))
        }
        // A required field (top level, in a record, or in an object that is switched on) never
        // offers "not set": the object's switch is where it is left out.
        let requiredHere = spec.required
        switch spec.kind {
        case .text, .longText:
            let isLong: Bool = { if case .longText = spec.kind { return true } else { return false } }()
            var textRow = isLong
                ? row(.longText(lines: spec.editorLines, placeholders: spec.placeholders))
                : row(spec.format == .ianaTimeZone ? .timeZone : .text(placeholder: spec.example.map { "e.g. \($0)" } ?? ""))
            guard spec.nullable else { return [textRow] }
            var out = [row(choice(ChoiceOptions.forNullableText(spec), value))]
            if value?.stringValue != nil {
                textRow.label = isLong ? "Text" : "Value"
                textRow.indent = indent + 1
                textRow.keepsEmpty = true
                out.append(textRow)
            }
            return out
        case .choice(let choices):
            return [row(choice(ChoiceOptions.forChoice(spec, choices, required: requiredHere), value))]
        case .toggle:
            if requiredHere { return [row(.toggle)] }
            return [row(choice(ChoiceOptions.forOptionalBool(spec), value))]
        case .number(let rule):
            let range = rule.range(in: JSONValue.parentObject(of: path, in: body))
            // 2^53-1 is a technical bound, not one a person needs to read; an exclusive minimum
            // is the validator's to explain, not a bound the +/- keys stop at.
            let maximum = range.max.flatMap { $0 >= AssistantSchema.maxSafeInteger ? nil : $0 }
            return [row(.number(NumberBounds(minimum: rule.minExclusive ? nil : range.min, maximum: maximum, step: rule.step,
                                             integer: rule.integer,
                                             placeholder: spec.defaultValue.map { "default \(describe($0))" } ?? "")))]
        case .stringList:
            return [row(.stringList(placeholder: "comma-separated, e.g. small, medium, large"),
                        label: spec.label + " (comma-separated)", keepsEmpty: requiredHere)]
        case .records(let item, let rule):
            return [row(.records(item: item, noun: rule.itemLabel))]
        case .object(let fields):
            var out: [FormRow] = []
            if !requiredHere { out.append(row(choice(ChoiceOptions.forObject(spec), value))) }
            if value?.objectValue != nil {
                out += self.rows(for: fields, base: path, body: body, inRecord: inRecord, indent: indent + 1)
            }
            return out
        case .variants(_, let variants):
            let keys = Array(Set(variants.flatMap { $0.fields.map(\.key) }))
            var out = [row(choice(ChoiceOptions.forVariants(spec, variants), value, variantKeys: keys))]
            if let t = value?.objectValue?["type"]?.stringValue, let v = variants.first(where: { $0.value == t }) {
                out += self.rows(for: v.fields, base: path, body: body, inRecord: inRecord, indent: indent + 1)
            }
            return out
        }
    }

    static func choice(_ options: [ChoiceOption], _ value: JSONValue?, variantKeys: [String] = []) -> FormInput {
        var options = options
        // A value the schema does not know (a newer server's enum value) is shown as itself and
        // kept; only picking another entry changes it.
        if let value, !options.contains(where: { $0.matches(value) }) {
            let shown = value.objectValue?["type"].map(describe) ?? describe(value)
            options.append(ChoiceOption(title: "\(shown) (kept as is)", help: "a value this API generation does not know", effect: .set(value)))
        }
        return .choice(options, variantKeys: variantKeys)
    }

    /// A text control shows a wrong-typed value as its JSON, so nothing is hidden or lost.
    static func editableText(_ v: JSONValue) -> String {
        v.stringValue ?? describe(v)
    }

    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return n.literal
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "null"
        default: return String(decoding: JSONEncoding.compact(v), as: UTF8.self)
        }
    }

    /// The first few scalar values of a record, for its row in a list editor.
    static func recordSummary(_ record: JSONValue, _ item: [FieldSpec]) -> [String] {
        guard let obj = record.objectValue else { return [describe(record)] }
        var out: [String] = []
        for spec in item where out.count < 3 {
            guard let v = obj[spec.key] else { continue }
            switch spec.kind {
            case .toggle: out.append(v.boolValue == true ? spec.label.lowercased() : "")
            case .stringList: out.append(v.arrayValue.map { $0.map(describe).joined(separator: "|") } ?? describe(v))
            default: out.append(describe(v))
            }
        }
        return out.isEmpty ? ["(empty)"] : out
    }
}

extension JSONValue {
    /// The object that holds the value at `path` (nil when it is not an object).
    static func parentObject(of path: JSONPath, in body: JSONValue) -> JSONObject? {
        body[path: JSONPath(Array(path.components.dropLast()))]?.objectValue
    }
}
