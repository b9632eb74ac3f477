import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// Where a navigation command sends the user. Thrown out of a prompt, it unwinds to the loop that
/// owns that level: a field list for `back`, the step loop for the rest.
enum AccessibleJump: Error, Equatable {
    case back, skip, review, quit, endOfInput
    /// `api`: the question that switches the draft's API generation, then the same step again.
    case switchAPI
    case go(Step)
    /// To the field an issue names (from the review).
    case field(ValidationIssue)
}

/// One accessible-mode session: the draft, where it is saved, and the prompt loop over the steps.
/// Every answer is written to the draft file at once, so nothing typed is lost on Ctrl-C or EOF.
final class AccessibleSession {
    let io: any LineIO
    let api: any RevoxAPI
    let wizard: Wizard
    let store: DraftStore
    /// The open draft: its body, file, saves and records are the session's.
    var session: DraftSession
    var server: DraftServer { wizard.state.backend.server }
    /// The body being answered; every change goes to the session.
    var draft: JSONValue {
        get { session.body }
        set { session.edit(newValue) }
    }
    var slug: String? { session.slug }
    /// Set when a save failed and was not retried successfully: the exit status says so.
    var unsaved: DraftError?
    /// The API generation the draft is checked as: recorded with it, else detected from its keys.
    var generation: APIGeneration { APIGeneration.resolve(session.recordedAPI ?? openedAs, for: draft) }
    /// The generation detected when the steps began, so editing never flips it mid-walk.
    var openedAs: APIGeneration?
    /// The steps that generation walks.
    var stepList: StepList { Step.steps(for: generation) }
    /// Field messages from the server's last 422, shown at their fields until edited.
    var serverIssues: [ValidationIssue] = []
    var lastSendFailed = false
    var lastSendUnrecorded = false
    /// "FAQ item 2, " while a record's fields are asked.
    var context = ""
    var voices: Result<[RevoxInterface.Voice], RevoxError>?

    init(wizard: Wizard, api: any RevoxAPI, store: DraftStore, session: DraftSession, io: any LineIO) {
        self.wizard = wizard; self.api = api; self.store = store; self.session = session; self.io = io
    }

    func run() -> Int32 {
        say("assistant-wizard, accessible mode. One question at a time; type help at any prompt for the commands.")
        let backend = wizard.state.backend
        if backend.isSandbox {
            say("SANDBOX: requests go to the built-in sandbox, not to Revox. To use the real API, set REVOX_API_KEY (or use --api-key-file) and run without --sandbox.")
        } else {
            say("Requests go to \(backend.baseURL.sanitizedForDisplay)" + (backend.maskedKey.map { " with the key \($0)." } ?? "."))
        }
        switch wizard.state.screen {
        case .brokenDraft(let file, let message):
            say("Cannot open the draft \(file.sanitizedForDisplay): \(message.sanitizedForDisplay)")
            say("The file was left untouched. Fix it in a text editor, then open it again.")
            return 2
        case .start:
            do throws(AccessibleJump) { try startMenu() } catch { return finish(error) }
            // `--api`: the draft chosen on the start menu speaks it too.
            if let api = wizard.state.requestedAPI, let e = session.choose(api: api) {
                say("Could not record the API generation \(api): \(e.description.sanitizedForDisplay).")
            }
        default: break
        }
        switch session.record(on: server) {
        case .success(let r?):
            say("This draft belongs to assistant \(r.assistantID.sanitizedForDisplay) \(server.onName): sending it changes that assistant with a PATCH of only the changed fields.")
        case .failure(let e): say("Warning: \(e.description.sanitizedForDisplay).")
        case .success(nil): break
        }
        return steps(from: .basics)
    }

    // MARK: steps

    /// Walks the steps in order until the assistant is sent or the user quits.
    func steps(from first: Step) -> Int32 {
        var step = first
        var focus: ValidationIssue?
        var switching = false
        openedAs = APIGeneration.detect(draft)
        while true {
            do throws(AccessibleJump) {
                if switching {
                    switching = false
                    try askAPI()
                    // A step the new generation lacks (Transfer, in a seed draft) is left for the first.
                    if !stepList.contains(step) { step = .basics }
                }
                if step == .review {
                    if let status = try review() { return status }
                } else {
                    try run(step, focus: focus)
                    focus = nil
                    step = stepList.next(step) ?? .review
                }
            } catch {
                focus = nil
                switch error {
                case .back: step = stepList.previous(step) ?? step
                case .skip: step = stepList.next(step) ?? .review
                case .review: step = .review
                case .go(let s): step = s
                case .field(let issue):
                    step = stepList.owning(path: issue.path)
                    focus = issue
                case .switchAPI: switching = true
                case .quit, .endOfInput: return finish(error)
                }
            }
        }
    }

