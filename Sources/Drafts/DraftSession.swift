import AssistantModel
import RevoxInterface

/// One draft while a program has it open: its body, its file and lock, its saves, and what it
/// created on which server. The full-screen wizard, the accessible mode and every command go
/// through this, so a draft is opened, locked, saved and sent one way only. No presentation here:
/// it returns outcomes, and each front end words them.
///
/// Thread-safe: the wizard saves from its save queue while its loop thread reads; each method
/// holds the session's lock for the state it touches, never across a network call.
public final class DraftSession: @unchecked Sendable {
    public let store: DraftStore
    private let mutex = Mutex()
    private var _slug: String?
    private var _body: JSONValue
    /// What the body was when last read from or written to disk.
    private var savedBody: JSONValue?
    private var _metadata: Result<DraftMetadata, DraftError>
    /// Records for servers that keep none on disk (the built-in sandbox), for this session only.
    private var ephemeral: [String: SubmissionRecord] = [:]
    private var lock: DraftLock?
    /// The file as this session last saw it, to notice another program's change before a save.
    private var stamp: FileStamp?

    init(store: DraftStore, slug: String?, body: JSONValue, metadata: Result<DraftMetadata, DraftError>, lock: DraftLock?) {
        self.store = store
        _slug = slug
        _body = body
        savedBody = slug == nil ? nil : body
        _metadata = metadata
        self.lock = lock
        stamp = slug.flatMap { FileStamp.of(store.file(for: $0)) }
    }

    deinit { lock?.release() }

    // MARK: opening

    /// A new draft: it gets its file (claimed exclusively) and its lock on its first save.
    public static func new(store: DraftStore, body: JSONValue = .object(JSONObject())) -> DraftSession {
        DraftSession(store: store, slug: nil, body: body, metadata: .success(DraftMetadata()), lock: nil)
    }

    /// Opens a saved draft: takes its lock (refused while another live program holds it), then
    /// reads its body and its records. A damaged record does not stop the opening, only sending.
    public static func open(store: DraftStore, slug: String) throws(SessionError) -> DraftSession {
        let lock: DraftLock?
        do { lock = try DraftLock.acquire(draftFile: store.file(for: slug)) } catch { throw .locked(error) }
        let body: JSONValue
        do { body = try store.load(slug) } catch {
            lock?.release()
            throw .unreadable(error)
        }
        let metadata: Result<DraftMetadata, DraftError>
        do throws(DraftError) { metadata = .success(try store.metadata(slug) ?? DraftMetadata()) } catch { metadata = .failure(error) }
        FileIO.removeStaleTemporaryFiles(in: store.directory)
        return DraftSession(store: store, slug: slug, body: body, metadata: metadata, lock: lock)
    }

    /// Opens a draft file anywhere: its records live beside it, in its own folder.
    public static func open(file path: String, apiKey: String? = nil) throws(SessionError) -> DraftSession {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if name.hasSuffix(".json") { name.removeLast(5) }
        return try open(store: DraftStore(directory: dir, apiKey: apiKey), slug: name)
    }

    /// An existing assistant fetched for editing, saved as a new draft that remembers it on `server`.
    public static func fetched(_ assistant: Assistant, from server: DraftServer, store: DraftStore) throws(SessionError) -> DraftSession {
        let session = DraftSession.new(store: store, body: .object(assistant.requestBody))
        if case .failed(let e) = session.save() { throw .unreadable(e) }
        if let failure = session.remember(assistant, on: server, created: false) { throw .unreadable(failure) }
        if let failure = session.recordGeneration(of: assistant) { throw .unreadable(failure) }
        return session
    }

    public func close() {
        mutex.locked { lock?.release(); lock = nil }
    }

    // MARK: the draft

    public var slug: String? { mutex.locked { _slug } }
    public var body: JSONValue { mutex.locked { _body } }
    public var file: String? { slug.map(store.file(for:)) }
    /// The generation the draft was chosen to speak, if one was (recorded in its sidecar).
    public var recordedAPI: APIGeneration? { mutex.locked { try? _metadata.get().api } ?? nil }
    /// Its issues, by the rules of the generation it speaks (recorded, else detected from its keys).
    public var issues: [ValidationIssue] { Validator.validate(body, api: APIGeneration.resolve(recordedAPI, for: body)) }

