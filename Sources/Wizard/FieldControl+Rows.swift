import AssistantModel
import TerminalUI

/// The full-screen drawing of a row: which widget edits each kind of answer, filled from the draft.
extension FieldControl {
    init(_ row: FormRow, value: JSONValue?) {
        switch row.input {
        case .text(let placeholder):
            self = .text(TextInput(value.map(FormBuilder.editableText) ?? "", placeholder: placeholder))
        case .longText(let lines, let placeholders):
            var area = TextArea(value.map(FormBuilder.editableText) ?? "", height: lines)
            if placeholders { area.highlighter = PromptVariables.spans }
            // The form shows the position on the field's label row, and only while it has the focus.
            area.showsStatus = false
            self = .longText(area)
        case .choice(let options, let keys):
            // The focused entry's help shows beside the label, so the rows stay short.
            let items = options.enumerated().map { SelectItem($0.element.title, id: String($0.offset)) }
            var list = SelectList(items, height: max(1, options.count), filterable: false)
            if let i = options.firstIndex(where: { $0.matches(value) }) { list.select(id: String(i)) }
            self = .choice(list, options, variantKeys: keys)
        case .toggle:
            self = .toggle(Toggle(value?.boolValue ?? false))
        case .number(let b):
            self = .number(NumberInput(value?.numberValue?.doubleValue, minimum: b.minimum, maximum: b.maximum, step: b.step,
                                       allowsDecimal: !b.integer, placeholder: b.placeholder), integer: b.integer)
        case .stringList(let placeholder):
            let items = value?.arrayValue?.map { $0.stringValue ?? FormBuilder.describe($0) } ?? []
            self = .stringList(TextInput(items.joined(separator: ", "), placeholder: placeholder))
        case .records(let item, let noun):
            let summary: @Sendable (JSONValue) -> [String] = { FormBuilder.recordSummary($0, item) }
            self = .records(ListEditor(value?.arrayValue ?? [], noun: noun, height: 5, summary: summary), item: item)
        case .timeZone:
            // The first entry stands for "no zone chosen yet", so the list never shows a zone the
            // draft does not hold.
            var list = SelectList([SelectItem("(type to find a zone, e.g. paris)", id: "")] + IANATimeZones.all.map { SelectItem($0) },
                                  height: 6, filterable: true)
            list.select(id: value?.stringValue ?? "")
            self = .picker(list)
        case .voice, .generation:
            // The wizard fills these lists itself (it knows what `GET /voices` returned, and the
            // draft's generation).
            self = .picker(SelectList([], height: 6, filterable: true))
        }
    }
}

/// `{{variable}}` placeholders in a prompt, highlighted so a typo in one stands out.
enum PromptVariables {
    @Sendable static func spans(_ line: String) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        // Called for every line shown on every frame: most have no "{" at all.
        guard line.utf8.contains(0x7B) else { return spans }
        // One code per Character (0 for any that is not ASCII): compared as bytes, not Characters.
        let chars: [UInt8] = line.isOneByteCharacters ? Array(line.utf8) : line.map { $0.asciiValue ?? 0 }
        let open: UInt8 = 0x7B, close: UInt8 = 0x7D
        var i = 0
        while i + 1 < chars.count {
            if chars[i] == open && chars[i + 1] == open {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == close && chars[j + 1] == close) && chars[j] != open { j += 1 }
                if j + 1 < chars.count && chars[j] == close && chars[j + 1] == close {
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
