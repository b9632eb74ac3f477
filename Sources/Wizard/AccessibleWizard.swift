#if canImport(Glibc)
import Glibc
#endif
import AssistantModel
import RevoxClient

/// The wizard as plain line prompts (`--accessible`, `ACCESSIBLE=1`, `TERM=dumb`): the same steps,
/// fields, choices and rules as the full-screen form, asked one at a time on stdin and stdout, for
/// screen readers, dumb terminals and scripts.
public struct AccessibleWizard {
    let wizard: Wizard
    let api: any RevoxAPI
    let store: DraftStore
    public init(wizard: Wizard, api: any RevoxAPI, store: DraftStore) { self.wizard = wizard; self.api = api; self.store = store }

    /// Runs until the assistant is sent, the user quits or the input ends; returns the exit status
    /// (0: sent or saved, 1: the last send failed, 2: the draft file could not be read).
    public func run() -> Int32 {
        let status = run(io: StandardLineIO())
        // Ends the process here: the launcher drops the API without shutting its HTTP client down,
        // which AsyncHTTPClient traps on in debug builds. Output is unbuffered, so nothing is lost.
        // (Goes away once the launcher shuts the API down; see the a11y branch notes.)
        exit(status)
    }

    func run(io: any LineIO) -> Int32 {
        AccessibleSession(wizard: wizard, api: api, store: store, io: io).run()
    }
}