    /// Records the generation the draft speaks (`--api`, or the wizard's switch): in its sidecar
    /// now when the draft has a file, else with its first save. Returns why it could not be written.
    @discardableResult
    public func choose(api: APIGeneration) -> DraftError? {
        mutex.locked {
            var metadata: DraftMetadata
            switch _metadata {
            case .success(let m): metadata = m
            // Never replace a record file we could not read: it may hold servers' ids.
            case .failure(let e): return e
            }
            metadata.api = api
            _metadata = .success(metadata)
            guard let slug = _slug else { return nil }
            do throws(DraftError) { try store.writeMetadata(metadata, slug: slug) } catch { return error }
            return nil
        }
    }

    /// The front end's edits: the body as it is now. Written by the next `save`.
    public func edit(_ body: JSONValue) { mutex.locked { _body = body } }

    public var hasUnsavedChanges: Bool { mutex.locked { savedBody != _body } }

    // MARK: saving

    /// Writes the body if it changed: a new draft's file is claimed exclusively and locked; an
    /// open one is first checked for another program's change, which is never written over.
    @discardableResult
    public func save() -> SaveOutcome {
        mutex.locked { saveLocked(force: false) }
    }

    /// After `.changedOnDisk`: the user chose their version; it replaces the file.
    @discardableResult
    public func overwrite() -> SaveOutcome { mutex.locked { saveLocked(force: true) } }

    /// After `.changedOnDisk`: the user chose the file's version; it replaces the edits.
    public func reload() -> SaveOutcome {
        mutex.locked {
            guard let slug = _slug else { return .nothingToSave }
            do throws(DraftError) {
                _body = try store.load(slug)
                savedBody = _body
                stamp = FileStamp.of(store.file(for: slug))
                return .saved(slug: slug)
            } catch { return .failed(error) }
        }
    }

    /// Saves the edits as a new draft beside the old one (the file another program changed is
    /// left as it is); the session goes on with the copy.
    public func saveAsCopy() -> SaveOutcome {
        mutex.locked {
            do throws(DraftError) {
                let copy = try store.create(_body)
                lock?.release()
                lock = try? DraftLock.acquire(draftFile: store.file(for: copy))
                _slug = copy
                savedBody = _body
                stamp = FileStamp.of(store.file(for: copy))
                return .saved(slug: copy)
            } catch { return .failed(error) }
        }
    }

    /// When the store cannot be written (a full disk, a read-only folder): the body to a file the
    /// user names, outside the store. The session keeps its own file as the one it saves to.
    public func saveElsewhere(_ path: String) throws(DraftError) {
        let bytes = try store.encode(body, file: path)
        do throws(FileError) { try FileIO.writeAtomically(bytes, to: path) } catch { throw .file(error) }
    }

    private func saveLocked(force: Bool) -> SaveOutcome {
        if let saved = savedBody, saved == _body, !force, let slug = _slug { return .saved(slug: slug) }
        do throws(DraftError) {
            guard let slug = _slug else {
                // Nothing typed yet: no file for an empty draft.
                if _body == .object(JSONObject()) { return .nothingToSave }
                let slug = try store.create(_body)
                _slug = slug
                // A generation chosen before the first save is written with it.
                if case .success(let m) = _metadata, m.api != nil { try? store.writeMetadata(m, slug: slug) }
                lock = try? DraftLock.acquire(draftFile: store.file(for: slug))
                savedBody = _body
                stamp = FileStamp.of(store.file(for: slug))
                return .saved(slug: slug)
            }
            let path = store.file(for: slug)
            if !force, let onDisk = FileStamp.of(path), onDisk != stamp {
                // Touched, perhaps by another program: only a different body is a conflict.
                let theirs = try? store.load(slug)
                if theirs != savedBody { return .changedOnDisk(file: path, theirs: theirs) }
            }
            try store.save(_body, slug: slug)
            savedBody = _body
            stamp = FileStamp.of(path)
            return .saved(slug: slug)
        } catch { return .failed(error) }
    }

    // MARK: records and sending

    /// What the draft created on `server`, or why that cannot be known.
    public func record(on server: DraftServer) -> Result<SubmissionRecord?, DraftError> {
        mutex.locked {
            if !server.keepsRecords { return .success(ephemeral[server.baseURL]) }
            return _metadata.map { $0[server.baseURL] }
        }
    }

