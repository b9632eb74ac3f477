import AssistantModel
import TerminalUI

/// Reading answers: the navigation words work at every prompt, so the user can always move,
/// review or quit, and `help` says so.
extension AccessibleSession {
    static let longTextFence = "\"\"\""

    /// The next answer to the prompt `label`, or nil for "keep" (Enter or `next`). Navigation words
    /// throw; a leading backslash makes a word plain text (`\back`).
    func read(_ label: String) throws(AccessibleJump) -> String? {
        while true {
            io.write(label + ": ")
            guard let line = io.readLine() else { throw .endOfInput }
            let word = line.trimmingSpaces.lowercased()
            switch word {
            case "", "next": return nil
            case "back": throw .back
            case "skip": throw .skip
            case "review": throw .review
            case "api": throw .switchAPI
            case "quit", "exit": throw .quit
            case "help", "?":
                help()
                continue
            default: break
            }
            if word.hasPrefix("go ") {
                let target = word.dropFirst(3).trimmingSpaces
                if let n = Int(target), let step = stepList.step(number: n) { throw .go(step) }
                if let step = stepList.all.first(where: { $0.title.lowercased() == target }) { throw .go(step) }
                say("There is no step \"\(target.sanitizedForDisplay)\": type go and a number from 1 to \(stepList.count).")
                continue
            }
            return line.hasPrefix("\\") ? String(line.dropFirst()) : line
        }
    }

    /// Text on one line, or several lines between two `"""` lines. At the end of input the lines
    /// typed so far are kept (the caller stores them before the session ends).
    func readText(_ label: String) throws(AccessibleJump) -> (text: String?, ended: Bool) {
        guard let first = try read(label) else { return (nil, false) }
        guard first.trimmingSpaces == Self.longTextFence else { return (first, false) }
        say("Type the lines; end with \(Self.longTextFence) alone on a line.")
        var lines: [String] = []
        while true {
            guard let line = io.readLine() else { return (lines.joined(separator: "\n"), true) }
            if line.trimmingSpaces == Self.longTextFence { return (lines.joined(separator: "\n"), false) }
            lines.append(line)
        }
    }

    /// yes or no; Enter asks again (nothing is decided for the user).
    func confirm(_ question: String) throws(AccessibleJump) -> Bool {
        while true {
            say(question + " Type yes or no.")
            switch try read("yes or no")?.trimmingSpaces.lowercased() {
            case "yes"?, "y"?: return true
            case "no"?, "n"?: return false
            default: say("Please type yes or no.")
            }
        }
    }

    func help() {
        let list = stepList.all.map { "\(stepList.number($0)) \($0.title)" }.joined(separator: ", ")
        for line in [
            "Commands; type them at any prompt:",
            "  Enter, or next: keep the current value and go to the next question.",
            "  back: the previous question, or the previous step.",
            "  skip: leave this step and go to the next one.",
            "  go N: go to step N, from 1 to \(stepList.count): \(list).",
            "  review: go to the review: the request JSON, its problems, and sending.",
            "  api: switch the API generation (seed or latest), after seeing what changes.",
            "  quit: save the draft and quit.",
            "  help: this list.",
            "At a question: unset leaves an optional field out of the request; null sends null, where the field allows it.",
            "Choices are numbered: type the number, or the choice's name.",
            "To type one of these words as a value, start it with a backslash, like \\back.",
            "Long text: type \(Self.longTextFence) alone on a line, then the lines, then \(Self.longTextFence) alone on a line.",
            "Every answer is saved to the draft at once; the end of input (Ctrl-D) saves and quits.",
        ] { say(line) }
    }
}

