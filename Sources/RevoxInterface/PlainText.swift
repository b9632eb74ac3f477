/// The few string operations the configuration needs, without Foundation: the program people start
/// links no Foundation (issue 15), so trimming and URL checks are done on Unicode scalars here.
package enum PlainText {
    /// `text` without leading and trailing white space: with `newlines`, every White_Space scalar
    /// (Foundation's `.whitespacesAndNewlines`); without, spaces (category Zs) and tabs (`.whitespaces`).
    package static func trimmed(_ text: String, newlines: Bool = true) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            newlines ? s.properties.isWhitespace : (s == "\t" || s.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// The parts of an absolute URL the base-URL rules look at (RFC 3986, `scheme://authority/path?query#fragment`).
package struct URLParts: Equatable {
    package let scheme: String
    /// Without user info and port; an IPv6 literal keeps its brackets.
    package let host: String
    package let hasQuery: Bool
    package let hasFragment: Bool

    /// nil when the text is not an absolute URL with an authority, or holds characters a URL
    /// cannot (spaces, controls, non-ASCII), as Foundation's `URL(string:)` refuses them.
    package init?(_ text: String) {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
        guard let sep = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<sep.lowerBound]
        guard let f = scheme.first, f.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        let rest = text[sep.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || (after.hasPrefix(":") && after.dropFirst().allSatisfy(\.isNumber)) else { return nil }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            guard authority[authority.index(after: colon)...].allSatisfy(\.isNumber) else { return nil }
        }
        guard host.hasPrefix("[") || (!host.contains("[") && !host.contains("]")) else { return nil }
        self.scheme = String(scheme)
        self.host = String(host)
        let tail = rest[authorityEnd...]
        hasQuery = tail.contains("?")
        hasFragment = tail.contains("#")
    }
}
