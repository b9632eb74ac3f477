import AssistantModel
import RevoxInterface

/// How pulling one assistant into the drafts folder ended.
public enum PullOutcome: Sendable, Equatable {
    /// No draft had it on this server: a new draft, remembering it.
    case created(slug: String)
    /// Its draft had no local changes and now holds the server's version (`fields` moved).
    case updated(slug: String, fields: [String])
    /// Its draft already matched; only the record's copy was refreshed.
    case unchanged(slug: String)
    /// Its draft was edited since the last pull or push: left as it is (`fields` differ).
    case keptLocalChanges(slug: String, fields: [String])
    case failed(slug: String?, reason: String)
}

/// Pulling assistants from a server into drafts: the draft that already belongs to an assistant
/// there is updated (only when it has no local changes), any other becomes a new draft. Goes
/// through `DraftSession`, so the lock, the save and the record are the ones every front end uses.
public enum DraftPull {
    /// The saved drafts that belong to an assistant on `server`, by assistant id. Drafts whose
    /// record cannot be read are left out (status and push report them).
    public static func index(store: DraftStore, server: DraftServer) -> [String: String] {
        var byID = [String: String]()
        for d in (try? store.list()) ?? [] {
            let metadata: DraftMetadata?
            do throws(DraftError) { metadata = try store.metadata(d.slug) } catch { continue }
            guard let record = metadata?[server.baseURL] else { continue }
            if byID[record.assistantID] == nil { byID[record.assistantID] = d.slug }
        }
        return byID
    }

    public static func pull(_ assistant: Assistant, from server: DraftServer, store: DraftStore, slug existing: String?) -> PullOutcome {
        let (outcome, session) = pullOpen(assistant, from: server, store: store, slug: existing)
        session?.close()
        return outcome
    }

    /// `pull`, leaving the draft open (locked) for a front end to edit; nil when it failed. The
    /// built-in sandbox's record lives only in this session, so the wizard must keep it.
    public static func pullOpen(_ assistant: Assistant, from server: DraftServer, store: DraftStore, slug existing: String?) -> (PullOutcome, DraftSession?) {
        let pulled = JSONValue.object(assistant.requestBody)
        guard let slug = existing else {
            do throws(SessionError) {
                let session = try DraftSession.fetched(assistant, from: server, store: store)
                return (.created(slug: session.slug ?? "?"), session)
            } catch { return (.failed(slug: nil, reason: error.description), nil) }
        }
        let session: DraftSession
        do throws(SessionError) { session = try DraftSession.open(store: store, slug: slug) } catch {
            return (.failed(slug: slug, reason: error.description), nil)
        }
        let outcome = update(session, slug: slug, to: assistant, pulled: pulled, from: server)
        if case .failed = outcome { session.close(); return (outcome, nil) }
        return (outcome, session)
    }

    private static func update(_ session: DraftSession, slug: String, to assistant: Assistant, pulled: JSONValue, from server: DraftServer) -> PullOutcome {
        let record: SubmissionRecord?
        switch session.record(on: server) {
        case .failure(let e): return .failed(slug: slug, reason: e.description)
        case .success(let r): record = r
        }
        let local = ChangeSet(draft: session.body, server: record?.serverCopy)
        if !local.isEmpty { return .keptLocalChanges(slug: slug, fields: local.keys) }
        let moved = DraftStatus.serverChanges(from: record?.serverCopy, to: assistant)
        let same = session.body == pulled
        if !same {
            session.edit(pulled)
            switch session.save() {
            case .saved, .nothingToSave: break
            case .failed(let e): return .failed(slug: slug, reason: e.description)
            case .changedOnDisk(let file, _): return .failed(slug: slug, reason: "\(file) was changed by another program while pulling; nothing was written")
            }
        }
        if let e = session.remember(assistant, on: server, created: false) ?? session.recordGeneration(of: assistant) {
            return .failed(slug: slug, reason: e.description)
        }
        return same && moved.isEmpty ? .unchanged(slug: slug) : .updated(slug: slug, fields: moved)
    }
}

extension PullOutcome {
    /// The draft it ended in, if any.
    public var slug: String? {
        switch self {
        case .created(let s), .updated(let s, _), .unchanged(let s), .keptLocalChanges(let s, _): return s
        case .failed(let s, _): return s
        }
    }
}

extension DraftSession {
    /// After a forced push: the fields the server changed since the last pull or push are taken
    /// from its answer (`assistant`, which the record now holds), so the draft says what the
    /// server has and the next status is in sync, and no later push writes the old values back.
    /// Returns the fields that moved into the draft.
    public func adopt(_ fields: [String], from assistant: Assistant) -> Result<[String], DraftError> {
        guard var mine = body.objectValue else { return .success([]) }
        let theirs = assistant.requestBody
        let moved = fields.filter { key in
            switch (mine[key], theirs[key]) {
            case (nil, nil): return false
            case (let a?, let b?): return !ChangeSet.same(a, b)
            default: return true
            }
        }
        guard !moved.isEmpty else { return .success([]) }
        for key in moved { mine[key] = theirs[key] }
        let api = APIGeneration.resolve(recordedAPI, for: .object(mine))
        edit(CanonicalJSON.ordered(.object(mine), api: api))
        switch save() {
        case .saved, .nothingToSave: return .success(moved)
        case .failed(let e): return .failure(e)
        case .changedOnDisk(let file, _): return .failure(.file(.other(path: file, operation: "write", reason: "changed by another program meanwhile; nothing was written")))
        }
    }
}
