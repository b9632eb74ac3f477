import AssistantModel
import AsyncHTTPClient
import Foundation
import NIOCore

/// The Revox API over AsyncHTTPClient (URLSession on Linux keeps a core busy while it waits).
/// Owns one `HTTPClient`; call `shutdown()` when done with it.
public final class RevoxHTTPClient: ShutdownableAPI {
    public struct Options: Sendable {
        /// How long to try to connect before giving up: short, so a dead server fails fast.
        public var connectTimeout: Duration = .seconds(5)
        /// How long one operation may take, from the first connect to the last byte of the answer,
        /// retries and their waits included; nil takes the configuration's (`--timeout`, 60 s).
        public var requestTimeout: Duration?
        /// Extra attempts for a GET after a 429, a 500/502/503/504 or a connection lost mid-answer.
        public var maxGetRetries = 2
        /// First backoff delay; doubles each attempt (with ±20 % jitter) up to `maxRetryDelay`.
        public var retryBaseDelay: Duration = .milliseconds(500)
        public var maxRetryDelay: Duration = .seconds(8)
        /// A `Retry-After` longer than this is not waited out: the 429 is reported instead.
        public var maxRetryAfter: Duration = .seconds(20)
        /// Answers larger than this are cut off and reported as invalid.
        public var maxResponseBytes = 8 << 20
        public var userAgent = "assistant-wizard/\(AssistantWizardVersion.current)"

        public init() {}
    }

    public let configuration: RevoxConfiguration
    public let options: Options
    /// The deadline of one operation.
    public var timeout: Duration { options.requestTimeout ?? configuration.timeout }
    private let http: HTTPClient
    private let host: String

    public init(configuration: RevoxConfiguration, options: Options = Options()) {
        self.configuration = configuration
        self.options = options
        var config = HTTPClient.Configuration()
        config.timeout.connect = .nanoseconds(Int64(options.connectTimeout.nanoseconds))
        // Redirects are refused: a followed POST could be sent twice, and the key could go to another host.
        config.redirectConfiguration = .disallow
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        host = URL(string: configuration.baseURL)?.host ?? configuration.baseURL
    }

    /// Closes the connection pool. The client must not be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: - The calls

    public func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant {
        let call = Call(method: .post, path: "/assistants")
        let response = try await send(call, body: CanonicalJSON.encode(body))
        do {
            return try decodeWrappedAssistant(response, call: call)
        } catch {
            // The server said yes but its answer cannot be read: the assistant probably exists,
            // and its id is unknown. Say so rather than invite a second create.
            throw outcomeUnknown(call, reason: "the server answered \(response.status) but the answer is not the JSON it should be (\(error.message))",
                                 rawBody: response.body)
        }
    }

    public func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant {
        let call = Call(method: .patch, path: "/assistants/\(Self.pathSegment(id))")
        let response = try await send(call, body: CanonicalJSON.encode(changes))
        return try decodeWrappedAssistant(response, call: call)
    }

    public func assistant(id: String) async throws(RevoxError) -> Assistant {
        let call = Call(method: .get, path: "/assistants/\(Self.pathSegment(id))")
        let response = try await send(call, body: nil)
        let json = try parseJSON(response, call: call)
        // Documented unwrapped; a wrapped answer is accepted too (lenient decoding).
        let object = json.objectValue?["assistant"]?.objectValue ?? json.objectValue
        guard let object, let a = Assistant(json: object) else {
            throw invalidResponse(call, response, reason: "expected an assistant object with an \"id\"")
        }
        return a
    }

    public func listAssistants() async throws(RevoxError) -> [Assistant] {
        try await list("/assistants", key: "assistants", Assistant.init(json:))
    }

    public func deleteAssistant(id: String) async throws(RevoxError) {
        let call = Call(method: .delete, path: "/assistants/\(Self.pathSegment(id))")
        let response = try await send(call, body: nil)
        // The body is documented as {"success": true}; an empty or different body after a 2xx is
        // still a success, unless the server says outright that it was not.
        if let json = try? JSONParser.parse(response.body), json.objectValue?["success"]?.boolValue == false {
            throw invalidResponse(call, response, reason: "the server answered {\"success\": false}")
        }
    }

