import Foundation
import Hummingbird
import NIOCore

/// A local stand-in for the Revox API on 127.0.0.1, over real HTTP: the same endpoints, response
/// shapes and error statuses, validation by the model module, and faults on demand.
///
///     let sb = try await Sandbox.start(SandboxOptions())
///     // send requests to sb.baseURL with sb.apiKey …
///     let creates = await sb.receivedRequests.filter(\.isCreate)
///     await sb.stop()
public final class Sandbox: Sendable {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: String
    public let port: Int
    /// A key for clients to send (the sandbox accepts any non-empty Bearer token, and none other).
    public let apiKey: String
    private let state: SandboxState
    private let task: Task<Void, Never>

    private init(port: Int, apiKey: String, state: SandboxState, task: Task<Void, Never>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.apiKey = apiKey
        self.state = state
        self.task = task
    }

    /// Starts listening and returns once the port is open.
    public static func start(_ options: SandboxOptions = SandboxOptions()) async throws -> Sandbox {
        let state = try SandboxState(faults: options.faults, logPath: options.logRequestsPath)
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var app = Application(
            responder: SandboxResponder(state: state, api: options.api),
            // Connections that stay silent are closed: a thousand half-open sockets would otherwise be kept for good.
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(options.idleTimeout.nanoseconds))),
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: "revox-sandbox"),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? 0)) })
        // Hummingbird logs each start and stop at info level on stderr, which would land on the
        // wizard's screen; only real trouble is worth a line.
        app.logger.logLevel = .critical
        let task = Task {
            do {
                try await app.run()
                continuation.yield(.failure(SandboxError.cannotListen("the server stopped")))
            } catch {
                continuation.yield(.failure(SandboxError.cannotListen(String(describing: error))))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port):
                let key = options.apiKey ?? "sk_sandbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
                return Sandbox(port: port, apiKey: key, state: state, task: task)
            case .failure(let error):
                throw error
            }
        }
        throw SandboxError.cannotListen("the server stopped before it was listening")
    }

    /// The requests received, in order, as they arrived (before any fault): the last 1,000 (and at
    /// most 8 MB of their bodies), so memory stays bounded.
    public var receivedRequests: [ReceivedRequest] {
        get async { await state.received }
    }

    /// How many `POST /assistants` arrived since the start: the number tests check for the
    /// no-duplicate rule.
    public var createRequestCount: Int {
        get async { await state.createCount }
    }

    /// Replaces the faults (and restarts their counters and generator) from the next request on.
    public func setFaults(_ faults: SandboxFaults) async {
        await state.setFaults(faults)
    }

    /// Stops listening and closes open connections; returns when the port is free again.
    public func stop() async {
        task.cancel()
        await task.value
    }

    /// The voices the sandbox serves, for screens that want them without a round trip.
    public static var voiceCount: Int { BuiltInVoices.all.count }
}

extension Duration {
    var nanoseconds: Int64 {
        let (s, a) = components
        return s * 1_000_000_000 + a / 1_000_000_000
    }
}