/// Asking one field, by the kind of answer the row takes (the full-screen form draws the same row
/// as a widget).
extension AccessibleSession {
    func askField(_ row: FormRow, again: Bool) throws(AccessibleJump) {
        let optional = row.isOptional
        switch row.input {
        case .choice(let options, let keys):
            try askChoice(row, options: options, variantKeys: keys, again: again)
        case .text, .longText:
            let isLong: Bool = { if case .longText = row.input { return true }; return false }()
            introduce(row, kind: textKind(row.spec, long: isLong), again: again)
            say(instruction("Type the new text", row: row, optional: optional) + (isLong
                ? " For several lines, type \(Self.longTextFence) alone on a line first." : ""))
            let (text, ended) = try readText(title(row))
            if let text, !applyWord(text, row: row, optional: optional) {
                set(row.path, .string(text))
            }
            if ended { throw .endOfInput }
        case .number(let bounds):
            let integer = bounds.integer
            introduce(row, kind: numberKind(row, integer: integer), again: again)
            say(instruction("Type a number", row: row, optional: optional))
            while true {
                guard let line = try read(title(row)) else { return }
                if applyWord(line, row: row, optional: optional) { return }
                if let n = JSONNumber(literal: line.trimmingSpaces) { set(row.path, .number(n)); return }
                say("\"\(line.sanitizedForDisplay)\" is not a number. Type digits, with a dot for decimals, like \(integer ? "400" : "1.2").")
            }
        case .toggle:
            introduce(row, kind: "Yes or no", again: again)
            say(instruction("Type yes or no", row: row, optional: optional))
            while true {
                guard let line = try read(title(row)) else { return }
                if let b = Self.yesNo(line) { set(row.path, .bool(b)); return }
                say("Please type yes or no.")
            }
        case .stringList:
            introduce(row, kind: "A list on one line, items separated by commas, like small, medium, large", again: again)
            say(instruction("Type the items separated by commas", row: row, optional: optional))
            guard let line = try read(title(row)) else { return }
            if applyWord(line, row: row, optional: optional) { return }
            set(row.path, row.value(list: line))
        case .timeZone:
            try askTimeZone(row, optional: optional, again: again)
        case .records, .voice, .generation:
            // Lists get their own menu, and the voice its own list (AccessibleLists).
            break
        }
    }

    /// A numbered choice from the same options the full-screen form lists (unset, null, values).
    func askChoice(_ row: FormRow, options: [ChoiceOption], variantKeys: [String], again: Bool) throws(AccessibleJump) {
        let old = draft.value(at: row.path)
        let current = options.firstIndex { $0.matches(old) }
        let currentText = current.map { "\($0 + 1), \(options[$0].title)" + (old == nil ? row.spec.defaultValue.map { ", so the server uses \(FormBuilder.describe($0))" } ?? "" : "") }
        introduce(row, kind: "Choose one of \(options.count)", again: again, current: currentText)
        for (i, o) in options.enumerated() {
            say("  \(i + 1). \(o.title)" + (o.help.isEmpty ? "" : ": \(o.help)") + (i == current ? " (current)" : ""))
        }
        say("Type \(Self.numberChoice(options.count)), or press Enter to keep the current choice.")
        while true {
            guard let line = try read(title(row)) else { return }
            let word = line.trimmingSpaces.lowercased()
            let pick = Int(word).flatMap { (1...options.count).contains($0) ? $0 - 1 : nil } ?? options.firstIndex { o in
                if o.title.lowercased() == word { return true }
                switch o.effect {
                case .set(.string(let v)?): return v.lowercased() == word
                case .set(nil): return word == "unset"
                case .set(.null?): return word == "null"
                case .variant(let v): return v == word
                default: return false
                }
            }
            if let pick {
                set(row.path, options[pick].apply(to: old, variantKeys: variantKeys))
                return
            }
            say("There is no choice \"\(line.sanitizedForDisplay)\". Type \(Self.numberChoice(options.count)).")
        }
    }

    /// A time zone from the IANA list: typed whole, or found by part of its name.
    func askTimeZone(_ row: FormRow, optional: Bool, again: Bool) throws(AccessibleJump) {
        introduce(row, kind: "A time zone from the IANA list, like Europe/Paris", again: again)
        say(instruction("Type a time zone, or part of one to list the matching zones", row: row, optional: optional))
        var matches: [String] = []
        while true {
            guard let line = try read(title(row)) else { return }
            if applyWord(line, row: row, optional: optional) { return }
            let text = line.trimmingSpaces
            if let n = Int(text), matches.indices.contains(n - 1) { set(row.path, .string(matches[n - 1])); return }
            if let zone = IANATimeZones.all.first(where: { $0.lowercased() == text.lowercased() }) { set(row.path, .string(zone)); return }
            matches = IANATimeZones.all.filter { $0.lowercased().contains(text.lowercased()) }
            if matches.isEmpty {
                say("No time zone matches \"\(text.sanitizedForDisplay)\". Type part of a zone's name, like Paris or America.")
                continue
            }
            let shown = matches.prefix(30)
            say("\(matches.count) zone\(matches.count == 1 ? "" : "s") match:")
            for (i, z) in shown.enumerated() { say("  \(i + 1). \(z)") }
            if matches.count > shown.count { say("and \(matches.count - shown.count) more; type more of the name to narrow the list.") }
            matches = Array(shown)
            say("Type \(Self.numberChoice(matches.count)) to pick a zone, or more text to search again.")
        }
    }

