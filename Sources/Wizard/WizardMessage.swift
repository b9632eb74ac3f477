import AssistantModel
import RevoxClient
import TerminalUI

/// Everything that can happen to the wizard: a key, a paste, a resize, a timer, a finished effect.
public enum WizardMessage: Sendable {
    case input(InputEvent)
    case resize(rows: Int, cols: Int)
    /// The spinner's and the status line's clock.
    case tick
    case voicesLoaded(Result<[VoiceOption], RevoxError>)
    case sendFinished(Result<Assistant, RevoxError>)
    /// A save finished: the draft's slug (a new draft gets one on its first save), or why it failed.
    case saved(Result<String, DraftError>)
    case draftsListed(Result<[DraftSummary], DraftError>)
    /// An existing assistant fetched for editing, as a draft saved under this slug.
    case assistantFetched(Result<(slug: String, assistant: Assistant), RevoxError>)
    case draftOpened(Result<(slug: String, body: JSONValue, metadata: DraftMetadata?), DraftError>)
    /// `$EDITOR` returned: the new text for the field at `path`, or why it could not be read back.
    case editorFinished(path: String, Result<String, EditorFailure>)
}

public struct EditorFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Work the wizard asks for; the runtime does it and reports back with a message.
public enum WizardEffect: Sendable, Equatable {
    /// Save the draft (the runtime debounces, writes atomically and never blocks typing).
    case save(JSONValue, slug: String?)
    /// Write everything still pending, then quit.
    case quit
    case loadVoices
    case create(JSONValue, slug: String?)
    case update(id: String, changes: JSONValue, slug: String?)
    /// Stop waiting for a send (the runtime says whether the request may still have landed).
    case cancelSend
    case listDrafts
    case openDraft(slug: String)
    case fetchAssistant(id: String)
    case openEditor(path: String, text: String)
}
