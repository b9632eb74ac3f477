import AssistantModel
import Drafts
import Foundation
import RevoxClient
import RevoxSandbox

/// A fresh drafts folder under the temporary directory.
func tempStore(_ tag: String = "drafts") throws -> DraftStore {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return DraftStore(directory: dir)
}

func json(_ text: String) -> JSONValue { try! JSONParser.parse(Array(text.utf8)) }

/// A sandbox on loopback with a client for it, as a second program would see it.
struct Server {
    let sandbox: Sandbox
    let client: RevoxHTTPClient
    var draftServer: DraftServer { DraftServer(baseURL: sandbox.baseURL) }

    static func start() async throws -> Server {
        let sb = try await Sandbox.start()
        return Server(sandbox: sb, client: RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey))))
    }

    func stop() async {
        await client.shutdown()
        await sandbox.stop()
    }

    /// The writes the server received: "POST /assistants", "PATCH /assistants/ID".
    var writes: [String] {
        get async { await sandbox.receivedRequests.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" } }
    }
}
