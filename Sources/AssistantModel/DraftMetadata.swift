/// What the program knows about a draft beyond its body, kept beside it in a hidden sidecar file
/// (`.<slug>.meta.json`) and never inside the body, so the body stays exactly the request.
public struct DraftMetadata: Sendable, Hashable {
    /// The id of the assistant created from this draft.
    public var assistantID: String?
    /// When it was created on the server (ISO-8601, UTC).
    public var submittedAt: String?
    /// The server's copy of the assistant as last created or fetched: the base a PATCH diff compares against.
    public var serverCopy: JSONValue?
    /// When `serverCopy` was taken (ISO-8601, UTC).
    public var serverCopyAt: String?
    /// The base URL the assistant lives on (the sandbox and production differ).
    public var baseURL: String?
    /// The API generation the draft was chosen to speak (nil: never chosen, so detected from its keys).
    public var api: APIGeneration?
    /// Keys written by a newer version, kept.
    public var unknown: JSONObject

    public init(assistantID: String? = nil, submittedAt: String? = nil, serverCopy: JSONValue? = nil,
                serverCopyAt: String? = nil, baseURL: String? = nil, api: APIGeneration? = nil, unknown: JSONObject = JSONObject()) {
        self.assistantID = assistantID; self.submittedAt = submittedAt; self.serverCopy = serverCopy
        self.serverCopyAt = serverCopyAt; self.baseURL = baseURL; self.api = api; self.unknown = unknown
    }

    public var isSubmitted: Bool { assistantID != nil }

    public init(json: JSONValue) {
        let o = json.objectValue ?? JSONObject()
        assistantID = o["assistant_id"]?.stringValue
        submittedAt = o["submitted_at"]?.stringValue
        serverCopy = o["server_copy"].flatMap { $0.isNull ? nil : $0 }
        serverCopyAt = o["server_copy_at"]?.stringValue
        baseURL = o["base_url"]?.stringValue
        api = o["api"]?.stringValue.flatMap(APIGeneration.init(rawValue:))
        var rest = o
        for k in Self.keys { rest[k] = nil }
        if api == nil { rest["api"] = o["api"] } // a generation this version does not know is kept
        unknown = rest
    }

    public var json: JSONValue {
        var w = ObjectWriter()
        w.put("assistant_id", assistantID.map(JSONValue.string))
        w.put("submitted_at", submittedAt.map(JSONValue.string))
        w.put("base_url", baseURL.map(JSONValue.string))
        w.put("server_copy_at", serverCopyAt.map(JSONValue.string))
        w.put("api", api.map { .string($0.rawValue) })
        w.put("server_copy", serverCopy)
        w.putUnknown(unknown)
        return w.value
    }

    static let keys = ["assistant_id", "submitted_at", "server_copy", "server_copy_at", "base_url", "api"]
}
