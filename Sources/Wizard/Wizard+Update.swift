import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

extension Wizard {
    /// Keys that work on every step; they feed the help line and the keymap.
    static let globalBindings: [KeyBinding] = [
        KeyBinding([.alt("n"), .alt("p")], "next/previous step"),
        KeyBinding(KeyPress(.function(5)), "review & send"),
        KeyBinding(.alt("e"), "edit in $EDITOR"),
        KeyBinding(KeyPress(.function(1)), "keys"),
        KeyBinding(.ctrl("q"), "quit"),
    ]

    public mutating func update(_ message: WizardMessage) -> [WizardEffect] {
        switch message {
        case .input(let event): return input(event)
        case .resize(let rows, let cols): return resize(rows: rows, cols: cols)
        case .tick:
            state.ticks &+= 1
            if case .loading = state.voices, state.step == .voice { rebuildForm() }
            return []
        case .voicesLoaded(let result):
            switch result {
            case .success(let voices): state.voices = .loaded(voices)
            case .failure(let error): state.voices = .failed(error.message)
            }
            if state.step == .voice { rebuildForm() }
            return []
        case .saved(let outcome): return saved(outcome)
        case .quitBlocked(let error, let rescue):
            state.save = .failed(error.description)
            state.saveDialog = .quitFailed(reason: error.description, rescue: rescue)
            return []
        case .draftReloaded(let body):
            let slug = state.slug
            let (record, problem) = (state.serverRecord, state.recordProblem)
            open(OpenedDraft(slug: slug, body: body, record: record, recordProblem: problem, api: state.api))
            state.save = .saved
            state.status = "The draft was reloaded from its file; your edits were dropped."
            return []
        case .sendFinished(let outcome, let record): return sendFinished(outcome, record: record)
        case .draftOpened(let result):
            state.start.busy = false
            switch result {
            case .success(let d):
                open(d)
                return apiEffects(recorded: d.api) + [.loadVoices]
            case .failure(let error):
                state.start.message = error.description
                return []
            }
        case .assistantFetched(let result):
            state.start.busy = false
            switch result {
            case .success(let fetched):
                open(fetched.draft)
                state.status = "Editing assistant \(fetched.assistant.id.sanitizedForDisplay): changes are sent as a PATCH after a diff."
                return apiEffects(recorded: fetched.draft.api) + [.loadVoices]
            case .failure(let error):
                state.start.message = error.message + " " + error.suggestion
                return []
            }
        case .draftsListed, .draftStatuses, .assistantsListed, .pulled, .pulledAll: return startMessage(message)
        case .editorFinished(let path, let result):
            // The editor hand-off names the field as text (its file name); it is our own path.
            if path.hasPrefix(RecordEditor.editorPrefix), let noun = state.record?.noun,
               let local = JSONPath(parsing: String(path.dropFirst(RecordEditor.editorPrefix.count))) {
                switch result {
                case .success(let text):
                    state.records.received(text: text, at: local)
                    state.status = "Text from the editor is in the \(noun)'s \(local)."
                case .failure(let failure): state.status = failure.message
                }
                return []
            }
            guard let field = JSONPath(parsing: path) else { return [] }
            switch result {
            case .success(let text):
                try? state.draft.set(field, to: .string(text))
                // The rebuild gives the row a widget showing the new text; focus stays on the row.
                changed(path: field, structural: true)
                state.status = "Text from the editor is in \(path)."
                return saveEffects()
            case .failure(let failure):
                state.status = failure.message
                return []
            }
        }
    }

    mutating func resize(rows: Int, cols: Int) -> [WizardEffect] {
        // The run loop reports the size it starts at: the same size needs no second form (opening
        // a 1,000-item draft built it twice).
        guard max(1, rows) != state.rows || max(1, cols) != state.cols else { return [] }
        state.rows = max(1, rows)
        state.cols = max(1, cols)
        rebuildForm()
        return []
    }

