/// Why the base URL or the API key could not be used. Each message says where and how to fix it;
/// none contains the key.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case invalidBaseURL
        case insecureBaseURL
        case keyFileTooOpen
        case keyFileUnreadable
        case keyFileEmpty
        case keyMalformed
        case invalidTimeout
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
