import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// Where the requests go, as the header and the status line say it.
public struct Backend: Sendable, Equatable {
    public var isSandbox: Bool
    public var baseURL: String
    /// The key as it may be shown (`sk_…1a2b`); never the key itself.
    public var maskedKey: String?
    public init(isSandbox: Bool, baseURL: String, maskedKey: String?) {
        self.isSandbox = isSandbox; self.baseURL = baseURL; self.maskedKey = maskedKey
    }

    /// The server as the draft's records know it (the built-in sandbox keeps none on disk).
    public var server: DraftServer {
        isSandbox && baseURL == DraftServer.builtInSandbox.baseURL ? .builtInSandbox : DraftServer(baseURL: baseURL)
    }
}

public enum VoiceListState: Sendable {
    case loading
    case loaded([VoiceOption])
    case failed(String)
}

public enum SendState: Sendable {
    case idle
    case sending(isCreate: Bool, since: Int)
    /// `recordWarning`: the draft could not remember the assistant (shown at once, with the id).
    case succeeded(Assistant, wasCreate: Bool, recordWarning: String?)
    case failed(RevoxError)
}

public enum SaveState: Sendable, Equatable {
    case saved, pending, failed(String)
}

/// The whole wizard at one moment. Only `update` changes it; `render` draws it.
public struct WizardState: Sendable {
    public enum Screen: Sendable {
        case start
        case editing
        /// The draft file is not valid JSON: where, and what (the file is left untouched).
        case brokenDraft(file: String, message: String)
        case result
    }

    public var screen: Screen = .editing
    public var draft: JSONValue = .object(JSONObject()) {
        didSet { if api == nil, !APIGeneration.detectsAlike(oldValue, draft) { detectGeneration() } }
    }
    public var slug: String?
    /// What the draft created on the server in use (`backend`): its id there and that server's copy.
    public var serverRecord: SubmissionRecord?
    /// Why the draft's records could not be read: sending is blocked, never treated as "not sent".
    public var recordProblem: DraftError?
    /// A question about saving (another program changed the file; quitting could not save).
    var saveDialog: SaveDialog?
    /// The API generation asked for (`--api`), recorded with the draft, or detected from its keys
    /// when it was opened; nil: nothing told (a new draft), so detected as it is edited.
    public var api: APIGeneration? { didSet { if api == nil, oldValue != nil { detectGeneration() } } }
    /// What the draft's keys tell while `api` is nil, kept as the draft changes: a frame reads
    /// `generation` many times, and each detection walks the whole draft (1,000 FAQ items...).
    private(set) var detected: APIGeneration?
    /// The generation `--api` asked for: every draft opened in this run speaks it (and records it).
    public var requestedAPI: APIGeneration?
    /// The question before switching the generation (Basics step): what changes, keep or drop.
    var apiSwitch: APISwitchDialog?
    /// The generation the draft is edited and checked as.
    public var generation: APIGeneration { api ?? detected ?? .default }

    private mutating func detectGeneration() {
        WorkCounter.draftWalks?.count += 1
        detected = APIGeneration.detect(draft)
    }
    /// Lets the step's form edit the draft. Through a local: the draft's observer (the generation
    /// it speaks) needs the whole state, so the form and the draft cannot be lent out together.
    mutating func formEditsDraft<R>(_ edit: (inout Form, inout JSONValue) -> R) -> R {
        var body = draft
        defer { draft = body }
        return edit(&form, &body)
    }

    /// The steps that generation walks.
    public var steps: StepList { Step.steps(for: generation) }
    public var issues: [ValidationIssue] = []
    /// Field messages from the server's last 422, shown until the field is edited.
    public var serverIssues: [ValidationIssue] = []
    public var step: Step = .basics
    public var visited: Set<Step> = [.basics]
    var form = Form()
    /// The record forms open over the step.
    var records = RecordStack()
    /// The record form being typed in (the innermost, when records nest).
    var record: RecordEditor? { records.innermost }
    /// The record forms around it, outermost first (a tool's form under its header's).
    var parentRecords: [RecordEditor] { records.outer }
    var review = ReviewPage()
    var start = StartScreen()
    var diff: PatchDiff?
    /// Fields whose messages show: validation speaks once the user has left a field.
    public var shownPaths: Set<JSONPath> = []
    public var showAllMessages = false
    public var voices: VoiceListState = .loading
    public var send: SendState = .idle
    public var backend: Backend
    public var rows = 24
    public var cols = 80
    public var sidebarShown = false
    public var helpShown = false
    public var status: String?
    public var save: SaveState = .saved
    public var ticks = 0
    var result = ResultScreen()

    public init(backend: Backend) { self.backend = backend }

    public var isWide: Bool { cols >= 100 }

    /// Something is in progress that a spinner shows (a send; the voice list on the voice step), so
    /// the runtime keeps the clock ticking; otherwise the program sleeps.
    public var isBusy: Bool {
        if case .sending = send { return true }
        if case .loading = voices, step == .voice, case .editing = screen { return true }
        return false
    }
    public var hasErrors: Bool { issues.hasErrors }
    public var editingExisting: Bool { serverRecord != nil }
}

extension WorkCounter {
    /// Detections of the draft's generation: each walks the whole draft.
    @TaskLocal static var draftWalks: WorkCounter?
    /// Forms built for a step from the schema and the draft.
    @TaskLocal static var formBuilds: WorkCounter?
}
