import AssistantModel
import RevoxInterface

/// How a send ended, as every front end reports it.
public enum SendOutcome: Sendable {
    /// Created or updated. `recordFailure` is set when the draft could not remember it: the user
    /// must be told at once, with the id, or the next send would create a second assistant.
    case sent(Assistant, wasCreate: Bool, recordFailure: DraftError?)
    /// Not sent, or (`error.mayHaveBeenCreated`) perhaps created: never re-sent on its own.
    case failed(RevoxError)
    /// The plan sent nothing (invalid, nothing changed, unreadable record).
    case notSent(SendPlan)

    /// The line that says the record could not be stored, naming the id, or nil.
    public var recordWarning: String? {
        guard case .sent(let a, _, let failure?) = self else { return nil }
        return "The assistant \(a.id) was \(isCreate ? "created" : "updated"), but the draft could not remember it (\(failure.description)). Note the id down: sending this draft again would create a second assistant."
    }

    /// The outcome of a call made elsewhere (tests, a fake API), recorded by nobody.
    public init(_ result: Result<Assistant, RevoxError>, wasCreate: Bool) {
        switch result {
        case .success(let a): self = .sent(a, wasCreate: wasCreate, recordFailure: nil)
        case .failure(let e): self = .failed(e)
        }
    }

    var isCreate: Bool { if case .sent(_, let c, _) = self { return c }; return false }
}
