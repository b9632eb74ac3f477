/// The text formats the API expects, as small pure checks usable outside the validator too
/// (the wizard can check a field as the user types). Each returns nil when the text is fine.
public enum TextFormats {
    /// True when the text is empty or only whitespace.
    public static func isBlank(_ s: String) -> Bool {
        // Scans bytes first: a 1 MB prompt is decided at its first letter without grapheme breaking.
        for b in s.utf8 {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: return s.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// E.164: `+`, then 2 to 15 digits, the first not 0.
    public static func e164Problem(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.first == UInt8(ascii: "+") else { return "must be in E.164 format: '+', country code and number, e.g. +14155550100" }
        let digits = b.dropFirst()
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return "must be in E.164 format: '+' followed by digits only (no spaces, dashes or brackets), e.g. +14155550100"
        }
        guard (2...15).contains(digits.count) else { return "must have 2 to 15 digits after '+' (E.164), found \(digits.count)" }
        guard digits.first != 0x30 else { return "the country code cannot start with 0 (E.164), e.g. +14155550100" }
        return nil
    }

    public enum URLCheck: Equatable, Sendable {
        case ok
        /// Valid but sent over plain http.
        case insecure
        case invalid(String)
    }

    /// An absolute http(s) URL with a host, e.g. `https://example.com/hooks/revox`.
    public static func checkWebURL(_ s: String) -> URLCheck {
        let example = "e.g. https://example.com/webhook"
        if s.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) { return .invalid("must be a URL without spaces or control characters, \(example)") }
        let lower = s.lowercased()
        let secure: Bool
        let rest: Substring
        if lower.hasPrefix("https://") { secure = true; rest = s.dropFirst(8) }
        else if lower.hasPrefix("http://") { secure = false; rest = s.dropFirst(7) }
        else { return .invalid("must be an absolute URL starting with https:// or http://, \(example)") }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var host = hostPort
        if hostPort.hasPrefix("[") { // IPv6 literal
            guard let close = hostPort.firstIndex(of: "]") else { return .invalid("has an unclosed '[' in its host") }
            host = hostPort[...close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty && !(after.first == ":" && after.dropFirst().allSatisfy(\.isASCII) && after.dropFirst().allSatisfy(\.isNumber)) {
                return .invalid("has an invalid port")
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            host = hostPort[..<colon]
            let port = hostPort[hostPort.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535 else {
                return .invalid("has an invalid port '\(port)' (a number 1-65535)")
            }
        }
        guard !host.isEmpty else { return .invalid("has no host, \(example)") }
        return secure ? .ok : .insecure
    }

    /// Minutes after midnight for `HH:mm` (24-hour, e.g. `09:30`, `17:00`) or `H[:mm]am|pm`
    /// (12-hour, e.g. `10am`, `6:30pm`), or nil when the text is neither.
    public static func clockMinutes(_ s: String) -> Int? {
        let b = Array(s.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard !r.isEmpty, r.allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        // The am/pm suffix in either case; `| 0x20` lowers an ASCII letter.
        let meridiem = b.count >= 3 && b[b.count - 1] | 0x20 == UInt8(ascii: "m") ? b[b.count - 2] | 0x20 : 0
        if meridiem == UInt8(ascii: "a") || meridiem == UInt8(ascii: "p") {
            let body = 0..<(b.count - 2)
            let hour: Int, minute: Int
            if let colon = b[body].firstIndex(of: UInt8(ascii: ":")) {
                guard colon - body.lowerBound <= 2, body.upperBound - colon == 3,
                      let h = num(body.lowerBound..<colon), let m = num((colon + 1)..<body.upperBound) else { return nil }
                hour = h; minute = m
            } else {
                guard body.count <= 2, let h = num(body) else { return nil }
                hour = h; minute = 0
            }
            guard (1...12).contains(hour), (0...59).contains(minute) else { return nil }
            return (hour % 12 + (meridiem == UInt8(ascii: "p") ? 12 : 0)) * 60 + minute
        }
        guard b.count == 5, b[2] == UInt8(ascii: ":"), let h = num(0..<2), let m = num(3..<5),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: the shape a structured output name needs to be a key in code.
    /// The same shape a JSON path writes bare, so such a name also reads plainly in issue paths.
    public static func isIdentifier(_ s: String) -> Bool { JSONPath.isIdentifier(s) }
    /// One e-mail address or several separated by commas (`alice@x.com, bob@y.com`): each with one
    /// `@`, something before it, a dotted domain after it, and no spaces inside.
    public static func emailListProblem(_ s: String) -> String? {
        for var part in s.split(separator: ",", omittingEmptySubsequences: false) {
            while part.first == " " { part.removeFirst() }
            while part.last == " " { part.removeLast() }
            if part.isEmpty { return "has an empty address between commas; write alice@example.com or alice@example.com, bob@example.com" }
            let at = part.split(separator: "@", omittingEmptySubsequences: false)
            let ok = at.count == 2 && !at[0].isEmpty && at[1].contains(".") && !at[1].hasPrefix(".") && !at[1].hasSuffix(".")
                && !part.contains(where: { $0.isWhitespace || $0.isNewline })
            if !ok { return "\"\(part)\" is not an e-mail address (like alice@example.com)" }
        }
        return nil
    }
}
