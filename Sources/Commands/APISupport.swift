import ArgumentParser
import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import WizardLaunch

/// Where the API commands send requests: the Revox API (configured by flags and environment) or,
/// with `--sandbox`, a sandbox started inside this process for the duration of the command.
struct APIConnectionOptions: ParsableArguments {
    @Flag(help: "Use an in-process sandbox of the API instead of the Revox API (no key, nothing leaves this machine).")
    var sandbox = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("API base URL (default: $REVOX_BASE_URL, else \(RevoxConfiguration.defaultBaseURL)).", valueName: "URL"))
    var baseURL: String?

    @Option(name: .customLong("api-key-file"), help: ArgumentHelp("Read the API key from this file (mode 600); wins over REVOX_API_KEY.", valueName: "PATH"))
    var apiKeyFile: String?

    @Option(help: ArgumentHelp("Seconds one operation may take, retries included (default: $REVOX_TIMEOUT, else 60).", valueName: "SECONDS"))
    var timeout: String?

    /// The configuration these options and the environment give, or the reason on stderr and exit 2.
    func configuration(environment: [String: String]) throws -> RevoxConfiguration {
        do {
            return try RevoxConfiguration.load(baseURL: baseURL, apiKeyFile: apiKeyFile, timeout: timeout, environment: environment)
        } catch {
            APIConsole.error(error.message, next: nil)
            throw ExitCode(APIExit.usage)
        }
    }

    /// With `--sandbox` no key is read (a broken key file does not matter), only the deadline.
    func sandboxTimeout(environment: [String: String]) throws -> Duration {
        do { return try RevoxConfiguration.timeout(flag: timeout, environment: environment) } catch {
            APIConsole.error(error.message, next: nil)
            throw ExitCode(APIExit.usage)
        }
    }
}

extension DraftStore {
    /// The store for commands without connection flags: the key the environment and key file give
    /// (REVOX_API_KEY as it stands when the configuration does not load, say for a bad base URL).
    static func withConfiguredKey(environment: [String: String]) -> DraftStore {
        let key = (try? RevoxConfiguration.load(environment: environment))?.apiKey ?? environment["REVOX_API_KEY"].flatMap(APIKey.init)
        return DraftStore(environment: environment, key: key)
    }
}

/// Exit statuses shared by submit, voices and assistants.
enum APIExit {
    static let ok: Int32 = 0
    /// An invalid draft, or the server refused the request (4xx).
    static let rejected: Int32 = 1
    /// A flag, the configuration or a file is unusable (bad key file, http:// to a remote host, unreadable draft).
    static let usage: Int32 = 2
    /// The server could not be reached, did not answer in time, failed (5xx), rate-limited, or answered garbage.
    static let unreachable: Int32 = 3
    /// A create may or may not have happened.
    static let outcomeUnknown: Int32 = 4
    /// Sent, but the draft's record of it could not be stored.
    static let notRecorded: Int32 = 5

    static func code(for e: RevoxError) -> Int32 {
        if e.kind == .outcomeUnknown { return outcomeUnknown }
        return e.isRejection ? rejected : unreachable
    }
}

/// A client for one command, and the sandbox behind it when `--sandbox` was given.
struct APISession {
    let client: RevoxHTTPClient
    let sandbox: Sandbox?

    /// Opens the session, or prints why it cannot and exits 2.
    /// `sandboxAPI`: the generation the in-process sandbox speaks (the draft's, for `submit`).
    static func open(_ options: APIConnectionOptions, environment: [String: String] = CLIOutput.environment,
                     sandboxAPI: APIGeneration = .seed) async throws -> APISession {
        if options.sandbox {
            let timeout = try options.sandboxTimeout(environment: environment)
            let sb: Sandbox
            do { sb = try await Sandbox.start(SandboxOptions(api: sandboxAPI)) } catch {
                APIConsole.error("could not start the sandbox: \(error)", next: "Try again; if it keeps failing, run 'assistant-wizard sandbox' to see why.")
                throw ExitCode(APIExit.unreachable)
            }
            let config = try! RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey), keySource: .explicit, timeout: timeout)
            return APISession(client: RevoxHTTPClient(configuration: config), sandbox: sb)
        }
        let config = try options.configuration(environment: environment)
        guard config.hasKey else {
            let path = RevoxConfiguration.defaultKeyFilePath(environment: environment) ?? "~/.config/assistant-wizard/api-key"
            APIConsole.error("no API key is configured.",
                             next: "Set REVOX_API_KEY, or save the key in \(path) (then chmod 600 \(path)), or pass --api-key-file PATH; use --sandbox to try it offline.")
            throw ExitCode(APIExit.usage)
        }
        return APISession(client: RevoxHTTPClient(configuration: config), sandbox: nil)
    }

    func close() async {
        await client.shutdown()
        await sandbox?.stop()
    }

    /// Runs `body` with the client, always closing the session, and turns an API error into its
    /// message on stderr (or a JSON record on stdout with `json`) and the matching exit status.
    func run<T>(json: Bool, _ body: (RevoxHTTPClient) async throws(RevoxError) -> T) async throws -> T {
        do {
            let value = try await body(client)
            await close()
            return value
        } catch {
            await close()
            APIConsole.report(error, json: json)
            throw ExitCode(APIExit.code(for: error))
        }
    }
}

/// How the API commands report: messages for people on stderr, data on stdout (through CLIOutput).
enum APIConsole {
    static func error(_ message: String, next: String?) { Console.error(message, next: next) }

    static func report(_ e: RevoxError, json: Bool) {
        if json {
            CLIOutput.stdout(JSONEncoding.pretty(.object(JSONObject([("error", errorJSON(e))]))))
            return
        }
        var text = "error: \(e.message)\n"
        if e.kind == .invalidFields && !e.fieldErrors.isEmpty {
            for f in e.fieldErrors { text += "  \(f.path.isEmpty ? "(body)" : f.path): \(f.message)\n" }
        }
        text += "\(e.suggestion)\n"
        if !e.rawBody.isEmpty && !(e.kind == .invalidFields && !e.fieldErrors.isEmpty) {
            let body = e.rawBody.count > 600 ? String(e.rawBody.prefix(600)) + "…" : e.rawBody
            text += "server answer (\(e.status.map(String.init) ?? "no status")): \(body)\n"
        }
        CLIOutput.stderr(text)
    }

    static func errorJSON(_ e: RevoxError) -> JSONValue {
        var o = JSONObject()
        o["kind"] = .string(e.kind.rawValue)
        o["message"] = .string(e.message)
        o["suggestion"] = .string(e.suggestion)
        o["method"] = .string(e.method)
        o["path"] = .string(e.path)
        o["status"] = e.status.map { .number(JSONNumber($0)) } ?? .null
        o["may_have_been_created"] = .bool(e.mayHaveBeenCreated)
        o["field_errors"] = .array(e.fieldErrors.map { .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) })
        if let ra = e.retryAfter, let n = JSONNumber(ra) { o["retry_after"] = .number(n) }
        o["body"] = .string(e.rawBody)
        return .object(o)
    }
}
