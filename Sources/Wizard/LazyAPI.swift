import AssistantModel
import RevoxClient

/// Makes the real client (or starts the in-process sandbox) on first use, so neither networking nor
/// a server stands between starting the program and its first screen.
public actor LazyAPI: RevoxAPI {
    public typealias Factory = @Sendable () async throws -> any RevoxAPI
    private let factory: Factory
    private var made: (any RevoxAPI)?
    private var failure: RevoxError?

    public init(_ factory: @escaping Factory) { self.factory = factory }

    private func api(_ method: String, _ path: String) async throws(RevoxError) -> any RevoxAPI {
        if let made { return made }
        do {
            let api = try await factory()
            made = api
            return api
        } catch {
            throw RevoxError(kind: .noConnection, method: method, path: path, detail: "\(error)",
                             message: "Could not start the connection: \(error)",
                             suggestion: "Check --base-url / REVOX_BASE_URL, or run with --sandbox.")
        }
    }

    public func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant {
        try await api("POST", "/assistants").createAssistant(body)
    }
    public func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant {
        try await api("PATCH", "/assistants/\(id)").updateAssistant(id: id, changes: changes)
    }
    public func assistant(id: String) async throws(RevoxError) -> Assistant {
        try await api("GET", "/assistants/\(id)").assistant(id: id)
    }
    public func listAssistants() async throws(RevoxError) -> [Assistant] {
        try await api("GET", "/assistants").listAssistants()
    }
    public func deleteAssistant(id: String) async throws(RevoxError) {
        try await api("DELETE", "/assistants/\(id)").deleteAssistant(id: id)
    }
    public func listVoices() async throws(RevoxError) -> [RevoxClient.Voice] {
        try await api("GET", "/voices").listVoices()
    }
}