    func run(_ step: Step, focus: ValidationIssue?) throws(AccessibleJump) {
        say("")
        say("Step \(stepList.number(step)) of \(stepList.count): \(step.title).")
        if step == .basics {
            let other: APIGeneration = generation == .seed ? .latest : .seed
            say("The draft speaks the \(generation) API (SDK revox \(generation.sdkVersion)). Type api at any prompt to switch to \(other); what changes is shown first.")
        }
        try walk({ self.items(for: step) }, focus: focus)
    }

    /// The questions of a step, from the same builder as the full-screen form: fields that do not
    /// apply are left out, and switched-on objects and chosen variants bring their fields.
    func items(for step: Step) -> [AccessibleItem] {
        let rows = FormBuilder.rows(for: Wizard.specs(for: step, api: generation), body: draft).map(AccessibleItem.field)
        guard step == .voice else { return rows }
        // The voice list stands for the on/off switch and the id; provider and speed follow.
        return [.voicePicker] + rows.filter { $0.path != "voice" && $0.path != "voice.id" }
    }

    /// Asks each question in turn. The list is rebuilt after every answer (a choice can add or remove
    /// questions); `back` on the first question is the caller's.
    func walk(_ items: () -> [AccessibleItem], focus: ValidationIssue? = nil) throws(AccessibleJump) {
        var index = 0
        if let focus {
            // The most specific question holding the path: a list for its rows, a switch for its fields.
            let list = items()
            let holding = list.indices.filter { focus.belongs(to: list[$0].path) }
            index = holding.max { list[$0].path.components.count < list[$1].path.components.count } ?? 0
        }
        while true {
            let list = items()
            guard index < list.count else { return }
            let item = list[index]
            do throws(AccessibleJump) {
                try ask(item)
                index = (items().firstIndex { $0.id == item.id } ?? index - 1) + 1
            } catch {
                guard error == .back else { throw error }
                if index == 0 { throw error }
                index = min(index, list.count) - 1
            }
        }
    }

    /// One question, asked again when the answer changed the value and it has problems (Enter then
    /// keeps it and goes on: problems never trap the user, only sending is blocked).
    func ask(_ item: AccessibleItem) throws(AccessibleJump) {
        if case .field(let row) = item, case .records = row.input { return try askRecords(row) }
        var again = false
        while true {
            let before = draft
            switch item {
            case .voicePicker: try askVoice(again: again)
            case .field(let row): try askField(row, again: again)
            }
            let mine = issues(at: item.path, deep: item.isList)
            guard draft != before else {
                if !again { report(mine) }
                return
            }
            serverIssues.removeAll { $0.belongs(to: item.path) }
            persist()
            if mine.isEmpty { return }
            report(mine)
            again = true
        }
    }

    /// The `api` command (said on the Basics step): switches the API generation the draft speaks.
    /// It says what changes first, and asks whether values the other generation lacks stay in the request.
    func askAPI() throws(AccessibleJump) {
        let from = generation, to: APIGeneration = from == .seed ? .latest : .seed
        say("")
        let change = GenerationSwitch(draft, from: from, to: to)
        for s in change.summary { say(s) }
        let body: JSONValue
        if change.unknownThere.isEmpty {
            guard try confirm("Switch to \(to)?") else { say("Still \(from)."); return }
            body = change.body
        } else {
            while true {
                say("Type keep to switch and keep them, drop to switch and leave them out, or no to stay with \(from).")
                let answer = try read("keep, drop or no")?.trimmingSpaces.lowercased()
                if answer == "no" || answer == "n" { say("Still \(from)."); return }
                if answer == "keep" { body = change.body; break }
                if answer == "drop" { body = change.dropping; break }
            }
        }
        draft = body
        if let e = session.choose(api: to) { say("Could not record the generation: \(e.description.sanitizedForDisplay).") }
        persist()
        say("The draft now speaks \(to). Its steps: " + stepList.all.map { "\(stepList.number($0)) \($0.title)" }.joined(separator: ", ") + ".")
    }

    // MARK: draft

    func set(_ path: JSONPath, _ value: JSONValue?) {
        do throws(JSONPathError) { try draft.set(path, to: value) } catch {
            say("Could not change \(path): \(error.reason).")
        }
    }

