import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// Everything that can happen to the wizard: a key, a paste, a resize, a timer, a finished effect.
public enum WizardMessage: Sendable {
    case input(InputEvent)
    case resize(rows: Int, cols: Int)
    /// The spinner's and the status line's clock.
    case tick
    case voicesLoaded(Result<[VoiceOption], RevoxError>)
    /// A send ended; `record` is what the draft now remembers of the server it went to.
    case sendFinished(SendOutcome, record: SubmissionRecord?)
    /// A save finished: the draft's slug (a new draft gets one on its first save), why it failed,
    /// or that another program changed the file (nothing was written).
    case saved(SaveOutcome)
    /// Quitting could not save the draft: the user chooses (retry, save elsewhere, quit and lose).
    case quitBlocked(DraftError, rescuePath: String)
    /// The file's version replaced the edits (the user chose it after a change on disk).
    case draftReloaded(JSONValue)
    case draftsListed(Result<[DraftSummary], DraftError>)
    /// An existing assistant fetched for editing, as a draft saved under this slug.
    case assistantFetched(Result<(draft: OpenedDraft, assistant: Assistant), RevoxError>)
    case draftOpened(Result<OpenedDraft, SessionError>)
    /// Statuses of listed drafts against the server in use, by slug: the files' facts first, then
    /// each server answer as it comes.
    case draftStatuses([String: ListedStatus])
    /// The server's assistants, for the start screen's pull list.
    case assistantsListed(Result<[Assistant], RevoxError>)
    /// One assistant pulled (by id or from the list): how, and its draft opened (nil: it failed).
    case pulled(PullOutcome, OpenedDraft?)
    /// Several pulled at once (the list's "all"): how each went.
    case pulledAll([PullOutcome])
    /// `$EDITOR` returned: the new text for the field at `path`, or why it could not be read back.
    case editorFinished(path: String, Result<String, EditorFailure>)
}

public struct EditorFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A draft as the session opened it, for the wizard to show.
public struct OpenedDraft: Sendable {
    public var slug: String?
    public var body: JSONValue
    /// What the draft created on the server in use.
    public var record: SubmissionRecord?
    /// Why the draft's records could not be read (sending is blocked until fixed).
    public var recordProblem: DraftError?
    /// The API generation recorded with the draft, if one was chosen.
    public var api: APIGeneration?
    public init(slug: String?, body: JSONValue, record: SubmissionRecord? = nil, recordProblem: DraftError? = nil, api: APIGeneration? = nil) {
        self.slug = slug; self.body = body; self.record = record; self.recordProblem = recordProblem; self.api = api
    }
}

/// What the user chose after another program changed the draft's file.
public enum ConflictChoice: Sendable, Equatable {
    /// Take the file's version, dropping the edits.
    case reload
    /// Write the edits over the file.
    case keepMine
    /// Save the edits as a new draft; the file stays as the other program left it.
    case saveCopy
}

/// Work the wizard asks for; the runtime does it and reports back with a message.
public enum WizardEffect: Sendable, Equatable {
    /// Save the draft (the runtime debounces, writes atomically and never blocks typing).
    case save(JSONValue, slug: String?)
    /// Write everything still pending, then quit; when that fails, `.quitBlocked` comes back.
    case quit
    /// Quit without saving (the user chose to lose the changes after a failed save).
    case quitDiscarding
    /// Save the draft to this file instead of its own (the store cannot be written).
    case saveElsewhere(path: String)
    case resolveConflict(ConflictChoice)
    /// The start screen began a new draft: it gets a new session (its file on its first save).
    case newDraft
    case loadVoices
    /// Send as the session planned it (a create, or a PATCH of the changed fields).
    case send(SendPlan)
    /// Stop waiting for a send (the runtime says whether the request may still have landed).
    case cancelSend
    case listDrafts
    case openDraft(slug: String)
    /// Fetch one assistant and pull it into a draft (its own draft when one has it), then open it.
    case fetchAssistant(id: String)
    case listAssistants
    /// Pull these assistants into drafts, as `pull` does; then open the one (`open`), or list the drafts.
    case pull([Assistant], open: Bool)
    case openEditor(path: String, text: String)
    /// Record the generation the draft speaks with the draft (`--api`, or the Basics step's switch).
    case chooseAPI(APIGeneration)
}
