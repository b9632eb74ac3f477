import AssistantModel

/// A failed API call, typed by cause. `message` says what happened in plain words, `suggestion` what
/// to do next; `rawBody` (sanitised) and `detail` are for a details view. No field ever holds the key.
public struct RevoxError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The server could not be reached at all; nothing was sent.
        case noConnection
        /// No answer in time (GET, PATCH, DELETE; a create that times out is `outcomeUnknown`).
        case timeout
        case badRequest          // 400
        case unauthorized        // 401: bad or missing key
        case forbidden           // 403
        case notFound            // 404
        case conflict            // 409
        case invalidFields       // 422, with `fieldErrors`
        case rateLimited         // 429, with `retryAfter`
        case serverError         // 5xx
        /// Any other status the API does not document (a 3xx from a wrong base URL, a 418…).
        case unexpectedStatus
        /// An answer that is not the JSON it should be.
        case invalidResponse
        /// A create that may have reached the server: never re-sent automatically.
        case outcomeUnknown
        /// The caller cancelled the task before an answer arrived.
        case cancelled
    }

    public let kind: Kind
    /// `POST`, `GET`, …, and the path (`/assistants/asst_1`), for the details view.
    public let method: String
    public let path: String
    public let status: Int?
    public let fieldErrors: [FieldError]
    /// Seconds the server asked to wait (429 `Retry-After`).
    public let retryAfter: Double?
    /// The response body with control characters stripped (and the key, were it echoed, masked).
    public let rawBody: String
    /// A human-readable message the server put in its error body, when it had one.
    public let serverMessage: String?
    /// The transport-level cause (e.g. "Connection refused"), for the details view.
    public let detail: String?
    public let message: String
    public let suggestion: String

    public var description: String { message }

    /// True when the server may hold the resource even though the call failed.
    public var mayHaveBeenCreated: Bool { kind == .outcomeUnknown }

    /// True when the server looked at the request and refused it (4xx): sending it again unchanged will not help.
    public var isRejection: Bool {
        switch kind {
        case .badRequest, .unauthorized, .forbidden, .notFound, .conflict, .invalidFields: return true
        case .unexpectedStatus: return (status ?? 0) >= 400 && (status ?? 0) < 500 && status != 429
        default: return false
        }
    }

    public init(
        kind: Kind, method: String, path: String, status: Int? = nil, fieldErrors: [FieldError] = [],
        retryAfter: Double? = nil, rawBody: String = "", serverMessage: String? = nil, detail: String? = nil,
        message: String, suggestion: String
    ) {
        self.kind = kind
        self.method = method
        self.path = path
        self.status = status
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
        self.rawBody = rawBody
        self.serverMessage = serverMessage
        self.detail = detail
        self.message = message
        self.suggestion = suggestion
    }

    /// Everything a details view shows, one item a line.
    public var details: String {
        var lines = ["\(method) \(path)" + (status.map { " → \($0)" } ?? "")]
        for f in fieldErrors { lines.append("  \(f.path.isEmpty ? "(body)" : f.path): \(f.message)") }
        if let retryAfter { lines.append("Retry-After: \(formatSeconds(retryAfter))") }
        if let detail { lines.append("cause: \(detail)") }
        if !rawBody.isEmpty { lines.append("response body:\n\(rawBody)") }
        return lines.joined(separator: "\n")
    }
}

/// One field the server rejected, placed by a JSON path in the form the validator uses (`voice.speed`,
/// `faq_items[2].answer`); an empty path means the body as a whole.
public struct FieldError: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension FieldError {
    /// The server's field message as an issue at the path it names, so it is placed by the same
    /// component comparison as the validator's (`voice["speed"]` is `voice.speed`). A path that
    /// is not a JSON path is kept whole as one key: it stays visible and claims no field.
    public var issue: ValidationIssue {
        .error(JSONPath(parsing: path) ?? JSONPath([.key(path)]), "server: " + message)
    }
}

package func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : "\((s * 10).rounded() / 10) s"
}
