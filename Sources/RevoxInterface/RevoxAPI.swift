import AssistantModel

/// The calls the wizard and the command line make, in plain values (no Foundation, no NIO: the program
/// people start links only this side). `RevoxHTTPClient` speaks HTTP; anything else
/// (a recording fake in a UI test) can stand in.
public protocol RevoxAPI: Sendable {
    /// `POST /assistants`. Sent once: when it may have reached the server but no answer came back,
    /// this throws `.outcomeUnknown` and does not retry.
    func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant
    /// `PATCH /assistants/{id}` with only the fields to change.
    func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant
    /// `GET /assistants/{id}`.
    func assistant(id: String) async throws(RevoxError) -> Assistant
    /// `GET /assistants`.
    func listAssistants() async throws(RevoxError) -> [Assistant]
    /// `DELETE /assistants/{id}`.
    func deleteAssistant(id: String) async throws(RevoxError)
    /// `GET /voices`.
    func listVoices() async throws(RevoxError) -> [Voice]
}

/// An API whose connections must be closed before the program ends (AsyncHTTPClient traps on a
/// client dropped without `shutdown()`; a helper process is told to exit).
public protocol ShutdownableAPI: RevoxAPI {
    func shutdown() async
}
