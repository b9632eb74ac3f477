import AssistantModel
import RevoxClient

/// The same flow as plain line prompts (being built).
public struct AccessibleWizard {
    let wizard: Wizard
    let api: any RevoxAPI
    let store: DraftStore
    public init(wizard: Wizard, api: any RevoxAPI, store: DraftStore) { self.wizard = wizard; self.api = api; self.store = store }
    public func run() -> Int32 { print("accessible mode is not built yet"); return 2 }
}
