import AssistantModel
import TerminalUI

/// Makes the rows of a form from the schema and the draft: every kind of field gets its control,
/// nested objects and variants show their fields only when they are switched on, and fields that
/// do not apply (the first sentence when the mode is none) are hidden.
enum FormBuilder {
    static func rows(for specs: [FieldSpec], base: String = "", body: JSONValue, inRecord: Bool = false, indent: Int = 0) -> [FormField] {
        let parent = base.isEmpty ? body.objectValue : body.value(at: base)?.objectValue
        var out: [FormField] = []
        for spec in specs {
            if let cond = spec.appliesWhen, !cond.holds(in: parent ?? JSONObject()) { continue }
            let path = base.isEmpty ? spec.key : base + "." + spec.key
            out += rows(for: spec, path: path, value: parent?[spec.key], body: body, inRecord: inRecord, indent: indent)
        }
        return out
    }

    private static func rows(for spec: FieldSpec, path: String, value: JSONValue?, body: JSONValue,
                             inRecord: Bool, indent: Int) -> [FormField] {
        func row(_ control: FieldControl, label: String? = nil, keepsEmpty: Bool = false, indent i: Int = indent) -> FormField {
            FormField(path: path, spec: spec, label: label ?? spec.label, indent: i, control: control,
                      keepsEmpty: keepsEmpty || (inRecord && spec.required))
        }
        // A required field (top level, in a record, or in an object that is switched on) never
        // offers "not set": the object's switch is where it is left out.
        let requiredHere = spec.required
        switch spec.kind {
        case .text, .longText:
            let isLong: Bool = { if case .longText = spec.kind { return true } else { return false } }()
            var textRow = isLong
                ? row(.longText(textArea(spec, value)))
                : row(spec.format == .ianaTimeZone ? .picker(timeZonePicker(value)) : .text(textInput(spec, value)))
            guard spec.nullable else { return [textRow] }
            let options = ChoiceOptions.forNullableText(spec)
            var out = [row(choice(options, value), label: spec.label)]
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
            if requiredHere { return [row(.toggle(Toggle(value?.boolValue ?? false)))] }
            return [row(choice(ChoiceOptions.forOptionalBool(spec), value))]
        case .number(let rule):
            let parent = JSONValue.parentObject(of: path, in: body)
            let range = rule.range(in: parent)
            // 2^53-1 is a technical bound, not one a person needs to read.
            let maximum = range.max.flatMap { $0 >= AssistantSchema.maxSafeInteger ? nil : $0 }
            var input = NumberInput(value?.numberValue?.doubleValue, minimum: rule.minExclusive ? nil : range.min,
                                    maximum: maximum, step: rule.step, allowsDecimal: !rule.integer,
                                    placeholder: spec.defaultValue.map { "default \(describe($0))" } ?? "")
            if rule.minExclusive { input.minimum = nil }
            return [row(.number(input, integer: rule.integer))]
        case .stringList:
            let items = value?.arrayValue?.map { $0.stringValue ?? describe($0) } ?? []
            return [row(.stringList(TextInput(items.joined(separator: ", "), placeholder: "comma-separated, e.g. small, medium, large")),
                        label: spec.label + " (comma-separated)", keepsEmpty: requiredHere)]
        case .records(let item, let rule):
            let rows = value?.arrayValue ?? []
            let summary: @Sendable (JSONValue) -> [String] = { recordSummary($0, item) }
            return [row(.records(ListEditor(rows, noun: rule.itemLabel, height: 5, summary: summary), item: item))]
        case .object(let fields):
            var out: [FormField] = []
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

    static func choice(_ options: [ChoiceOption], _ value: JSONValue?, variantKeys: [String] = []) -> FieldControl {
        var options = options
        // A value the schema does not know (a newer server's enum value) is shown as itself and
        // kept; only picking another entry changes it.
        if let value, !options.contains(where: { $0.matches(value) }) {
            let shown = value.objectValue?["type"].map(describe) ?? describe(value)
            options.append(ChoiceOption(title: "\(shown) (kept as is)", help: "a value this API generation does not know", effect: .set(value)))
        }
        // The focused entry's help shows beside the label, so the rows stay short.
        let items = options.enumerated().map { SelectItem($0.element.title, id: String($0.offset)) }
        var list = SelectList(items, height: max(1, options.count), filterable: false)
        if let i = options.firstIndex(where: { $0.matches(value) }) { list.select(id: String(i)) }
        return .choice(list, options, variantKeys: variantKeys)
    }

    static func textInput(_ spec: FieldSpec, _ value: JSONValue?) -> TextInput {
        TextInput(value.map(editableText) ?? "", placeholder: spec.example.map { "e.g. \($0)" } ?? "")
    }

    static func textArea(_ spec: FieldSpec, _ value: JSONValue?) -> TextArea {
        var area = TextArea(value.map(editableText) ?? "", height: spec.key == "prompt" ? 10 : 3)
        if spec.key == "prompt" { area.highlighter = PromptVariables.spans }
        // The form shows the position on the field's label row, and only while it has the focus.
        area.showsStatus = false
        return area
    }

    static func timeZonePicker(_ value: JSONValue?) -> SelectList {
        // The first entry stands for "no zone chosen yet", so the list never shows a zone the
        // draft does not hold.
        var list = SelectList([SelectItem("(type to find a zone, e.g. paris)", id: "")] + IANATimeZones.all.map { SelectItem($0) },
                              height: 6, filterable: true)
        list.select(id: value?.stringValue ?? "")
        return list
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
    static func parentObject(of path: String, in body: JSONValue) -> JSONObject? {
        guard let p = JSONPath(parsing: path), !p.components.isEmpty else { return body.objectValue }
        return body[path: JSONPath(Array(p.components.dropLast()))]?.objectValue
    }
}

/// `{{variable}}` placeholders in a prompt, highlighted so a typo in one stands out.
enum PromptVariables {
    @Sendable static func spans(_ line: String) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        let chars = Array(line)
        var i = 0
        while i + 1 < chars.count {
            if chars[i] == "{" && chars[i + 1] == "{" {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == "}" && chars[j + 1] == "}") && chars[j] != "{" { j += 1 }
                if j + 1 < chars.count && chars[j] == "}" && chars[j + 1] == "}" {
                    spans.append(HighlightSpan(i..<(j + 2), .accent))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return spans
    }
}