    // MARK: input

    mutating func input(_ event: InputEvent) -> [WizardEffect] {
        if case .resize(let rows, let cols) = event { return resize(rows: rows, cols: cols) }
        if state.helpShown {
            if event.keyPress != nil { state.helpShown = false }
            return []
        }
        // A question about saving comes before everything: it is about not losing the draft.
        if state.saveDialog != nil { return saveDialogInput(event) }
        if let k = event.keyPress, k == .ctrl("q") || k == .ctrl("c") {
            if case .sending = state.send { return [.cancelSend, .quit] }
            // A record being typed is kept as Ctrl-S keeps it (and the records around it): quitting
            // never loses what was typed.
            var kept: [WizardEffect] = []
            while state.record != nil { kept += recordInput(.key(.ctrl("s"))) }
            return kept + [.quit]
        }
        if let k = event.keyPress, k == KeyPress(.function(1)) {
            state.helpShown = true
            return []
        }
        // The screen says "make the window bigger" and shows nothing else: a key that acted here
        // would change or send what the user cannot see.
        guard fitsMinimum else { return [] }
        switch state.screen {
        case .start: return startInput(event)
        case .brokenDraft:
            if let k = event.keyPress, k == .enter || k == .escape || k == .char("q") { return [.quit] }
            return []
        case .result: return resultInput(event)
        case .editing: return editingInput(event)
        }
    }

    mutating func editingInput(_ event: InputEvent) -> [WizardEffect] {
        if case .sending = state.send {
            if event.keyPress == .escape { return [.cancelSend] }
            return []
        }
        if state.apiSwitch != nil { return apiSwitchInput(event) }
        if state.record != nil { return recordInput(event) }
        if state.review.confirm != nil { return confirmInput(event) }
        if state.diff != nil { return diffInput(event) }
        if let k = event.keyPress {
            if k == .alt("n") { return go(to: state.steps.next(state.step) ?? state.step) }
            if k == .alt("p") { return go(to: state.steps.previous(state.step) ?? state.step) }
            if case .char(let c) = k.key, k.modifiers == .alt, let step = state.steps.step(hotkey: c) {
                return go(to: step)
            }
            if k == KeyPress(.function(5)) {
                let effects = go(to: .review)
                state.review.part = .send
                return effects
            }
            if k == KeyPress(.function(2)) { state.sidebarShown.toggle(); rebuildForm(); return [] }
            if k == .ctrl("s") {
                flushEdits()
                return [.save(state.draft, slug: state.slug)]
            }
            if k == .alt("e") { return openEditor() }
        }
        if case .mouse(let m) = event, let effects = mouse(m) { return effects }
        if state.step == .review { return reviewInput(event) }
        if state.form.focusedPath == Wizard.apiRowPath, let k = event.keyPress, k == .enter || k == .char(" ") {
            openAPISwitch()
            return []
        }
        let outcomes = state.formEditsDraft { $0.handle(event, body: &$1) }
        var effects: [WizardEffect] = []
        for outcome in outcomes {
            effects += formOutcome(outcome)
            if case .editRecord(let field, let row) = outcome { openRecord(field: field, row: row) }
        }
        if outcomes == [.unhandled], event.keyPress == .char("?") { state.helpShown = true }
        if outcomes == [.unhandled], event.keyPress == .escape, state.status != nil { state.status = nil }
        scrollFormToFocus()
        return effects
    }

    /// Applies what the form did: a change saves and (for choices) reshapes the form; leaving a
    /// field lets its messages speak.
    mutating func formOutcome(_ outcome: FormEvent) -> [WizardEffect] {
        switch outcome {
        case .changed(let path, let structural):
            changed(path: path, structural: structural)
            return saveEffects()
        case .blurred(let path, _):
            state.shownPaths.insert(path)
            revalidate()
            rebuildForm()
            return []
        case .deferred(let path):
            state.serverIssues.removeAll { $0.belongs(to: path, deep: false) }
            state.save = .pending
            return saveEffects()
        default: return []
        }
    }

