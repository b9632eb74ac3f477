import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The wizard: a state value changed only by `update`, which returns the effects to run, and drawn
/// only by `render`. Nothing here touches a terminal, a file or the network, so every flow can be
/// driven and checked in tests with an in-memory screen.
public struct Wizard: Sendable {
    public internal(set) var state: WizardState
    /// The header and footer rows of the last frames, by what they show (a cache, not state).
    var renderMemo = RenderMemo()

    /// A wizard on a draft (a new one when `body` is empty), starting at the steps.
    public init(backend: Backend, body: JSONValue = .object(JSONObject()), slug: String? = nil,
                record: SubmissionRecord? = nil, recordProblem: DraftError? = nil, rows: Int = 24, cols: Int = 80) {
        state = WizardState(backend: backend)
        state.rows = rows
        state.cols = cols
        open(OpenedDraft(slug: slug, body: body, record: record, recordProblem: recordProblem))
    }

    /// A wizard on a draft the session opened.
    public init(backend: Backend, draft: OpenedDraft, rows: Int = 24, cols: Int = 80) {
        state = WizardState(backend: backend)
        state.rows = rows
        state.cols = cols
        open(draft)
    }

    /// A wizard on its start screen (new, open a draft, edit by id, quit).
    public static func startScreen(backend: Backend, rows: Int = 24, cols: Int = 80) -> Wizard {
        var w = Wizard(backend: backend, rows: rows, cols: cols)
        w.state.screen = .start
        return w
    }

    /// A wizard showing that a draft file could not be read (it is left untouched).
    public static func brokenDraft(backend: Backend, file: String, message: String, rows: Int = 24, cols: Int = 80) -> Wizard {
        var w = Wizard(backend: backend, rows: rows, cols: cols)
        w.state.screen = .brokenDraft(file: file, message: message)
        return w
    }

    /// The effects to run as the wizard opens (the voice list).
    public var initialEffects: [WizardEffect] { [.loadVoices] }

    mutating func open(_ draft: OpenedDraft) {
        // `--api` wins over what the draft recorded (the runtime records it: `apiEffects`). A
        // generation detected from the keys is fixed here: unsetting the last latest-only field
        // must not take the step the user is on away from under them. (Set before the draft,
        // so the draft's keys are walked once, and only when neither says.)
        state.api = state.requestedAPI ?? draft.api
        state.draft = draft.body
        if state.api == nil { state.api = state.detected }
        state.slug = draft.slug
        state.serverRecord = draft.record
        state.recordProblem = draft.recordProblem
        state.saveDialog = nil
        state.screen = .editing
        state.step = .basics
        // A reopened draft has been through the steps it fills, and a complete one through them
        // all: they show ✓ (or their problems), not · as if never seen.
        let filled = draft.body.objectValue?.keys.map { state.steps.owning(path: JSONPath([.key($0)])) }.filter { $0 != .review } ?? []
        // Validated once: what the steps show is what the form's messages show (nothing is typed yet).
        state.issues = Validator.validate(draft.body, api: state.generation)
        let complete = !filled.isEmpty && !state.issues.hasErrors
        state.visited = complete ? Set(state.steps.all.filter { $0 != .review }) : Set([.basics] + filled)
        state.shownPaths = []
        state.showAllMessages = false
        state.send = .idle
        state.form = Form()
        rebuildForm()
    }

    /// `--api`: the open draft and every draft opened later speak this generation.
    public mutating func request(api: APIGeneration?) {
        state.requestedAPI = api
        if let api { state.api = api; rebuildForm() }
    }

    /// Records `--api` with a draft opened from the start screen when it recorded another.
    func apiEffects(recorded: APIGeneration?) -> [WizardEffect] {
        guard let r = state.requestedAPI, r != recorded else { return [] }
        return [.chooseAPI(r)]
    }

    // MARK: derived

    var viewport: Rect {
        let top = 2
        let sidebar = (state.isWide || state.sidebarShown) ? Wizard.sidebarWidth + 1 : 0
        return Rect(row: top, col: sidebar + 1, width: max(10, state.cols - sidebar - 2), height: max(1, state.rows - top - 2))
    }

    static let sidebarWidth = 24

    mutating func revalidate() {
        flushEdits()
        state.issues = Validator.validate(state.draft, api: state.generation)
    }

    /// Puts a long text that was typed but not yet written back into the draft. The runtime calls
    /// it before saving; everything that reads the draft here goes through `revalidate` or `go`.
    public mutating func flushEdits() {
        guard state.form.unwritten != nil else { return }
        state.formEditsDraft { $0.writeUnwritten(body: &$1) }
    }

    /// What is saved: the draft with the record form being typed in applied, so a crash keeps
    /// what was typed there too (Esc still discards it: the next save is without it).
    public var bodyForSaving: JSONValue {
        var body = state.draft
        var form = state.form
        form.writeUnwritten(body: &body)
        return draftWithRecords(body).body
    }

    /// Rebuilds the current step's rows from the schema and the draft (fields appear and vanish
    /// as choices change), keeping every widget whose value is unchanged.
    mutating func rebuildForm() {
        guard state.step != .review else {
            state.review.refresh(draft: state.draft, issues: state.issues + state.serverIssues)
            return
        }
        WorkCounter.formBuilds?.count += 1
        let draft = state.draft
        var rows = FormBuilder.rows(for: specs(for: state.step), body: draft).map { FormField($0, value: draft.value(at: $0.path)) }
        if state.step == .voice { rows = Wizard.voiceStepRows(rows, picker: voicePickerRow()) }
        if state.step == .basics { rows.append(apiRow()) }
        state.form.replaceFields(rows, body: state.draft)
        state.form.fitTextAreas(width: viewport.width - 2)
        state.form.messageWidth = viewport.width - 2
        scrollFormToFocus()
    }

