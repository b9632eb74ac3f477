/// How much an issue matters: an error blocks sending, a warning does not.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in a request body, placed by a JSON path such as `faq_items[2].answer`.
public struct ValidationIssue: Sendable, Hashable {
    public var path: JSONPath
    public var severity: Severity
    public var message: String

    public init(path: JSONPath, severity: Severity, message: String) {
        self.path = path
        self.severity = severity
        self.message = message
    }

    /// Whether the issue is about the field at `field`: on it, or (`deep`) on anything inside it,
    /// such as a list's rows or an object's fields. The one place this is decided, by components:
    /// `voice` holds `voice.speed` and `voice["odd key"]`, not `voice_extra`, whatever the spelling.
    public func belongs(to field: JSONPath, deep: Bool = true) -> Bool {
        deep ? field.contains(path) : path == field
    }

    public static func error(_ path: JSONPath, _ message: String) -> ValidationIssue { .init(path: path, severity: .error, message: message) }
    public static func warning(_ path: JSONPath, _ message: String) -> ValidationIssue { .init(path: path, severity: .warning, message: message) }
}

extension Array where Element == ValidationIssue {
    public var errors: [ValidationIssue] { filter { $0.severity == .error } }
    public var warnings: [ValidationIssue] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
