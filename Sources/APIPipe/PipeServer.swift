#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AssistantModel
import Dispatch
import RevoxInterface

/// The helper's side: reads the hello and the requests from `input`, makes the API the hello asks
/// for (with `make`: the HTTP client, or the in-process sandbox) on the first request, answers each
/// request as it completes, and at the end of input closes the API and returns.
public enum PipeServer {
    public static func serve(input: Int32 = 0, make: @escaping @Sendable (APIConnection) async throws -> any ShutdownableAPI) {
        let socket = LineSocket(fd: input)
        guard let hello = socket.receive() else { return }
        let connection: APIConnection
        do throws(ConfigurationError) { connection = try PipeWire.connection(fromHello: hello) } catch {
            // Every request is answered with why; nothing can be sent.
            serveRefusals(socket, error.message)
            return
        }
        let api = Task { () -> Result<any ShutdownableAPI, RevoxError> in
            do { return .success(try await make(connection)) } catch {
                return .failure(RevoxError(kind: .noConnection, method: "", path: "", detail: "\(error)",
                                           message: "Could not start the connection: \(error)",
                                           suggestion: "Check --base-url / REVOX_BASE_URL, or run with --sandbox."))
            }
        }
        while let line = socket.receive() {
            guard let request = PipeWire.request(line) else { continue }
            Task.detached {
                let result: Result<JSONValue, RevoxError>
                switch await api.value {
                case .failure(let e): result = .failure(e)
                case .success(let client): result = await handle(request, client)
                }
                _ = socket.send(PipeWire.answer(id: request.id, result))
            }
        }
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            if case .success(let client) = await api.value { await client.shutdown() }
            done.signal()
        }
        done.wait()
    }

    private static func serveRefusals(_ socket: LineSocket, _ why: String) {
        while let line = socket.receive() {
            guard let r = PipeWire.request(line) else { continue }
            let e = RevoxError(kind: .noConnection, method: r.call.method, path: r.path, detail: why,
                               message: "The connection could not be made: \(why). Nothing was sent.", suggestion: "Check --base-url / REVOX_BASE_URL.")
            _ = socket.send(PipeWire.answer(id: r.id, .failure(e)))
        }
    }

    static func handle(_ r: PipeWire.Request, _ api: any RevoxAPI) async -> Result<JSONValue, RevoxError> {
        do throws(RevoxError) {
            switch r.call {
            case .create: return .success(.object(try await api.createAssistant(r.body ?? .null).json))
            case .update: return .success(.object(try await api.updateAssistant(id: r.assistantID ?? "", changes: r.body ?? .null).json))
            case .get: return .success(.object(try await api.assistant(id: r.assistantID ?? "").json))
            case .list: return .success(.array(try await api.listAssistants().map { .object($0.json) }))
            case .delete:
                try await api.deleteAssistant(id: r.assistantID ?? "")
                return .success(.null)
            case .voices: return .success(.array(try await api.listVoices().map { .object($0.json) }))
            }
        } catch {
            return .failure(error)
        }
    }
}
