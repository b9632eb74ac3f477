import AssistantModel

/// How the sandbox runs: where it listens, which faults it injects, where it logs what it received.
public struct SandboxOptions: Sendable {
    /// 0 picks a free port (read it back from `Sandbox.port`).
    public var port: Int = 0
    public var faults = SandboxFaults()
    /// When set, every request received is appended to this file as one JSON line
    /// (`{"method", "path", "body"}`), for tests that run the sandbox as a separate process.
    public var logRequestsPath: String?
    /// The key the sandbox hands out for clients to use; any non-empty Bearer token is accepted.
    public var apiKey: String?
    /// A connection with no request in progress for this long is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// The API generation the sandbox speaks: its response shapes (with that server's defaults
    /// filled in) and its validation rules.
    public var api: APIGeneration = .seed

    public init(port: Int = 0, faults: SandboxFaults = SandboxFaults(), logRequestsPath: String? = nil, apiKey: String? = nil,
                idleTimeout: Duration = .seconds(30), api: APIGeneration = .seed) {
        self.port = port
        self.faults = faults
        self.logRequestsPath = logRequestsPath
        self.apiKey = apiKey
        self.idleTimeout = idleTimeout
        self.api = api
    }
}

/// Faults on demand. Each fault fires on the next `next` eligible requests, then on a seeded share of
/// the rest, so a test can say exactly which request fails and a demo can say "about 20 %".
public struct SandboxFaults: Sendable, Equatable {
    /// Added before every answer.
    public var latency: Duration = .zero
    /// Answer 500 without doing anything.
    public var serverError = FaultRate.never
    /// Answer 429 with `Retry-After: retryAfterSeconds` without doing anything.
    public var rateLimit = FaultRate.never
    public var retryAfterSeconds = 1
    /// After a valid `POST /assistants` is stored, close the connection without answering: the
    /// assistant exists, and the client cannot know it.
    public var dropAfterCreate = FaultRate.never
    /// Do the request, then answer 200 with an HTML page instead of JSON.
    public var notJSON = FaultRate.never
    /// Answer `forcedStatus` (403, 409, 503…) with a JSON error body, without doing anything.
    public var forced = FaultRate.never
    public var forcedStatus = 503
    /// Seed of the generator behind the shares: the same seed gives the same faults.
    public var seed: UInt64 = 1

    public init(latency: Duration = .zero, serverError: FaultRate = .never, rateLimit: FaultRate = .never,
                retryAfterSeconds: Int = 1, dropAfterCreate: FaultRate = .never, notJSON: FaultRate = .never,
                forced: FaultRate = .never, forcedStatus: Int = 503, seed: UInt64 = 1) {
        self.latency = latency
        self.serverError = serverError
        self.rateLimit = rateLimit
        self.retryAfterSeconds = retryAfterSeconds
        self.dropAfterCreate = dropAfterCreate
        self.notJSON = notJSON
        self.forced = forced
        self.forcedStatus = forcedStatus
        self.seed = seed
    }

    /// True when no fault would fire (the settings that only shape a fault do not count).
    public var isEmpty: Bool {
        var plain = self
        plain.seed = 1
        plain.retryAfterSeconds = 1
        plain.forcedStatus = 503
        return plain == SandboxFaults()
    }
}

public struct FaultRate: Sendable, Equatable {
    /// The next this-many eligible requests get the fault.
    public var next: Int
    /// After those, each eligible request gets it with this probability (0…1).
    public var share: Double

    public init(next: Int = 0, share: Double = 0) {
        self.next = max(0, next)
        self.share = min(1, max(0, share))
    }

    public static let never = FaultRate()
    public static func next(_ n: Int) -> FaultRate { FaultRate(next: n) }
    public static func share(_ s: Double) -> FaultRate { FaultRate(share: s) }
}

/// One request as the sandbox received it, before any fault was applied.
public struct ReceivedRequest: Sendable, Hashable {
    public let method: String
    /// The path with its query, as sent (`/assistants/abc`).
    public let path: String
    public let body: [UInt8]
    public let hadAuthorization: Bool

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
    public var isCreate: Bool { method == "POST" && (path == "/assistants" || path == "/assistants/") }
}