    /// Writes the draft: a new file (and slug) on the first save, the same file after that.
    func persist() {
        let hadFile = slug != nil
        switch session.save() {
        case .saved(let s):
            unsaved = nil
            if !hadFile { say("Saved as the draft \(s), in \(store.file(for: s).sanitizedForDisplay). Every answer is saved as you go.") }
        case .nothingToSave: break
        case .failed(let error):
            unsaved = error
            say("Could not save the draft: \(error.description.sanitizedForDisplay). Your answers are kept; quit tries again.")
        case .changedOnDisk(let file, _):
            resolveChange(file)
        }
    }

    /// Another program changed the file: the user decides; nothing is written over it unasked.
    func resolveChange(_ file: String) {
        say("Another program changed \(file.sanitizedForDisplay) since it was opened here. Nothing was written over it.")
        while true {
            say("Type reload to take that version (dropping the answers given here), mine to write yours over it, or copy to save yours as a new draft beside it.")
            guard let answer = io.readLine()?.trimmingSpaces.lowercased() else {
                // No one to ask: keep both, never overwrite.
                persistOutcome(session.saveAsCopy())
                return
            }
            switch answer {
            case "reload": persistOutcome(session.reload()); return
            case "mine": persistOutcome(session.overwrite()); return
            case "copy": persistOutcome(session.saveAsCopy()); return
            default: continue
            }
        }
    }

    private func persistOutcome(_ outcome: SaveOutcome) {
        switch outcome {
        case .saved(let s): unsaved = nil; say("Saved: \(store.file(for: s).sanitizedForDisplay).")
        case .failed(let e): unsaved = e; say("Could not save the draft: \(e.description.sanitizedForDisplay).")
        case .nothingToSave, .changedOnDisk: break
        }
    }

    /// Saves and says where the draft is, on quit and at the end of input. A draft that could not
    /// be saved makes the exit status 3: scripts must not take it for done.
    func finish(_ reason: AccessibleJump) -> Int32 {
        if reason == .endOfInput { say(""); say("End of input.") }
        if slug == nil && draft == .object(JSONObject()) {
            say("Nothing was typed, so no draft was saved.")
        } else {
            persist()
            if let unsaved {
                say("The draft was NOT saved: \(unsaved.description.sanitizedForDisplay).")
                session.close()
                return AccessibleWizard.notSaved
            }
            if let slug {
                say("The draft is saved in \(store.file(for: slug).sanitizedForDisplay). To go on later: assistant-wizard edit \(slug)")
            }
        }
        session.close()
        return exitStatus
    }

    /// 0: the draft is complete (no errors; sent or ready to send); 1: the last send failed;
    /// 3: the draft is saved but not complete (errors remain, or nothing was typed); 5: sent, but
    /// the draft could not remember the assistant. 2 is an unreadable draft, said before any
    /// prompt; 6 a draft that could not be saved (returned above).
    var exitStatus: Int32 {
        if lastSendUnrecorded { return 5 }
        if lastSendFailed { return 1 }
        if slug == nil && draft == .object(JSONObject()) { return AccessibleWizard.incomplete }
        return Validator.validate(draft, api: generation).hasErrors ? AccessibleWizard.incomplete : 0
    }

    // MARK: issues

    func issues(at path: JSONPath, deep: Bool) -> [ValidationIssue] {
        (serverIssues + Validator.validate(draft, api: generation)).filter { $0.belongs(to: path, deep: deep) }
    }

    func report(_ issues: [ValidationIssue]) {
        for issue in issues {
            say("\(issue.severity == .error ? "Error" : "Warning"): \(issue.message.sanitizedForDisplay).")
        }
    }

    // MARK: output

    func say(_ line: String) { io.write(line + "\n") }
}

/// One question of a step: a field of the form, or the voice list.
enum AccessibleItem {
    case field(FormRow)
    case voicePicker

    var path: JSONPath {
        switch self {
        case .field(let f): return f.path
        case .voicePicker: return "voice.id"
        }
    }
    var id: String {
        switch self {
        // A nullable field's choice and its value row share a path and a widget type; the label tells them apart.
        case .field(let f): return f.path.description + "#" + f.input.kindName + "#" + f.label
        case .voicePicker: return "voice.__picker"
        }
    }
    /// Problems inside the value (list items, options) belong to this question.
    var isList: Bool {
        guard case .field(let f) = self else { return false }
        switch f.input {
        case .records, .stringList: return true
        default: return false
        }
    }
}
