import AssistantModel
import Drafts
import RevoxInterface

/// The wizard as plain line prompts (`--accessible`, `ACCESSIBLE=1`, `TERM=dumb`): the same steps,
/// fields, choices and rules as the full-screen form, asked one at a time on stdin and stdout, for
/// screen readers, dumb terminals and scripts.
public struct AccessibleWizard {
    let wizard: Wizard
    let api: any RevoxAPI
    let store: DraftStore
    /// The draft's session (nil: the start menu chooses one).
    let session: DraftSession?
    public init(wizard: Wizard, api: any RevoxAPI, store: DraftStore, session: DraftSession?) {
        self.wizard = wizard; self.api = api; self.store = store; self.session = session
    }

    /// The exit status of a session that ends (quit or end of input) with the draft saved but not
    /// complete: errors remain that block sending.
    public static let incomplete: Int32 = 3
    /// The draft could not be saved (a full disk, a folder that cannot be written).
    public static let notSaved: Int32 = 6

    /// Runs until the assistant is sent, the user quits or the input ends; returns the exit status
    /// (0: sent, or saved and complete; 1: the last send failed; 2: the draft file could not be
    /// read; 3: saved but not complete, see `incomplete`; 5: sent, but the draft could not remember
    /// the assistant; 6: the draft could not be saved).
    public func run() -> Int32 {
        run(io: StandardLineIO())
    }

    func run(io: any LineIO) -> Int32 {
        AccessibleSession(wizard: wizard, api: api, store: store, session: session ?? DraftSession.new(store: store, body: wizard.state.draft), io: io).run()
    }
}
