import AssistantModel
import RevoxInterface
import TerminalUI

/// Lists of records (FAQ items, output fields, calling windows) as a small numbered menu, and the
/// voice list.
extension AccessibleSession {
    func askRecords(_ row: FormRow) throws(AccessibleJump) {
        guard case .records(let item, let rule) = row.spec.kind else { return }
        let noun = rule.itemLabel
        let optional = !row.spec.required
        var first = true
        while true {
            let list = draft.value(at: row.path)?.arrayValue
            if first {
                say("")
                say("\(title(row)). \(row.spec.required ? "Required" : "Optional"). A list of \(noun)s.")
                say(row.spec.help)
                first = false
            }
            switch list?.count {
            case nil: say("Current value: not set.")
            case 0?: say("Current value: an empty list.")
            case let n?:
                say("Current value: \(n) \(noun)\(n == 1 ? "" : "s"):")
                for (i, record) in list!.enumerated() {
                    say("  \(i + 1). " + FormBuilder.recordSummary(record, item).filter { !$0.isEmpty }.joined(separator: "; ").sanitizedForDisplay)
                }
            }
            for issue in issues(at: row.path, deep: true) {
                say("\(issue.severity == .error ? "Error" : "Warning") at \(place(issue.path)): \(issue.message.sanitizedForDisplay).")
            }
            let count = list?.count ?? 0
            var commands = "Type add to add a \(noun)"
            if count > 0 {
                commands += "; edit and a number (or just the number) to change one; delete and a number to remove one"
                if count > 1 { commands += "; move and a number, then up or down, to reorder" }
            }
            if optional && list != nil { commands += "; unset to leave the list out of the request" }
            say(commands + ". Press Enter, or type done, when the list is finished.")
            guard let line = try read(title(row)) else { return }
            let words = line.lowercased().split(separator: " ").map(String.init)
            let number = words.compactMap { Int($0) }.first.flatMap { (1...max(1, count)).contains($0) && count > 0 ? $0 - 1 : nil }
            switch words.first {
            case "done"?: return
            case "add"?:
                set(row.path.appending(count), RecordEditor.newRecord(item))
                persist()
                try editRecord(row, index: count, item: item, noun: noun)
            case "unset"? where optional:
                set(row.path, nil)
                persist()
            case "edit"?, _ where words.count == 1 && number != nil:
                guard let i = number else { say("Type edit and a number from 1 to \(count)."); continue }
                try editRecord(row, index: i, item: item, noun: noun)
            case "delete"?, "remove"?:
                guard let i = number else { say("Type delete and a number from 1 to \(count)."); continue }
                let summary = FormBuilder.recordSummary(list![i], item).first ?? ""
                if try confirm("Delete \(noun) \(i + 1), \"\(summary.sanitizedForDisplay)\"?") {
                    set(row.path.appending(i), nil)
                    persist()
                    say("Deleted \(noun) \(i + 1).")
                }
            case "move"?:
                let up = words.contains("up"), down = words.contains("down")
                guard let i = number, up != down else { say("Type move, a number, and up or down, like move 2 up."); continue }
                let j = up ? i - 1 : i + 1
                guard var items = list, items.indices.contains(j) else {
                    say("\(noun.capitalizedFirst) \(i + 1) is already \(up ? "first" : "last").")
                    continue
                }
                items.swapAt(i, j)
                set(row.path, .array(items))
                persist()
                say("Moved \(noun) \(i + 1) to position \(j + 1).")
            default:
                say("\"\(line.sanitizedForDisplay)\" is not a list command.")
            }
        }
    }

    /// Asks a record's fields in place in the draft (each answer saved); `back` on its first field
    /// returns to the list menu.
    func editRecord(_ row: FormRow, index: Int, item: [FieldSpec], noun: String) throws(AccessibleJump) {
        let count = draft.value(at: row.path)?.arrayValue?.count ?? 0
        say("\(noun.capitalizedFirst) \(index + 1) of \(count).")
        let base = row.path.appending(index)
        let outer = context
        context = "\(noun.capitalizedFirst) \(index + 1), "
        defer { context = outer }
        do throws(AccessibleJump) {
            try walk { FormBuilder.rows(for: item, base: base, body: self.draft, inRecord: true).map(AccessibleItem.field) }
        } catch {
            if error != .back { throw error }
        }
        say("Back to the list of \(noun)s.")
    }

