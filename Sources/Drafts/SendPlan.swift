import AssistantModel

/// What sending the draft to a server does now: decided in one place, for every front end.
public enum SendPlan: Sendable, Equatable {
    /// The draft has never created an assistant on this server.
    case create(JSONValue)
    /// It created (or was fetched from) `id` there: a PATCH of only the changed fields.
    case update(id: String, ChangeSet)
    /// It belongs to `id` there and nothing changed since the server's copy.
    case nothingToSend(id: String)
    /// Errors in the draft: nothing is sent.
    case invalid([ValidationIssue])
    /// The record of what was sent where cannot be read: sending could create a duplicate.
    case recordUnreadable(DraftError)

    /// The decision, from the draft, its issues and what the server's record holds.
    public static func make(body: JSONValue, issues: [ValidationIssue], record: Result<SubmissionRecord?, DraftError>) -> SendPlan {
        if issues.hasErrors { return .invalid(issues.errors) }
        let known: SubmissionRecord?
        switch record {
        case .failure(let e): return .recordUnreadable(e)
        case .success(let r): known = r
        }
        guard let record = known else { return .create(body) }
        let changes = ChangeSet(draft: body, server: record.serverCopy)
        return changes.isEmpty ? .nothingToSend(id: record.assistantID) : .update(id: record.assistantID, changes)
    }

    public var isCreate: Bool { if case .create = self { return true }; return false }
}