    /// After an edit: server messages for the field are stale, and a field that already shows a
    /// message keeps it current as the user fixes it.
    mutating func changed(path: JSONPath, structural: Bool) {
        state.serverIssues.removeAll { $0.belongs(to: path) }
        state.save = .pending
        if structural || state.showAllMessages || state.shownPaths.contains(path) { revalidate() }
        if structural { rebuildForm() }
    }

    mutating func saveEffects() -> [WizardEffect] { [.save(state.draft, slug: state.slug)] }

    mutating func go(to step: Step) -> [WizardEffect] {
        flushEdits()
        if step != state.step, state.step != .review, case .blurred(let path, _) = state.form.blur() {
            state.shownPaths.insert(path)
        }
        state.visited.insert(state.step)
        // Entering the review reads first: Send is a Tab away, never where the focus lands.
        if step == .review, state.step != .review { state.review.part = .json }
        state.step = step
        state.visited.insert(step)
        state.form = Form()
        revalidate()
        rebuildForm()
        return []
    }

    /// Jumps to the field an issue names, showing its message.
    mutating func jump(to issue: ValidationIssue) {
        _ = go(to: state.steps.owning(path: issue.path))
        state.showAllMessages = true
        // The most specific visible field: a list for its rows, a switch for what it hides.
        var best: Int?
        for (i, f) in state.form.fields.enumerated() where issue.belongs(to: f.path) {
            if best.map({ state.form.fields[$0].path.components.count < f.path.components.count }) ?? true { best = i }
        }
        if let best { state.form.focus = best }
        scrollFormToFocus()
    }

    // MARK: records

    mutating func openRecord(field: Int, row: Int?) {
        guard let editor = RecordEditor.opening(field: field, row: row, of: state.form, depth: 0, width: viewport.width) else { return }
        state.records.open(editor)
    }

    /// Where the record forms are drawn this frame; a click is read against the same value. Keys
    /// need no messages, and working them out validates the whole draft: `messages` false skips it.
    func recordLayout(messages: Bool = true) -> RecordStack.Layout {
        state.records.layout(in: viewport, issues: messages && !state.records.isEmpty ? recordIssues() : [], showAll: state.showAllMessages)
    }

    mutating func recordInput(_ event: InputEvent) -> [WizardEffect] {
        let press: Bool = { if case .mouse(let m) = event, case .press = m.kind { return true }; return false }()
        switch state.records.update(event, layout: recordLayout(messages: press)) {
        case .none: return []
        case .showHelp:
            state.helpShown = true
            return []
        case .changed:
            // What is typed in a record form is part of the autosaved draft at once.
            state.save = .pending
            return saveEffects()
        case .discarded:
            // The discarded record was in the autosaved body: save without it.
            return saveEffects()
        case .kept(let kept):
            guard state.form.commit(kept.record, at: kept.index, field: kept.fieldIndex) else { return [] }
            let outcome = state.formEditsDraft { $0.write(body: &$1) }
            state.shownPaths.insert(kept.listPath)
            revalidate()
            return formOutcome(outcome)
        case .openEditor(let path, let text): return [.openEditor(path: path, text: text)]
        case .status(let text):
            state.status = text
            return []
        }
    }

    /// Every open record form, outermost first.
    var recordStack: [RecordEditor] { state.records.editors }

    /// The draft with the open record forms applied (each into the one around it, the outermost
    /// into the draft), and the concrete path of the innermost record in it.
    func draftWithRecords(_ draft: JSONValue) -> (body: JSONValue, prefix: JSONPath) {
        var stack = recordStack
        guard var inner = stack.popLast() else { return (draft, JSONPath()) }
        var prefixes: [JSONPath] = []
        var container = draft
        for e in recordStack {
            prefixes.append(e.place(in: container))
            container = e.record
        }
        inner.form.writeUnwritten(body: &inner.record)
        while var parent = stack.popLast() {
            parent.record = inner.applied(to: parent.record)
            inner = parent
        }
        return (inner.applied(to: draft), JSONPath(prefixes.flatMap(\.components)))
    }

