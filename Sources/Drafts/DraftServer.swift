/// A server a draft can be sent to, as its records know it.
public struct DraftServer: Sendable, Hashable {
    /// The key of the draft's record for this server: its base URL.
    public var baseURL: String
    /// How messages name it: the URL, or "the built-in sandbox".
    public var name: String
    /// False for the built-in sandbox: it is gone when the program ends, so what was created there
    /// is remembered only while the session lasts and never written to the draft's sidecar.
    public var keepsRecords: Bool

    public init(baseURL: String, name: String? = nil, keepsRecords: Bool = true) {
        self.baseURL = baseURL
        self.name = name ?? baseURL
        self.keepsRecords = keepsRecords
    }

    /// The sandbox started inside this process.
    public static let builtInSandbox = DraftServer(baseURL: "built-in sandbox", name: "the built-in sandbox", keepsRecords: false)

    /// "on https://…" or "in the built-in sandbox", for sentences.
    public var onName: String { keepsRecords ? "on \(name)" : "in \(name)" }
}
