/// An API key that cannot leak by accident: printing, interpolating, dumping or logging it gives the
/// masked form (`sk_…1a2b`). Only the HTTP layer reads `secret`, to build the Authorization header.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let secret: String

    /// nil when the text is empty after trimming (an empty env var or file means "no key").
    public init?(_ raw: String) {
        let trimmed = PlainText.trimmed(raw)
        guard !trimmed.isEmpty else { return nil }
        secret = trimmed
    }

    /// A short prefix (up to the first `_`, or 3 characters), an ellipsis and the last 4 characters.
    /// Keys too short to hide anything show only the prefix mark.
    public var masked: String {
        let chars = Array(secret)
        guard chars.count >= 12 else { return "…" }
        let prefixLength: Int
        if let underscore = chars.prefix(8).firstIndex(of: "_") {
            prefixLength = underscore + 1
        } else {
            prefixLength = 3
        }
        return String(chars.prefix(prefixLength)) + "…" + String(chars.suffix(4))
    }

    public var description: String { masked }
    public var debugDescription: String { "APIKey(\(masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }
}