    public func listVoices() async throws(RevoxError) -> [Voice] {
        try await list("/voices", key: "voices", Voice.init(json:))
    }

    /// `GET path` answered `{key: [...]}` (a bare array is accepted too); items without an id are skipped.
    private func list<T>(_ path: String, key: String, _ make: (JSONObject) -> T?) async throws(RevoxError) -> [T] {
        let call = Call(method: .get, path: path)
        let response = try await send(call, body: nil)
        let json = try parseJSON(response, call: call)
        guard let items = json.objectValue?[key]?.arrayValue ?? json.arrayValue else {
            throw invalidResponse(call, response, reason: "expected {\"\(key)\": [...]}")
        }
        return items.compactMap { $0.objectValue.flatMap(make) }
    }

    // MARK: - Sending

    struct Call {
        enum Method: String { case get = "GET", post = "POST", patch = "PATCH", delete = "DELETE" }
        let method: Method
        let path: String
        var isCreate: Bool { method == .post }
    }

    struct RawResponse {
        let status: Int
        let retryAfter: Double?
        let body: [UInt8]
    }

    /// Sends the call within one deadline (attempts, answers and waits between them), retrying
    /// only GETs, and returns a 2xx answer; anything else is thrown typed.
    private func send(_ call: Call, body: [UInt8]?) async throws(RevoxError) -> RawResponse {
        let deadline = ContinuousClock.now + timeout
        let first = FirstResult<Result<RawResponse, RevoxError>>()
        let work = Task {
            var r: Result<RawResponse, RevoxError>
            do throws(RevoxError) { r = .success(try await attempts(call, body: body, deadline: deadline)) } catch { r = .failure(error) }
            // A transport failure (no status) once the deadline has passed is the timer's cancel, or
            // AsyncHTTPClient's own deadline: a timeout. An answer that did come is reported as it is.
            if case .failure(let e) = r, e.status == nil, ContinuousClock.now >= deadline { r = .failure(transportError(call, .timedOut)) }
            first.offer(r)
        }
        // The timer: AsyncHTTPClient's own deadline does not cover reading the body. The cancelled
        // request is given a moment to wind down (so what was sent is settled), but not more.
        let timer = Task {
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            work.cancel()
            guard (try? await Task.sleep(for: .seconds(1))) != nil else { return }
            first.offer(.failure(transportError(call, .timedOut)))
        }
        let result = await withTaskCancellationHandler {
            await first.value()
        } onCancel: {
            first.offer(.failure(transportError(call, .cancelled)))
            work.cancel()
        }
        timer.cancel()
        return try result.get()
    }

    private func attempts(_ call: Call, body: [UInt8]?, deadline: ContinuousClock.Instant) async throws(RevoxError) -> RawResponse {
        var attempt = 0
        while true {
            let outcome = await attemptOnce(call, body: body, deadline: deadline)
            let canRetry = call.method == .get && attempt < options.maxGetRetries
            switch outcome {
            case .success(let r) where (200..<300).contains(r.status):
                return r
            case .success(let r):
                if canRetry && (r.status == 429 || [500, 502, 503, 504].contains(r.status)) {
                    let wait: Duration
                    if let ra = r.retryAfter {
                        let asked = Duration.milliseconds(Int64(ra * 1000))
                        if asked > options.maxRetryAfter { throw statusError(call, r) }
                        wait = asked
                    } else {
                        wait = backoff(attempt)
                    }
                    // A wait that would outlast the deadline is not begun: the answer in hand is reported.
                    if ContinuousClock.now + wait >= deadline { throw statusError(call, r) }
                    try await pause(wait, call)
                    attempt += 1
                    continue
                }
                throw statusError(call, r)
            case .failure(.lost(let why)) where canRetry:
                let wait = backoff(attempt)
                if ContinuousClock.now + wait >= deadline { throw transportError(call, .lost(why)) }
                try await pause(wait, call)
                attempt += 1
            case .failure(let f):
                throw transportError(call, f)
            }
        }
    }