    /// Every server this draft was sent to, by base URL (the built-in sandbox's only while it runs).
    public var records: Result<[String: SubmissionRecord], DraftError> {
        mutex.locked { _metadata.map { $0.servers.merging(ephemeral) { a, _ in a } } }
    }

    /// Create, PATCH or nothing, for this draft on `server`.
    public func plan(for server: DraftServer) -> SendPlan {
        SendPlan.make(body: body, issues: issues, record: record(on: server))
    }

    /// Sends what `plan` says (the caller has shown it and the user agreed), then remembers the
    /// result for `server` as part of the send. The draft is saved first, so what was sent is on
    /// disk. A failure to remember is in the outcome, with the id, never swallowed.
    public func send(_ plan: SendPlan, to server: DraftServer, via api: any RevoxAPI) async -> SendOutcome {
        save()
        let result: Result<Assistant, RevoxError>
        let isCreate: Bool
        switch plan {
        case .create(let body):
            isCreate = true
            do throws(RevoxError) { result = .success(try await api.createAssistant(body)) } catch { result = .failure(error) }
        case .update(let id, let changes):
            isCreate = false
            do throws(RevoxError) { result = .success(try await api.updateAssistant(id: id, changes: changes.body)) } catch { result = .failure(error) }
        case .nothingToSend, .invalid, .recordUnreadable:
            return .notSent(plan)
        }
        switch result {
        case .failure(let e): return .failed(e)
        case .success(let a): return .sent(a, wasCreate: isCreate, recordFailure: remember(a, on: server, created: isCreate))
        }
    }

    /// Remembers `assistant` as this draft's on `server` (after a create, a PATCH, a fetch);
    /// returns why it could not be stored, if it could not.
    @discardableResult
    public func remember(_ assistant: Assistant, on server: DraftServer, created: Bool, at seconds: Int = FileIO.now()) -> DraftError? {
        mutex.locked {
            let now = FileIO.iso8601(seconds)
            let previous: SubmissionRecord? = server.keepsRecords ? (try? _metadata.get())?[server.baseURL] : ephemeral[server.baseURL]
            var record = previous?.assistantID == assistant.id ? previous! : SubmissionRecord(assistantID: assistant.id)
            if created { record.submittedAt = now }
            record.serverCopy = .object(assistant.json)
            record.serverCopyAt = now
            guard server.keepsRecords else {
                ephemeral[server.baseURL] = record
                return nil
            }
            var metadata: DraftMetadata
            switch _metadata {
            case .success(let m): metadata = m
            // Never replace a record file we could not read: it may hold other servers' ids.
            case .failure(let e): return e
            }
            metadata[server.baseURL] = record
            _metadata = .success(metadata)
            guard let slug = _slug else { return .invalidName("(a draft that was never saved)") }
            do throws(DraftError) { try store.writeMetadata(metadata, slug: slug) } catch { return error }
            return nil
        }
    }
}

extension DraftSession {
    /// Records the generation `assistant` speaks (when its keys tell) as the draft's, so a draft
    /// taken from a latest server is checked, and its fields kept, as latest. Returns why the
    /// sidecar could not be written, if it could not.
    @discardableResult
    public func recordGeneration(of assistant: Assistant) -> DraftError? {
        guard let api = APIGeneration.detect(.object(assistant.json)) else { return nil }
        return mutex.locked {
            var metadata: DraftMetadata
            switch _metadata {
            case .success(let m): metadata = m
            case .failure(let e): return e
            }
            guard metadata.api != api else { return nil }
            metadata.api = api
            _metadata = .success(metadata)
            guard let slug = _slug else { return .invalidName("(a draft that was never saved)") }
            do throws(DraftError) { try store.writeMetadata(metadata, slug: slug) } catch { return error }
            return nil
        }
    }
}

/// How a save ended.
public enum SaveOutcome: Sendable, Equatable {
    case saved(slug: String)
    /// A new draft with nothing in it yet: no file is made for it.
    case nothingToSave
    case failed(DraftError)
    /// Another program changed the file since this session read or wrote it; nothing was written.
    /// `theirs` is the file's body now (nil when it no longer parses).
    case changedOnDisk(file: String, theirs: JSONValue?)
}

/// Why a draft could not be opened.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    case locked(DraftLock.Failure)
    case unreadable(DraftError)

    public var description: String {
        switch self {
        case .locked(let f): return f.description
        case .unreadable(let e): return e.description
        }
    }
}