    /// Keeps the focused field in view; which fields show a message changes their heights.
    mutating func scrollFormToFocus() {
        let messages = fieldMessages()
        state.form.scrollToFocus(viewHeight: viewport.height - 1, messages: messages)
    }

    /// Where the review page sits (below the step's heading): its drawing and its clicks use it.
    var reviewArea: Rect { viewport.inset(top: 1) }

    func specs(for step: Step) -> [FieldSpec] { Wizard.specs(for: step, api: state.generation) }

    /// The fields a step's form shows in a generation, in the step's order (both front ends).
    static func specs(for step: Step, api: APIGeneration) -> [FieldSpec] {
        let fields = AssistantSchema.fields(for: api)
        return Step.steps(for: api).keys(step).compactMap { k in fields.first { $0.key == k } }
    }

    /// The voice step: the list, then the switch and the id it fills, each under its own name (the
    /// schema calls both "Voice", and the list would make three).
    static func voiceStepRows(_ rows: [FormField], picker: FormField) -> [FormField] {
        [picker] + rows.map { row in
            var r = row
            if r.path == "voice", case .choice = r.control { r.label = "Voice settings" }
            if r.path == "voice.id" { r.label = "Voice id" }
            return r
        }
    }

    /// The picker over `GET /voices`; picking a voice fills `voice.id` and `voice.provider`.
    func voicePickerRow() -> FormField {
        let spec = FieldSpec(key: "voice", path: "voice", label: "Voice list",
                             help: "Type to filter by name, language or provider.", kind: .text)
        var items = [SelectItem(ChoiceOption.unsetTitle, columns: ["", "", ""], id: "")]
        if case .loaded(let voices) = state.voices {
            items += voices.map { SelectItem($0.name.sanitizedForDisplay, columns: [$0.language, $0.provider, $0.description.sanitizedForDisplay], id: $0.id) }
        }
        var list = SelectList(items, height: 6, filterable: true)
        let current = state.draft.value(at: "voice.id")?.stringValue ?? ""
        list.select(id: current)
        switch state.voices {
        case .loading: list.emptyText = "loading voices…"
        case .failed(let why): list.emptyText = "could not load voices: \(why)"
        case .loaded: break
        }
        let voices: [VoiceOption] = { if case .loaded(let v) = state.voices { return v }; return [] }()
        let label: String = {
            switch state.voices {
            case .loading:
                let frames = Spinner.unicodeFrames
                return "Voice list \(frames[state.ticks % frames.count]) loading…"
            case .failed(let why): return "Voice list: could not be loaded (\(why.sanitizedForDisplay)); set the id and provider below"
            case .loaded: return "Voice list"
            }
        }()
        var row = FormField(FormRow(path: "voice", spec: spec, label: label, indent: 0, input: .voice, keepsEmpty: false), control: .picker(list))
        row.pick = { body, id in Wizard.applyVoicePick(id, voices: voices, to: &body) }
        return row
    }

    /// A voice picked from the list fills `voice.id` and `voice.provider` and keeps the speed;
    /// "no voice" leaves the key out.
    static func applyVoicePick(_ id: String, voices: [VoiceOption], to body: inout JSONValue) {
        guard !id.isEmpty else { try? body.set("voice", to: nil); return }
        guard let v = voices.first(where: { $0.id == id }) else { return }
        setVoice(id: v.id, provider: v.provider, in: &body)
    }

    /// The one way both front ends set a voice: the id, the provider when known, the rest kept.
    static func setVoice(id: String, provider: String?, in body: inout JSONValue) {
        var voice = body.value(at: "voice")?.objectValue ?? JSONObject()
        voice["id"] = .string(id)
        if let provider { voice["provider"] = .string(provider) }
        try? body.set("voice", to: .object(voice.ordered(by: AssistantSchema.voice.map(\.key))))
    }

    /// The message under a field: its first error, else its first warning; shown once the user
    /// has left the field (or asked to send), never while they are still typing.
    /// The message under each of the step's fields, in order (what the form's layout takes).
    /// (Each field is read by its path and input kind, not passed whole: a field passed as an
    /// argument was copied, with everything its widget holds retained and released.)
    func fieldMessages() -> [FieldMessage?] {
        var out: [FieldMessage?] = []
        out.reserveCapacity(state.form.fields.count)
        for i in state.form.fields.indices {
            out.append(message(path: state.form.fields[i].row.path, input: state.form.fields[i].row.input))
        }
        return out
    }

    /// The message one field shows.
    func message(for field: FormField) -> FieldMessage? { message(path: field.path, input: field.row.input) }

    func message(path: JSONPath, input: FormInput) -> FieldMessage? {
        guard state.showAllMessages || state.shownPaths.contains(path) else { return nil }
        let mine = (state.serverIssues + state.issues).filter { shows($0, under: path, input: input) }
        guard let first = mine.first(where: { $0.severity == .error }) ?? mine.first else { return nil }
        return FieldMessage(first.message, severity: first.severity == .error ? .error : .warning)
    }

    /// Whether `issue` shows under the field at `path`: its own, and (for a list or an object's
    /// switch) those of rows and fields the form does not show on their own.
    func shows(_ issue: ValidationIssue, under path: JSONPath, input: FormInput) -> Bool {
        guard issue.belongs(to: path) else { return false }
        if issue.belongs(to: path, deep: false) { return true }
        // A list's rows and a switched-off object's fields report on the list or the switch.
        if case .records = input { return true }
        if case .choice = input { return !state.form.fields.contains { issue.belongs(to: $0.path, deep: false) } }
        return false
    }
}
