import AssistantModel
import Dispatch
import RevoxInterface

/// Makes the real client (or starts the in-process sandbox) on first use, so neither networking nor
/// a server stands between starting the program and its first screen.
public actor LazyAPI: RevoxAPI {
    public typealias Factory = @Sendable () async throws -> any RevoxAPI
    private let factory: Factory
    private var made: (any RevoxAPI)?
    private var failure: RevoxError?

    public init(_ factory: @escaping Factory) { self.factory = factory }

    private var closed = false

    /// Closes what was made, if anything was; anything still being made is closed when it is done.
    public func shutdown() async {
        closed = true
        if let closable = made as? any ShutdownableAPI { await closable.shutdown() }
        made = nil
    }

    /// For the synchronous end of `main`: waits (on a semaphore, not spinning) for `shutdown()`.
    public nonisolated func shutdownAndWait() {
        let done = DispatchSemaphore(value: 0)
        Task.detached { await self.shutdown(); done.signal() }
        done.wait()
    }

    private func api(_ method: String, _ path: String) async throws(RevoxError) -> any RevoxAPI {
        if let made { return made }
        do {
            let api = try await factory()
            // Quit while the client was being made: close it, or its deinit traps (and it leaks).
            if closed {
                if let closable = api as? any ShutdownableAPI { await closable.shutdown() }
                throw CancellationError()
            }
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
    public func listVoices() async throws(RevoxError) -> [RevoxInterface.Voice] {
        try await api("GET", "/voices").listVoices()
    }
}