    /// "Call retries, calling window 1, From": where an issue's path is, in the form's words.
    func place(_ p: JSONPath) -> String {
        var parts: [String] = []
        var prefix = JSONPath()
        for c in p.components {
            if case .index(let i) = c, case .records(_, let rule)? = AssistantSchema.field(at: prefix, in: draft)?.kind {
                parts.append("\(rule.itemLabel) \(i + 1)")
            } else if case .key = c {
                prefix = JSONPath(prefix.components + [c])
                parts.append(AssistantSchema.field(at: prefix, in: draft)?.label ?? prefix.description)
                continue
            }
            prefix = JSONPath(prefix.components + [c])
        }
        // "Voice, Voice" for voice.id says nothing twice.
        let said = parts.enumerated().filter { $0.offset == 0 || parts[$0.offset - 1] != $0.element }.map(\.element)
        return said.joined(separator: ", ").sanitizedForDisplay
    }

    // MARK: voice

    /// The voice from `GET /voices` (numbered, filtered by typing) or an id typed by hand; picking
    /// one sets the id and the provider. Provider and speed are asked after it.
    func askVoice(again: Bool) throws(AccessibleJump) {
        if voices == nil {
            say("Loading the list of voices…")
            let api = self.api
            voices = waitFor { () async throws(RevoxError) in try await api.listVoices() }
        }
        let all: [RevoxInterface.Voice]
        switch voices {
        case .success(let v)?: all = v
        case .failure(let error)?:
            all = []
            if !again { say("Could not load the voices: \(error.message.sanitizedForDisplay) You can still type a voice id by hand.") }
        case nil: all = []
        }
        let currentID = draft.value(at: "voice.id")?.stringValue
        if again {
            say("Fix the voice now, or press Enter to keep it and go on.")
        } else {
            let spec = AssistantSchema.fields.first { $0.key == "voice" }!
            say("")
            say("Voice. Optional. Pick one of \(all.count) voices, or type a voice id by hand.")
            say(spec.help + " Picking a voice also sets its provider.")
            let name = all.first { $0.id == currentID }.map { " (\($0.name), \($0.language), \($0.provider))" } ?? ""
            say("Current value: " + (currentID.map { "\"\($0)\"\(name)".sanitizedForDisplay } ?? "not set, so the server uses its default voice") + ".")
            for issue in serverIssues where issue.belongs(to: "voice.id", deep: false) || issue.belongs(to: "voice", deep: false) {
                say("The server said: \(issue.message.sanitizedForDisplay).")
            }
        }
        var shown = all
        listVoices(shown)
        while true {
            say("Type \(shown.isEmpty ? "id and a voice id" : "\(Self.numberChoice(shown.count)) to pick a voice, text to filter the list by name, language or provider, or id and a voice id")"
                + ", or press Enter to keep the current value. Type unset for the server's default voice.")
            guard let line = try read("Voice") else { return }
            let text = line.trimmingSpaces
            if text.lowercased() == "unset" { set("voice", nil); return }
            if text.lowercased().hasPrefix("id ") {
                let id = text.dropFirst(3).trimmingSpaces
                setVoice(id: id, provider: all.first { $0.id == id }?.provider)
                return
            }
            if let n = Int(text), shown.indices.contains(n - 1) {
                let v = shown[n - 1]
                setVoice(id: v.id, provider: v.provider)
                say("Picked \(v.name.sanitizedForDisplay), \(v.language), \(v.provider).")
                return
            }
            let needle = text.lowercased()
            let found = all.filter { [$0.name, $0.language, $0.provider, $0.description].contains { $0.lowercased().contains(needle) } }
            if found.isEmpty {
                say("No voice matches \"\(text.sanitizedForDisplay)\".")
            } else {
                shown = found
                say("\(found.count) voice\(found.count == 1 ? "" : "s") match; the numbers below replace the earlier ones.")
                listVoices(shown)
            }
        }
    }

    /// Sets the voice id (and the provider, when known), keeping the speed.
    func setVoice(id: String, provider: String?) {
        Wizard.setVoice(id: id, provider: provider, in: &draft)
    }

    func listVoices(_ list: [RevoxInterface.Voice]) {
        for (i, v) in list.enumerated() {
            say("  \(i + 1). \(v.name), \(v.language), \(v.provider): \(v.description)".sanitizedForDisplay)
        }
    }
}
