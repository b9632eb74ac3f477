import AssistantModel
import RevoxInterface

/// A draft's status as a list shows it: what its files tell at once (never sent here, a record
/// that cannot be read, the fields changed here), then the server's answer when it comes. The
/// list is drawn before any request is made.
public enum ListedStatus: Sendable, Equatable {
    case known(DraftStatus)
    /// Only the server can tell the rest; `changedHere` is already known from the files.
    case checking(changedHere: [String])
    /// The server could not be asked (`reason`).
    case unchecked(changedHere: [String], reason: String)

    /// From the files alone: a draft without a record here, or whose record is unreadable, is
    /// known; one with a record waits for the server.
    public static func local(body: JSONValue, record: Result<SubmissionRecord?, DraftError>) -> ListedStatus {
        switch record {
        case .failure(let e): return .known(.recordUnreadable(e))
        case .success(nil): return .known(.neverSent)
        case .success(let r?): return .checking(changedHere: ChangeSet(draft: body, server: r.serverCopy).keys)
        }
    }

    public var needsServer: Bool { if case .checking = self { return true }; return false }

    /// In the words `status` uses, with the fields: for a line about one draft.
    public var text: String {
        switch self {
        case .known(let s): return s.shortText
        case .checking(let here): return here.isEmpty ? "checking…" : "changed here: \(here.joined(separator: ", ")); checking…"
        case .unchecked(let here, let why):
            return (here.isEmpty ? "" : "changed here: \(here.joined(separator: ", ")); ") + "not checked: \(why)"
        }
    }

    /// The same in at most 24 columns, without the fields: for a column of the drafts list.
    public var label: String {
        switch self {
        case .known(let s):
            switch s {
            case .neverSent: return "never sent here"
            case .inSync: return "in sync"
            case .changedHere: return "changed here"
            case .changedOnServer: return "changed on the server"
            case .conflict: return "conflict"
            case .gone: return "gone from the server"
            case .recordUnreadable: return "record unreadable"
            }
        case .checking(let here): return here.isEmpty ? "checking…" : "changed here; checking…"
        case .unchecked(let here, _): return here.isEmpty ? "not checked" : "changed here; unchecked"
        }
    }
}

/// A listed draft's files, read once: its body and its record for the server in use. The local
/// status comes from these at once; the server's answer needs one GET a draft that has a record.
public struct ListedDraft: Sendable {
    public var slug: String
    public var body: JSONValue
    public var record: Result<SubmissionRecord?, DraftError>

    public var local: ListedStatus { .local(body: body, record: record) }

    /// The drafts that can be read (the others the list already calls unreadable). The built-in
    /// sandbox keeps no records on disk: its drafts were never sent there.
    public static func read(_ slugs: [String], store: DraftStore, server: DraftServer) -> [ListedDraft] {
        slugs.compactMap { slug in
            guard let body = try? store.load(slug) else { return nil }
            let record: Result<SubmissionRecord?, DraftError>
            if !server.keepsRecords { record = .success(nil) } else {
                do throws(DraftError) { record = .success(try store.metadata(slug)?[server.baseURL]) } catch { record = .failure(error) }
            }
            return ListedDraft(slug: slug, body: body, record: record)
        }
    }

    /// Asks the server about each draft that needs it, one request at a time, handing each
    /// answer to `report` as it comes; returns them all. When the server cannot be reached, the rest are marked
    /// unchecked with the same reason instead of each waiting for its own timeout (or
    /// being refused the same way).
    @discardableResult
    public static func check(_ drafts: [ListedDraft], via api: any RevoxAPI, report: @Sendable (String, ListedStatus) -> Void = { _, _ in }) async -> [String: ListedStatus] {
        var found = [String: ListedStatus]()
        var unreachable: String?
        for d in drafts {
            guard case .checking(let here) = d.local else { continue }
            if Task.isCancelled { break }
            let status: ListedStatus
            if let unreachable {
                status = .unchecked(changedHere: here, reason: unreachable)
            } else {
                switch await DraftStatus.check(body: d.body, record: d.record, via: api) {
                case .success(let s): status = .known(s)
                case .failure(let e):
                    if [.noConnection, .timeout, .unauthorized, .forbidden, .cancelled].contains(e.kind) { unreachable = e.message }
                    status = .unchecked(changedHere: here, reason: e.message)
                }
            }
            found[d.slug] = status
            report(d.slug, status)
        }
        return found
    }
}
