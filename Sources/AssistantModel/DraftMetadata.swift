/// What one server knows of a draft: the assistant it created there and that server's copy.
public struct SubmissionRecord: Sendable, Hashable {
    /// The id of the assistant this draft created (or was fetched from) on that server.
    public var assistantID: String
    /// When it was created there (ISO-8601, UTC); nil for an assistant fetched for editing.
    public var submittedAt: String?
    /// The server's copy as last created, fetched or PATCHed: the base a PATCH diff compares against.
    public var serverCopy: JSONValue?
    /// When `serverCopy` was taken (ISO-8601, UTC).
    public var serverCopyAt: String?

    public init(assistantID: String, submittedAt: String? = nil, serverCopy: JSONValue? = nil, serverCopyAt: String? = nil) {
        self.assistantID = assistantID; self.submittedAt = submittedAt
        self.serverCopy = serverCopy; self.serverCopyAt = serverCopyAt
    }

    init?(json: JSONValue) {
        guard let o = json.objectValue, let id = o["assistant_id"]?.stringValue else { return nil }
        assistantID = id
        submittedAt = o["submitted_at"]?.stringValue
        serverCopy = o["server_copy"].flatMap { $0.isNull ? nil : $0 }
        serverCopyAt = o["server_copy_at"]?.stringValue
    }

    var json: JSONValue {
        var o = JSONObject([("assistant_id", .string(assistantID))])
        if let submittedAt { o["submitted_at"] = .string(submittedAt) }
        if let serverCopyAt { o["server_copy_at"] = .string(serverCopyAt) }
        if let serverCopy { o["server_copy"] = serverCopy }
        return .object(o)
    }
}

/// What the program knows about a draft beyond its body, kept beside it in a hidden sidecar file
/// (`.<slug>.meta.json`) and never inside the body, so the body stays exactly the request.
///
/// Records are kept per server (by base URL): a draft tried on one server and sent to another is
/// a create on each, and going back to the first PATCHes what it created there.
public struct DraftMetadata: Sendable, Hashable {
    /// By base URL.
    public var servers: [String: SubmissionRecord]
    /// The API generation the draft was chosen to speak (nil: never chosen, so detected from its keys).
    public var api: APIGeneration?
    /// Keys written by a newer version, kept.
    public var unknown: JSONObject

    /// Versions before records were kept per server wrote one record with no base URL, and only
    /// the wizard did, whose default with a key is the Revox API: such a record is taken as the
    /// Revox API's, so it can never be re-created there.
    public static let legacyServer = "https://www.getrevox.com/api"

    public init(servers: [String: SubmissionRecord] = [:], api: APIGeneration? = nil, unknown: JSONObject = JSONObject()) {
        self.servers = servers; self.api = api; self.unknown = unknown
    }

    public subscript(server: String) -> SubmissionRecord? {
        get { servers[server] }
        set { servers[server] = newValue }
    }

    public var isSubmitted: Bool { !servers.isEmpty }

    public init(json: JSONValue) {
        let o = json.objectValue ?? JSONObject()
        var servers = [String: SubmissionRecord]()
        for (url, value) in o["servers"]?.objectValue ?? JSONObject() {
            if let r = SubmissionRecord(json: value) { servers[url] = r }
        }
        if let legacy = SubmissionRecord(json: json) {
            let url = o["base_url"]?.stringValue ?? DraftMetadata.legacyServer
            if servers[url] == nil { servers[url] = legacy }
        }
        self.servers = servers
        api = o["api"]?.stringValue.flatMap(APIGeneration.init(rawValue:))
        var rest = o
        for k in Self.keys { rest[k] = nil }
        // A generation this version does not know is kept as it was written.
        if api == nil, let written = o["api"] { rest["api"] = written }
        unknown = rest
    }

    public var json: JSONValue {
        var records = JSONObject()
        for url in servers.keys.sorted() { records[url] = servers[url]!.json }
        var o = JSONObject(servers.isEmpty ? [] : [("servers", .object(records))])
        if let api { o["api"] = .string(api.rawValue) }
        for (k, v) in unknown where !o.contains(k) { o[k] = v }
        return .object(o)
    }

    static let keys = ["servers", "api", "assistant_id", "submitted_at", "server_copy", "server_copy_at", "base_url"]
}
