import AssistantModel
import Foundation
import RevoxClient
@testable import Wizard

/// Answers from a script, prompts into a buffer.
final class ScriptedLineIO: LineIO, @unchecked Sendable {
    private var lines: [String]
    private(set) var output = ""
    init(_ lines: [String]) { self.lines = lines }
    func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func write(_ text: String) { output += text }
    var unread: Int { lines.count }
}

/// A RevoxAPI that records what it was sent and answers like the sandbox would, or fails as told.
final class RecordingAPI: RevoxAPI, @unchecked Sendable {
    private let lock = NSLock()
    private var _created: [JSONValue] = []
    private var _updates: [(id: String, changes: JSONValue)] = []
    var createFailure: RevoxError?
    var existing: [String: JSONObject] = [:]
    let voices = [
        RevoxClient.Voice(id: "v-katie", name: "Katie", description: "Warm and upbeat", language: "en", provider: "cartesia"),
        RevoxClient.Voice(id: "v-helene", name: "Hélène", description: "Poised and precise", language: "fr", provider: "cartesia"),
        RevoxClient.Voice(id: "v-julien", name: "Julien", description: "Energetic \u{1B}[31mred", language: "fr", provider: "elevenlabs"),
    ]

    var created: [JSONValue] { lock.withLock { _created } }
    var updates: [(id: String, changes: JSONValue)] { lock.withLock { _updates } }

    func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant {
        if let createFailure { throw createFailure }
        lock.withLock { _created.append(body) }
        var o = body.objectValue ?? JSONObject()
        o["id"] = "asst_new"
        o["created_at"] = "2025-01-01T00:00:00Z"
        return Assistant(json: o)!
    }
    func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant {
        lock.withLock { _updates.append((id, changes)) }
        var o = existing[id] ?? JSONObject([("id", .string(id))])
        for (k, v) in changes.objectValue ?? JSONObject() { o[k] = v }
        return Assistant(json: o)!
    }
    func assistant(id: String) async throws(RevoxError) -> Assistant {
        guard let o = existing[id] else {
            throw RevoxError(kind: .notFound, method: "GET", path: "/assistants/\(id)", status: 404,
                             message: "No assistant \(id).", suggestion: "Check the id.")
        }
        return Assistant(json: o)!
    }
    func listAssistants() async throws(RevoxError) -> [Assistant] { existing.values.compactMap { Assistant(json: $0) } }
    func deleteAssistant(id: String) async throws(RevoxError) {}
    func listVoices() async throws(RevoxError) -> [RevoxClient.Voice] { voices }
}

/// A draft store in a fresh temp directory.
func temporaryStore() throws -> DraftStore {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("a11y-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return DraftStore(directory: dir.path)
}


/// Runs a session on its own thread, as the program does (the prompt loop blocks while API calls
/// run on the concurrency pool, so it must not sit on a pool thread itself).
func runAccessible(_ wizard: Wizard, api: RecordingAPI, store: DraftStore, _ lines: [String]) async -> (status: Int32, output: String, io: ScriptedLineIO) {
    let io = ScriptedLineIO(lines)
    let status = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
        Thread {
            done.resume(returning: AccessibleWizard(wizard: wizard, api: api, store: store, session: nil).run(io: io))
        }.start()
    }
    return (status, io.output, io)
}
