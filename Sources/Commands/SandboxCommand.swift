import ArgumentParser
import AssistantModel
import Dispatch
import Foundation
import RevoxSandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local stand-in for the Revox API on 127.0.0.1 until Ctrl-C.",
        discussion: CLIHelp.discussion("""
        Serves GET /voices and POST, GET, PATCH, DELETE /assistants with the API's response shapes and \
        errors, validating bodies with the same rules as 'validate'. Any non-empty Bearer key is accepted. \
        Assistants live in memory only. The fault flags make it misbehave on purpose, for testing clients: \
        each '--X-next N' faults the next N requests, each '--X-rate R' a share R (0-1) of the rest, \
        drawn from --seed so runs repeat.
        """, examples: [
            ("Serve a local API on port 8787 and point the other commands at it", "assistant-wizard sandbox --port 8787"),
            ("Fail every fifth request with 500, repeatably", "assistant-wizard sandbox --fail-rate 0.2 --seed 7"),
        ]))

    @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "N")) var port = 8787

    @Option(name: .customLong("log-requests"), help: ArgumentHelp("Write each request received to FILE (emptied at start) as a JSON line {method, path, body}.", valueName: "FILE"))
    var logRequests: String?

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Delay every answer by this many milliseconds.", valueName: "MS")) var latencyMs = 0
    @Option(name: .customLong("fail-next"), help: ArgumentHelp("Answer the next N requests with 500.", valueName: "N")) var failNext = 0
    @Option(name: .customLong("fail-rate"), help: ArgumentHelp("Answer this share of requests with 500.", valueName: "R")) var failRate = 0.0
    @Option(name: .customLong("rate-limit-next"), help: ArgumentHelp("Answer the next N requests with 429.", valueName: "N")) var rateLimitNext = 0
    @Option(name: .customLong("rate-limit-rate"), help: ArgumentHelp("Answer this share of requests with 429.", valueName: "R")) var rateLimitRate = 0.0
    @Option(name: .customLong("retry-after"), help: ArgumentHelp("Retry-After seconds sent with a 429.", valueName: "S")) var retryAfter = 1
    @Option(name: .customLong("drop-create-next"), help: ArgumentHelp("Store the next N creates, then close the connection without answering.", valueName: "N")) var dropCreateNext = 0
    @Option(name: .customLong("drop-create-rate"), help: ArgumentHelp("Do that for this share of creates.", valueName: "R")) var dropCreateRate = 0.0
    @Option(name: .customLong("not-json-next"), help: ArgumentHelp("Answer the next N successful requests with an HTML page instead of JSON.", valueName: "N")) var notJSONNext = 0
    @Option(name: .customLong("not-json-rate"), help: ArgumentHelp("Do that for this share of successful requests.", valueName: "R")) var notJSONRate = 0.0
    @Option(name: .customLong("status-next"), help: ArgumentHelp("Answer the next N requests with --status (e.g. 403, 409, 503).", valueName: "N")) var statusNext = 0
    @Option(name: .customLong("status"), help: ArgumentHelp("The status --status-next answers with.", valueName: "CODE")) var status = 503
    @Option(help: ArgumentHelp("Seed for the fault shares.", valueName: "N")) var seed: UInt64 = 1
    @Option(name: .customLong("api"), help: ArgumentHelp("The API generation to speak: seed (SDK revox 0.1.1) or latest (0.5.0 shapes and rules).", valueName: "seed|latest"))
    var api: APIGeneration = .seed

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        for (name, r) in [("--fail-rate", failRate), ("--rate-limit-rate", rateLimitRate), ("--drop-create-rate", dropCreateRate), ("--not-json-rate", notJSONRate)] {
            guard (0...1).contains(r) else { throw ValidationError("\(name) is a share between 0 and 1, e.g. 0.2") }
        }
        guard (400...599).contains(status) else { throw ValidationError("--status must be an error status, 400 to 599") }
        guard latencyMs >= 0, retryAfter >= 0 else { throw ValidationError("--latency-ms and --retry-after must not be negative") }
    }

    var faults: SandboxFaults {
        SandboxFaults(
            latency: .milliseconds(latencyMs),
            serverError: FaultRate(next: failNext, share: failRate),
            rateLimit: FaultRate(next: rateLimitNext, share: rateLimitRate),
            retryAfterSeconds: retryAfter,
            dropAfterCreate: FaultRate(next: dropCreateNext, share: dropCreateRate),
            notJSON: FaultRate(next: notJSONNext, share: notJSONRate),
            forced: FaultRate(next: statusNext), forcedStatus: status,
            seed: seed)
    }

    func run() async throws {
        // Signals are taken before the server starts so an early Ctrl-C still stops it cleanly.
        let signals = SignalWaiter([SIGINT, SIGTERM])
        let sb: Sandbox
        do {
            sb = try await Sandbox.start(SandboxOptions(port: port, faults: faults, logRequestsPath: logRequests, api: api))
        } catch {
            APIConsole.error("\(error)", next: port == 0 ? nil : "Is another program using port \(port)? Pick another with --port N, or --port 0 for any free port.")
            throw ExitCode(APIExit.unreachable)
        }
        CLIOutput.stdout("""
        Revox API sandbox listening on \(sb.baseURL)
        Speaking the \(api) API (the shapes and rules of SDK revox==\(api.sdkVersion)); choose with --api seed|latest.
        Use it from another shell with:
          export REVOX_BASE_URL=\(sb.baseURL)
          export REVOX_API_KEY=\(sb.apiKey)
        (any non-empty key works; assistants are kept in memory until it stops)

        """)
        if !faults.isEmpty { CLIOutput.stdout("Faults on: \(describe(faults))\n") }
        if let logRequests { CLIOutput.stdout("Logging requests to \(logRequests)\n") }
        CLIOutput.stdout("Press Ctrl-C to stop.\n")
        let sig = await signals.next()
        await sb.stop()
        CLIOutput.stderr("Sandbox stopped (\(sig == SIGINT ? "Ctrl-C" : "SIGTERM")).\n")
    }

    private func describe(_ f: SandboxFaults) -> String {
        var parts = [String]()
        if f.latency > .zero { parts.append("latency \(latencyMs) ms") }
        func rate(_ name: String, _ r: FaultRate) {
            if r.next > 0 { parts.append("\(name) for the next \(r.next)") }
            if r.share > 0 { parts.append("\(name) for \(Int(r.share * 100)) %") }
        }
        rate("500", f.serverError)
        rate("429 (Retry-After \(f.retryAfterSeconds) s)", f.rateLimit)
        rate("dropped create", f.dropAfterCreate)
        rate("non-JSON answer", f.notJSON)
        rate("status \(f.forcedStatus)", f.forced)
        return parts.joined(separator: ", ") + " (seed \(f.seed))"
    }
}

/// Turns SIGINT/SIGTERM into an awaitable event instead of the default "die at once".
final class SignalWaiter: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    init(_ signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = signals.map { s in
            signal(s, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: s, queue: .global())
            src.setEventHandler { continuation.yield(s) }
            src.resume()
            return src
        }
    }

    func next() async -> Int32 {
        for await s in stream { return s }
        return SIGTERM
    }
}