    enum TransportFailure: Error {
        /// Nothing was sent: refused, unreachable, DNS, connect or TLS-handshake timeout.
        case notConnected(String)
        /// The deadline passed after the connection was made.
        case timedOut
        /// The connection broke after the request may have been sent.
        case lost(String)
        /// The answer came, larger than `maxResponseBytes`.
        case tooLarge(status: Int)
        case cancelled
    }

    private func attemptOnce(_ call: Call, body: [UInt8]?, deadline: ContinuousClock.Instant) async -> Result<RawResponse, TransportFailure> {
        var request = HTTPClientRequest(url: configuration.baseURL + call.path)
        switch call.method {
        case .get: request.method = .GET
        case .post: request.method = .POST
        case .patch: request.method = .PATCH
        case .delete: request.method = .DELETE
        }
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key.secret)") }
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: options.userAgent)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let left = ContinuousClock.now.duration(to: deadline)
            let response = try await http.execute(request, deadline: NIODeadline.now() + .nanoseconds(max(0, left.nanoseconds)))
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(Self.parseRetryAfter)
            var buffer: ByteBuffer
            do {
                buffer = try await response.body.collect(upTo: options.maxResponseBytes)
            } catch is NIOTooManyBytesError {
                return .failure(.tooLarge(status: Int(response.status.code)))
            }
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return .success(RawResponse(status: Int(response.status.code), retryAfter: retryAfter, body: bytes))
        } catch {
            return .failure(Self.classify(error))
        }
    }

    static func classify(_ error: any Error) -> TransportFailure {
        if error is CancellationError { return .cancelled }
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
                return .notConnected("no connection could be made within the connect timeout")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut
            case .cancelled:
                return .cancelled
            case .remoteConnectionClosed:
                return .lost("the server closed the connection before it answered")
            default:
                return .lost(Self.words(for: e))
            }
        }
        if let e = error as? IOError {
            let refusals: Set<Int32> = [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ENETDOWN]
            let text = String(cString: strerror(e.errnoCode))
            return refusals.contains(e.errnoCode) ? .notConnected(text) : .lost(text)
        }
        if let e = error as? ChannelError {
            if case .connectTimeout = e { return .notConnected("no connection could be made within the connect timeout") }
            return .lost("the connection failed (\(Self.plainWords(String(describing: e))))")
        }
        // NIOPosix's connection and DNS errors, and TLS handshake failures, happen before anything
        // is sent; this module does not link NIOPosix, so they are told apart by name.
        let typeName = String(reflecting: type(of: error))
        let text = String(describing: error)
        if typeName.contains("HTTPParserError") || typeName.contains("HTTPDecoder") {
            return .lost("the answer is not valid HTTP, or ended before its Content-Length")
        }
        if typeName.contains("NIOConnectionError") || typeName.contains("SocketAddressError")
            || typeName.contains("DNS") || (typeName.contains("SSL") && text.lowercased().contains("handshake")) {
            return .notConnected(Self.connectionErrorText(text))
        }
        return .lost("the answer could not be read (\(Self.plainWords(text)))")
    }

    /// People's words for the HTTP client's errors; its own descriptions are type names
    /// (`HTTPClientError.bodyLengthMismatch`).
    static func words(for e: HTTPClientError) -> String {
        switch e {
        case .bodyLengthMismatch: return "the answer was shorter or longer than its Content-Length said"
        case .invalidURL, .emptyHost, .emptyScheme: return "the base URL cannot be used for a request"
        case .alreadyShutdown: return "the connection pool was already closed"
        case .redirectLimitReached, .redirectCycleDetected: return "the server kept redirecting"
        case .uncleanShutdown: return "the connection was closed before the answer was complete"
        case .chunkedSpecifiedMultipleTimes, .identityCodingIncorrectlyPresent, .contentLengthMissing, .incompatibleHeaders:
            return "the server's answer is not valid HTTP"
        default: return "the HTTP exchange failed (\(plainWords(e.description)))"
        }
    }

    /// A library's `TypeName.caseName(detail: 1)` as `case name`: never a type name in front of people.
    static func plainWords(_ text: String) -> String {
        var t = text
        if let paren = t.firstIndex(of: "(") { t = String(t[..<paren]) }
        if let dot = t.lastIndex(of: ".") { t = String(t[t.index(after: dot)...]) }
        var out = ""
        for c in t {
            if c.isUppercase, out.last?.isLowercase == true { out += " " }
            out += c.lowercased()
        }
        out = out.replacingOccurrences(of: "error", with: "").replacingOccurrences(of: "nio", with: "")
            .trimmingCharacters(in: .whitespaces)
        return out.isEmpty ? "no further detail" : ResponseText.sanitised(String(out.prefix(80)))
    }

    /// NIOConnectionError's description lists every address tried; the first errno text is what a person needs.
    private static func connectionErrorText(_ text: String) -> String {
        if text.contains("Connection refused") { return "connection refused (nothing is listening there)" }
        if text.contains("nodename nor servname") || text.contains("Name or service not known") || text.contains("DNS") {
            return "the host name could not be resolved"
        }
        return ResponseText.sanitised(String(text.prefix(300)))
    }

    private func pause(_ d: Duration, _ call: Call) async throws(RevoxError) {
        do { try await Task.sleep(for: d) } catch { throw transportError(call, .cancelled) }
    }

    private func backoff(_ attempt: Int) -> Duration {
        let base = options.retryBaseDelay * (1 << min(attempt, 16))
        let capped = min(base, options.maxRetryDelay)
        return capped * Double.random(in: 0.8...1.2)
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func parseRetryAfter(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v), s >= 0, s.isFinite { return s }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = f.date(from: v) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }

    static func pathSegment(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }

    // MARK: - Decoding

    private func parseJSON(_ r: RawResponse, call: Call) throws(RevoxError) -> JSONValue {
        do {
            return try JSONParser.parse(r.body)
        } catch {
            throw invalidResponse(call, r, reason: r.body.isEmpty ? "the answer is empty" : "the answer is not JSON (\(error.description))")
        }
    }

    private func decodeWrappedAssistant(_ r: RawResponse, call: Call) throws(RevoxError) -> Assistant {
        let json = try parseJSON(r, call: call)
        let object = json.objectValue?["assistant"]?.objectValue ?? json.objectValue
        guard let object, let a = Assistant(json: object) else {
            throw invalidResponse(call, r, reason: "expected {\"assistant\": {...}} with an \"id\"")
        }
        return a
    }

    // MARK: - Errors

    private var sanitisedKeyMask: APIKey? { configuration.apiKey }

    private func invalidResponse(_ call: Call, _ r: RawResponse, reason: String) -> RevoxError {
        RevoxError(
            kind: .invalidResponse, method: call.method.rawValue, path: call.path, status: r.status,
            rawBody: ResponseText.sanitised(r.body, maskingKey: sanitisedKeyMask),
            message: "The server at \(host) answered \(call.method.rawValue) \(call.path) with something that is not the JSON the API sends: \(reason).",
            suggestion: "Check that the base URL (\(configuration.baseURL)) points at the Revox API and not at a web page or proxy; see the details for what came back.")
    }

    private func outcomeUnknown(_ call: Call, reason: String, rawBody: [UInt8] = []) -> RevoxError {
        RevoxError(
            kind: .outcomeUnknown, method: call.method.rawValue, path: call.path,
            rawBody: ResponseText.sanitised(rawBody, maskingKey: sanitisedKeyMask), detail: reason,
            message: "The request reached \(host) but no usable answer came back (\(reason)), so the assistant may have been created.",
            suggestion: "Do not send it again yet: run 'assistant-wizard assistants list' (or look in the Revox dashboard) to see whether it exists, to avoid creating a duplicate.")
    }

    private func transportError(_ call: Call, _ f: TransportFailure) -> RevoxError {
        let m = call.method.rawValue
        switch f {
        case .notConnected(let why):
            return RevoxError(
                kind: .noConnection, method: m, path: call.path, detail: why,
                message: "Could not connect to \(host): \(why). Nothing was sent.",
                suggestion: "Check your network connection and the base URL (\(configuration.baseURL); set with --base-url or REVOX_BASE_URL), then try again.")
        case .timedOut where call.isCreate:
            return outcomeUnknown(call, reason: "no complete answer within \(formatSeconds(timeout.seconds))")
        case .tooLarge(let status) where call.isCreate:
            return outcomeUnknown(call, reason: "the server answered \(status) with more than \(options.maxResponseBytes >> 20) MB, more than any API answer")
        case .lost(let why) where call.isCreate:
            return outcomeUnknown(call, reason: why)
        case .cancelled where call.isCreate:
            return outcomeUnknown(call, reason: "the request was cancelled after it was sent")
        case .timedOut:
            return RevoxError(
                kind: .timeout, method: m, path: call.path, detail: "deadline \(formatSeconds(timeout.seconds)), retries included",
                message: "\(host) did not answer \(m) \(call.path) completely within \(formatSeconds(timeout.seconds)).",
                suggestion: call.method == .get
                    ? "The service may be slow or down; try again in a minute, or allow longer with --timeout SECONDS (or REVOX_TIMEOUT)."
                    : "The change may or may not have been applied; check with 'assistant-wizard assistants get ID', then try again.")
        case .tooLarge(let status):
            return RevoxError(
                kind: .invalidResponse, method: m, path: call.path, status: status,
                detail: "more than \(options.maxResponseBytes) bytes",
                message: "The server at \(host) answered \(m) \(call.path) with more than \(options.maxResponseBytes >> 20) MB, more than any API answer; it was not read.",
                suggestion: "Check that the base URL (\(configuration.baseURL)) points at the Revox API and not at a file server or proxy.")
        case .lost(let why):
            return RevoxError(
                kind: .noConnection, method: m, path: call.path, detail: why,
                message: "The connection to \(host) broke during \(m) \(call.path): \(why).",
                suggestion: call.method == .get
                    ? "Check your network connection and try again."
                    : "The change may or may not have been applied; it is safe to send the same change again.")
        case .cancelled:
            return RevoxError(kind: .cancelled, method: m, path: call.path,
                              message: "\(m) \(call.path) was cancelled.", suggestion: "Start it again when you are ready.")
        }
    }

    private func statusError(_ call: Call, _ r: RawResponse) -> RevoxError {
        let json = try? JSONParser.parse(r.body)
        let raw = ResponseText.sanitised(r.body, maskingKey: sanitisedKeyMask)
        let serverMessage = json.flatMap(ErrorBody.message(in:)).map { ResponseText.sanitised($0, maskingKey: sanitisedKeyMask) }
        let fields = (json.map(ErrorBody.fieldErrors(in:)) ?? []).map {
            FieldError(path: ResponseText.sanitised($0.path, maskingKey: sanitisedKeyMask), message: ResponseText.sanitised($0.message, maskingKey: sanitisedKeyMask))
        }
        let said = serverMessage.map { " The server said: \($0)" } ?? ""
        let m = call.method.rawValue
        func make(_ kind: RevoxError.Kind, _ message: String, _ suggestion: String, retryAfter: Double? = nil) -> RevoxError {
            RevoxError(kind: kind, method: m, path: call.path, status: r.status, fieldErrors: fields, retryAfter: retryAfter,
                       rawBody: raw, serverMessage: serverMessage, message: message, suggestion: suggestion)
        }
        switch r.status {
        case 400:
            return make(.badRequest, "The server could not accept the request (400 Bad Request).\(said)",
                        "Check the request body against 'assistant-wizard validate'; the details show the server's answer.")
        case 401:
            if configuration.apiKey == nil {
                return make(.unauthorized, "No API key was sent, and \(host) requires one (401 Unauthorized).",
                            "Set REVOX_API_KEY, or put the key in ~/.config/assistant-wizard/api-key (chmod 600), or use --sandbox to work offline.")
            }
            return make(.unauthorized, "The API key \(configuration.apiKey!.masked) (from \(configuration.keySource)) was refused (401 Unauthorized).\(said)",
                        "Check that the key is complete and still valid; create a new one in the Revox dashboard if needed.")
        case 403:
            return make(.forbidden, "The API key is not allowed to do \(m) \(call.path) (403 Forbidden).\(said)",
                        "Check the key's organisation and permissions in the Revox dashboard.")
        case 404:
            let what = call.path.hasPrefix("/assistants/") ? "No assistant with that id exists (404 Not Found)." : "\(call.path) was not found on \(host) (404 Not Found)."
            return make(.notFound, what + said,
                        call.path.hasPrefix("/assistants/") ? "Check the id with 'assistant-wizard assistants list'; it may have been deleted."
                                                            : "Check the base URL (\(configuration.baseURL)).")
        case 409:
            return make(.conflict, "The server refused \(m) \(call.path) because it conflicts with the current state (409 Conflict).\(said)",
                        "Reload the assistant ('assistant-wizard assistants get ID') and apply the change again.")
        case 422:
            let list = fields.prefix(5).map(\.description).joined(separator: "; ")
            let n = fields.count
            guard n > 0 else {
                // A shape we do not know: what the server said is all there is to go on.
                let shown = serverMessage ?? ResponseText.oneLine(raw, max: 300)
                return make(.invalidFields,
                            "The server rejected the request (422 Unprocessable Entity)" + (shown.isEmpty ? " without saying why." : ". The server said: \(shown)"),
                            "Fix what the server names and send again; nothing was created. 'assistant-wizard validate' checks the fields it knows.")
            }
            let summary = "The server rejected \(n) field\(n == 1 ? "" : "s") (422): \(list)\(n > 5 ? "; …" : "")."
            return make(.invalidFields, summary, "Fix the fields named and send again; nothing was created.")
        case 429:
            let wait = r.retryAfter.map { " and asks to wait \(formatSeconds($0))" } ?? ""
            return make(.rateLimited, "Too many requests: \(host) is rate-limiting this key (429)\(wait).",
                        r.retryAfter.map { "Wait \(formatSeconds($0)), then try again." } ?? "Wait a minute, then try again.",
                        retryAfter: r.retryAfter)
        case 500...599:
            return make(.serverError, "\(host) failed while handling \(m) \(call.path) (\(r.status) \(Self.reason(r.status))).\(said)",
                        call.isCreate ? "This is a problem on the server's side. Check 'assistant-wizard assistants list' before sending again: a server error does not always mean nothing was created."
                                      : "This is a problem on the server's side; try again in a few minutes.")
        case 300...399:
            return make(.unexpectedStatus, "\(host) answered with a redirect (\(r.status)), which this program does not follow.",
                        "The base URL (\(configuration.baseURL)) is probably wrong; use the API's address, e.g. \(RevoxConfiguration.defaultBaseURL).")
        default:
            return make(.unexpectedStatus, "\(host) answered \(m) \(call.path) with an unexpected status \(r.status).\(said)",
                        "See the details for the server's answer.")
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Server Error"
        }
    }
}

/// The first of several results offered, to one waiter; later offers are dropped.
final class FirstResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: T?
    private var waiter: CheckedContinuation<T, Never>?

    func offer(_ value: T) {
        lock.lock()
        guard result == nil else { lock.unlock(); return }
        result = value
        let w = waiter
        waiter = nil
        lock.unlock()
        w?.resume(returning: value)
    }

    func value() async -> T {
        await withCheckedContinuation { (c: CheckedContinuation<T, Never>) in
            lock.lock()
            if let result {
                lock.unlock()
                c.resume(returning: result)
            } else {
                waiter = c
                lock.unlock()
            }
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (s, a) = components
        return s * 1_000_000_000 + a / 1_000_000_000
    }
    var seconds: Double { Double(nanoseconds) / 1e9 }
}