    /// `unset` and `null` typed at a field: true when the word was handled (or refused).
    func applyWord(_ line: String, row: FormRow, optional: Bool) -> Bool {
        switch line.trimmingSpaces.lowercased() {
        case "unset":
            if optional || row.spec.nullable && !row.spec.required {
                set(row.path, nil)
            } else {
                say("\(row.spec.label) is required, so it cannot be left unset.")
            }
            return true
        case "null" where row.spec.nullable:
            set(row.path, .null)
            return true
        default:
            return false
        }
    }

    // MARK: wording

    /// "FAQ item 2, Question" / "Transfer number, value".
    func title(_ row: FormRow) -> String {
        context + (row.label.hasPrefix(row.spec.label) ? row.spec.label : "\(row.spec.label), \(row.label.lowercased())")
    }

    /// What the field is, whether it is required, its help and its current value, in that order
    /// for every field.
    func introduce(_ row: FormRow, kind: String, again: Bool, current: String? = nil) {
        if again {
            say("Fix \(title(row)) now, or press Enter to keep it and go on.")
            return
        }
        say("")
        say("\(title(row)). \(row.spec.required ? "Required" : "Optional"). \(kind).")
        var help = row.spec.help
        if let example = row.spec.example, !help.contains(example) { help += " Example: \(example)." }
        say(help)
        say("Current value: " + (current ?? describe(draft.value(at: row.path), row.spec)) + ".")
        for issue in serverIssues where issue.belongs(to: row.path, deep: false) { say("The server said: \(issue.message.sanitizedForDisplay).") }
    }

    /// "Type a number, or press Enter to keep the current value. Type unset to leave it out of the request."
    func instruction(_ action: String, row: FormRow, optional: Bool) -> String {
        var out = action + ", or press Enter to keep the current value."
        if optional { out += " Type unset to leave it out of the request." }
        if row.spec.nullable { out += " Type null to send null." }
        return out
    }

    /// A value as a screen reader should hear it; text from the draft is sanitized.
    func describe(_ value: JSONValue?, _ spec: FieldSpec) -> String {
        guard let value else {
            return "not set" + (spec.defaultValue.map { ", so the server uses \(FormBuilder.describe($0))" } ?? "")
        }
        switch value {
        case .null: return "null, \(ChoiceOptions.nullTitle(spec).lowercased())"
        case .string(let s) where s.isEmpty: return "empty text"
        case .string(let s):
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).sanitizedForDisplay }
            return lines.count == 1 ? "\"\(lines[0])\"" : "\(lines.count) lines:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\nEnd of text"
        default: return FormBuilder.describe(value).sanitizedForDisplay
        }
    }

    func textKind(_ spec: FieldSpec, long: Bool) -> String {
        switch spec.format {
        case .webURL?: return "A web address, starting with https://"
        case .e164?: return "A phone number in international form: a plus sign and 2 to 15 digits"
        case .clockTime?: return "A time of day, like 09:30 or 6pm"
        case .identifier?: return "A name of letters, digits and underscores"
        default: return long ? "Text, one or more lines" : "Text"
        }
    }

    /// "A whole number, 0 or more, in milliseconds": the range said plainly, with the provider's
    /// range for voice speed.
    func numberKind(_ row: FormRow, integer: Bool) -> String {
        guard case .number(let rule) = row.spec.kind else { return "A number" }
        let r = rule.range(in: JSONValue.parentObject(of: row.path, in: draft))
        let hi = r.max.flatMap { $0 >= AssistantSchema.maxSafeInteger ? nil : $0 }
        var out = integer ? "A whole number" : "A number"
        switch (r.min, hi) {
        case let (lo?, hi?) where lo == hi: out += " equal to \(Self.format(lo))"
        case let (lo?, hi?): out += rule.minExclusive ? ", more than \(Self.format(lo)) and at most \(Self.format(hi))" : " from \(Self.format(lo)) to \(Self.format(hi))"
        case let (lo?, nil): out += rule.minExclusive ? ", more than \(Self.format(lo))" : ", \(Self.format(lo)) or more"
        case let (nil, hi?): out += ", \(Self.format(hi)) or less"
        default: break
        }
        switch rule.unit {
        case "ms": out += ", in milliseconds"
        case "s": out += ", in seconds"
        case "×": out += ", where 1 is normal speed"
        default: break
        }
        return out
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// "type 1" for one choice, "type a number from 1 to 4" for more (never "from 1 to 1").
    static func numberChoice(_ n: Int) -> String { n == 1 ? "1" : "a number from 1 to \(n)" }

    static func yesNo(_ line: String) -> Bool? {
        switch line.trimmingSpaces.lowercased() {
        case "yes", "y", "true", "on": return true
        case "no", "n", "false", "off": return false
        default: return nil
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