    /// The innermost record's issues, judged in place in the whole draft (duplicates across rows
    /// count), with paths relative to that record.
    func recordIssues() -> [ValidationIssue] {
        let (body, prefix) = draftWithRecords(state.draft)
        return Validator.validate(body, api: state.generation).compactMap { issue in
            guard issue.belongs(to: prefix) else { return nil }
            var local = issue
            local.path = JSONPath(Array(issue.path.components.dropFirst(prefix.components.count)))
            return local
        }
    }

    // MARK: review, send and results

    mutating func reviewInput(_ event: InputEvent) -> [WizardEffect] {
        let all = state.issues + state.serverIssues
        switch state.review.update(event, layout: ReviewPage.layout(in: reviewArea, issueCount: all.count)) {
        case .none: return []
        case .showHelp:
            state.helpShown = true
            return []
        case .jump(let i):
            if i < all.count { jump(to: all[i]) }
            return []
        case .send: return requestSend()
        }
    }

    /// Sends what the session's plan says: a create where the draft has no assistant on this
    /// server, a PATCH (after the diff) where it has one. Errors block, and the user is shown where.
    mutating func requestSend() -> [WizardEffect] {
        revalidate()
        state.showAllMessages = true
        state.review.refresh(draft: state.draft, issues: state.issues + state.serverIssues)
        let record: Result<SubmissionRecord?, DraftError> = state.recordProblem.map { .failure($0) } ?? .success(state.serverRecord)
        switch SendPlan.make(body: state.draft, issues: state.issues, record: record) {
        case .invalid(let errors):
            let n = errors.count
            state.status = "\(n) error\(n == 1 ? "" : "s") to fix before sending: Tab to the list, Enter jumps to one."
            state.review.part = .issues
            return []
        case .recordUnreadable(let e):
            state.status = e.description
            return []
        case .update(_, let changes):
            state.diff = PatchDiff(changes)
            return []
        case .nothingToSend:
            state.status = "Already sent: the assistant on the server matches this draft."
            return []
        case .create:
            state.review.confirm = ConfirmDialog(title: " Send? ", message: sendQuestion(update: false),
                                                 confirmLabel: "Yes, create it", cancelLabel: "No")
            return []
        }
    }

    /// What sending does and where, in one question: "Create 'Front desk' on https://…?".
    func sendQuestion(update: Bool) -> String {
        let name = (state.draft.value(at: "name")?.stringValue).map { "'\($0)'" } ?? "the assistant"
        let verb = update ? "Update" : "Create"
        let id = update ? (state.serverRecord?.assistantID).map { " (\($0))" } ?? "" : ""
        return "\(verb) \(name)\(id) \(state.backend.server.onName)?".sanitizedForDisplay
    }

    /// The one question before a create: yes sends, no (or Esc) goes back to the review.
    mutating func confirmInput(_ event: InputEvent) -> [WizardEffect] {
        guard var dialog = state.review.confirm else { return [] }
        let r = dialog.handle(event)
        state.review.confirm = dialog
        guard r == .submit || r == .cancel else { return [] }
        state.review.confirm = nil
        guard r == .submit, dialog.confirmed else {
            state.status = "Not sent."
            return []
        }
        // Decided again now: the draft is what the question named.
        guard case .create(let body) = SendPlan.make(body: state.draft, issues: state.issues, record: .success(state.serverRecord)) else { return requestSend() }
        state.send = .sending(isCreate: true, since: state.ticks)
        state.status = nil
        return [.send(.create(body))]
    }

