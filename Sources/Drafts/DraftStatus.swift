import AssistantModel
import RevoxInterface

/// Where a draft stands against one server: the draft, the server's copy its record kept at the
/// last pull or push, and the server's copy now. Computed here once; `status`, `push` and the
/// wizard word it themselves.
public enum DraftStatus: Sendable, Equatable {
    /// No record for this server: a push creates it.
    case neverSent
    case inSync(id: String)
    /// The draft differs from the server's copy at the last pull or push; the server did not move.
    case changedHere(id: String, fields: [String])
    /// The server's assistant changed since the last pull or push; the draft did not.
    case changedOnServer(id: String, fields: [String])
    /// Both changed: a push would write over what someone else did on the server.
    case conflict(id: String, here: [String], onServer: [String])
    /// The record names an assistant the server no longer has.
    case gone(id: String)
    /// The sidecar cannot be read: nothing can be said, and nothing is sent.
    case recordUnreadable(DraftError)

    /// What the server holds now for the record's assistant: nil when it answered 404.
    public typealias Current = Assistant?

    /// `current` is the freshly fetched assistant (nil: not found); it is only looked at when the
    /// record exists, so callers fetch only for drafts that have one.
    public static func make(body: JSONValue, record: Result<SubmissionRecord?, DraftError>, current: Current) -> DraftStatus {
        let known: SubmissionRecord?
        switch record {
        case .failure(let e): return .recordUnreadable(e)
        case .success(let r): known = r
        }
        guard let record = known else { return .neverSent }
        let id = record.assistantID
        guard let current else { return .gone(id: id) }
        let here = ChangeSet(draft: body, server: record.serverCopy).keys
        let there = serverChanges(from: record.serverCopy, to: current)
        switch (here.isEmpty, there.isEmpty) {
        case (true, true): return .inSync(id: id)
        case (false, true): return .changedHere(id: id, fields: here)
        case (true, false): return .changedOnServer(id: id, fields: there)
        case (false, false): return .conflict(id: id, here: here, onServer: there)
        }
    }

    /// The request fields whose value on the server differs from the copy kept in the record, in
    /// canonical order. Both sides are the server's own output, so they are compared as request
    /// bodies (server-added keys such as `updated_at` or FAQ ids are not changes).
    public static func serverChanges(from copy: JSONValue?, to current: Assistant) -> [String] {
        let old = copy?.objectValue.flatMap { o -> JSONObject? in
            var withID = o
            if withID["id"] == nil { withID["id"] = .string(current.id) }
            return Assistant(json: withID)?.requestBody
        } ?? JSONObject()
        let new = current.requestBody
        // Every generation's keys: a latest-only field moved on a latest server is drift too.
        return CanonicalJSON.allRequestKeys.filter { key in
            switch (old[key], new[key]) {
            case (nil, nil): return false
            case (let a?, let b?): return !(ChangeSet.same(a, b) && ChangeSet.same(b, a))
            default: return true
            }
        }
    }

    /// The assistant's id, when the draft has one on this server.
    public var assistantID: String? {
        switch self {
        case .neverSent, .recordUnreadable: return nil
        case .inSync(let id), .changedHere(let id, _), .changedOnServer(let id, _), .conflict(let id, _, _), .gone(let id): return id
        }
    }

    public var isInSync: Bool { if case .inSync = self { return true }; return false }

    /// A short machine name, for `--json` output.
    public var kind: String {
        switch self {
        case .neverSent: return "never_sent"
        case .inSync: return "in_sync"
        case .changedHere: return "changed_here"
        case .changedOnServer: return "changed_on_server"
        case .conflict: return "conflict"
        case .gone: return "gone"
        case .recordUnreadable: return "record_unreadable"
        }
    }
}

extension DraftStatus {
    /// The status against the server behind `api`: the record's assistant is fetched (only when
    /// there is a record); a 404 means it is gone, any other failure is returned as it is.
    public static func check(body: JSONValue, record: Result<SubmissionRecord?, DraftError>, via api: any RevoxAPI) async -> Result<DraftStatus, RevoxError> {
        guard case .success(let known?) = record else { return .success(make(body: body, record: record, current: nil)) }
        do throws(RevoxError) {
            let current = try await api.assistant(id: known.assistantID)
            return .success(make(body: body, record: record, current: current))
        } catch {
            if error.kind == .notFound { return .success(.gone(id: known.assistantID)) }
            return .failure(error)
        }
    }
}

extension DraftSession {
    /// This draft's status against `server`, fetching its assistant through `api`.
    public func status(on server: DraftServer, via api: any RevoxAPI) async -> Result<DraftStatus, RevoxError> {
        await DraftStatus.check(body: body, record: record(on: server), via: api)
    }
}

extension DraftStatus {
    /// The status in a few words (no id, no server name), as the drafts lists show it.
    public var shortText: String {
        func list(_ f: [String]) -> String { f.joined(separator: ", ") }
        switch self {
        case .neverSent: return "never sent here"
        case .inSync: return "in sync"
        case .changedHere(_, let f): return "changed here: \(list(f))"
        case .changedOnServer(_, let f): return "changed on the server: \(list(f))"
        case .conflict(_, let h, let t): return "conflict: \(list(h)) here, \(list(t)) on the server"
        case .gone: return "gone from the server"
        case .recordUnreadable: return "record unreadable"
        }
    }
}