    mutating func diffInput(_ event: InputEvent) -> [WizardEffect] {
        guard var diff = state.diff else { return [] }
        let outcome = diff.update(event)
        state.diff = diff
        switch outcome {
        case .none: return []
        case .back:
            state.diff = nil
            return []
        case .send:
            state.diff = nil
            guard !diff.changes.isEmpty, let id = state.serverRecord?.assistantID else {
                state.status = "Nothing to send: the draft matches the assistant on the server."
                return []
            }
            state.send = .sending(isCreate: false, since: state.ticks)
            return [.send(.update(id: id, diff.changes))]
        }
    }

    mutating func sendFinished(_ outcome: SendOutcome, record: SubmissionRecord?) -> [WizardEffect] {
        switch outcome {
        case .sent(let assistant, let wasCreate, _):
            state.send = .succeeded(assistant, wasCreate: wasCreate, recordWarning: outcome.recordWarning)
            state.serverRecord = record ?? SubmissionRecord(assistantID: assistant.id, serverCopy: .object(assistant.json))
            state.review.confirm = nil
            state.serverIssues = []
            state.result = ResultScreen(state.send)
        case .failed(let error):
            state.send = .failed(error)
            state.serverIssues = error.fieldErrors.map(\.issue)
            state.result = ResultScreen(state.send)
        case .notSent:
            state.send = .idle
            return []
        }
        state.screen = .result
        return []
    }

    mutating func resultInput(_ event: InputEvent) -> [WizardEffect] {
        let outcome = state.result.update(event, send: state.send)
        let sent = state.send
        switch outcome {
        case .none: return []
        case .jumpToFirstFieldError:
            state.screen = .editing
            state.send = .idle
            if case .failed(let error) = sent, let first = error.fieldErrors.first { jump(to: first.issue) }
            return []
        case .back:
            state.screen = .editing
            state.send = .idle
            _ = go(to: .review)
            return []
        }
    }

    // MARK: editor and mouse

    /// Hands the focused text field to `$VISUAL`/`$EDITOR`; other fields have nothing to edit there.
    mutating func openEditor() -> [WizardEffect] {
        guard let f = state.form.focused else { return [] }
        switch f.control {
        case .text(let w): return [.openEditor(path: f.path.description, text: w.value)]
        case .longText(let w): return [.openEditor(path: f.path.description, text: w.text)]
        default:
            state.status = "Alt-E opens a text field in your editor; this field is not text."
            return []
        }
    }

    /// Clicks focus a step or a field; the wheel scrolls. Nil when the event is the widget's.
    mutating func mouse(_ m: MouseEvent) -> [WizardEffect]? {
        let sidebar = state.isWide || state.sidebarShown
        if case .press = m.kind, sidebar, m.col < Wizard.sidebarWidth, m.row >= 2 {
            let i = m.row - 2
            if i < state.steps.count { return go(to: state.steps.all[i]) }
            return []
        }
        guard state.step != .review else { return nil }
        let area = viewport.inset(top: 1)
        switch m.kind {
        case .press:
            guard let hit = state.form.field(atRow: m.row, in: area, messages: fieldMessages()) else { return [] }
            var effects: [WizardEffect] = []
            if hit.index != state.form.focus { effects = formOutcome(state.form.moveFocus(to: hit.index)) }
            if case .choice(var list, let o, let k) = state.form.fields[hit.index].control, hit.rowInField >= 1 {
                _ = list.click(rowInRect: hit.rowInField - 1)
                state.form.fields[hit.index].control = .choice(list, o, variantKeys: k)
                let outcome = state.formEditsDraft { $0.write(body: &$1) }
                effects += formOutcome(outcome)
            }
            return effects
        case .wheelUp, .wheelDown:
            if case .picker = state.form.focused?.control { return nil }
            if case .records = state.form.focused?.control { return nil }
            state.form.scrollTop = max(0, state.form.scrollTop + (m.kind == .wheelDown ? 3 : -3))
            return []
        default: return []
        }
    }
}
