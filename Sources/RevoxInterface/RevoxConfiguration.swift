#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON

/// Where to send requests and with which key, resolved the way the official SDKs do it, plus a key
/// file for people who do not want the key in their shell environment.
///
/// Base URL: `--base-url` > `REVOX_BASE_URL` > `https://www.getrevox.com/api`.
/// Key: `--api-key-file PATH` > `REVOX_API_KEY` > `$XDG_CONFIG_HOME/assistant-wizard/api-key`
/// (`~/.config/assistant-wizard/api-key` when XDG_CONFIG_HOME is unset): the command line wins over
/// the environment, which wins over files, as in the official SDKs.
/// Deadline of one operation: `--timeout` > `REVOX_TIMEOUT` > 60 s.
public struct RevoxConfiguration: Sendable, Equatable {
    public static let defaultBaseURL = "https://www.getrevox.com/api"

    /// Where the key came from, so screens can say "key from REVOX_API_KEY (sk_…1a2b)".
    public enum KeySource: Sendable, Equatable, CustomStringConvertible {
        case environment
        /// The default key file (XDG).
        case file(String)
        /// The file named by `--api-key-file`.
        case flagFile(String)
        case explicit
        case none

        public var description: String {
            switch self {
            case .environment: return "REVOX_API_KEY"
            case .file(let path): return "the key file \(path)"
            case .flagFile(let path): return "--api-key-file \(path)"
            case .explicit: return "given directly"
            case .none: return "no key configured"
            }
        }
    }

    public static let defaultTimeout: Duration = .seconds(60)

    /// Normalised: no trailing slash, so `baseURL + "/assistants"` is the endpoint.
    public let baseURL: String
    public let apiKey: APIKey?
    public let keySource: KeySource
    /// How long one operation (connect, send, the whole answer, retries and their waits) may take.
    public let timeout: Duration

    /// False when no key was found anywhere: the wizard then offers the offline sandbox.
    public var hasKey: Bool { apiKey != nil }

    /// A configuration from values already in hand (the sandbox, tests). The URL is checked the same way.
    public init(baseURL: String, apiKey: APIKey?, keySource: KeySource = .explicit,
                timeout: Duration = RevoxConfiguration.defaultTimeout) throws(ConfigurationError) {
        self.baseURL = try Self.checkedBaseURL(baseURL)
        self.apiKey = apiKey
        self.keySource = apiKey == nil ? .none : keySource
        self.timeout = timeout
        if let apiKey, let problem = KeyText.problem(in: apiKey.secret) {
            throw ConfigurationError(.keyMalformed, "the API key from \(self.keySource) \(problem); it would be refused with 401. Store the key as plain text on one line")
        }
    }

    /// Resolves the base URL and the key. `environment` is passed in (not read from the process) so
    /// callers and tests decide exactly what is seen. A missing default key file is not an error:
    /// the result then has no key.
    public static func load(
        baseURL flagURL: String? = nil,
        apiKeyFile flagKeyFile: String? = nil,
        timeout flagTimeout: String? = nil,
        environment: [String: String]
    ) throws(ConfigurationError) -> RevoxConfiguration {
        let url = nonEmpty(flagURL) ?? nonEmpty(environment["REVOX_BASE_URL"]) ?? defaultBaseURL
        let timeout = try timeout(flag: flagTimeout, environment: environment)
        if let path = nonEmpty(flagKeyFile) {
            let key = try readKeyFile(path, mustExist: true)
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .flagFile(path), timeout: timeout)
        }
        if let key = environment["REVOX_API_KEY"].flatMap(APIKey.init) {
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .environment, timeout: timeout)
        }
        if let path = defaultKeyFilePath(environment: environment), let key = try readKeyFile(path, mustExist: false) {
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .file(path), timeout: timeout)
        }
        return try RevoxConfiguration(baseURL: url, apiKey: nil, keySource: .none, timeout: timeout)
    }

    /// `--timeout` > `REVOX_TIMEOUT` > 60 s: seconds, a positive number up to a day (`90`, `2.5`).
    public static func timeout(flag: String?, environment: [String: String]) throws(ConfigurationError) -> Duration {
        let (raw, source): (String?, String) = nonEmpty(flag) != nil ? (flag, "--timeout") : (nonEmpty(environment["REVOX_TIMEOUT"]), "REVOX_TIMEOUT")
        guard let raw else { return defaultTimeout }
        let text = PlainText.trimmed(raw, newlines: false)
        guard let s = Double(text.hasSuffix("s") ? String(text.dropLast()) : text), s.isFinite, s > 0, s <= 86_400 else {
            throw ConfigurationError(.invalidTimeout, "\(source) '\(raw)' is not a number of seconds between 0 and 86400 (e.g. 60 or 2.5)")
        }
        return .milliseconds(Int64((s * 1000).rounded(.up)))
    }

    /// `$XDG_CONFIG_HOME/assistant-wizard/api-key`, else `$HOME/.config/assistant-wizard/api-key`.
    public static func defaultKeyFilePath(environment: [String: String]) -> String? {
        if let xdg = nonEmpty(environment["XDG_CONFIG_HOME"]) { return xdg + "/assistant-wizard/api-key" }
        if let home = nonEmpty(environment["HOME"]) { return home + "/.config/assistant-wizard/api-key" }
        return nil
    }

    /// Reads a key file, refusing one that group or others can read: a key in a world-readable file
    /// is a key anyone on the machine can use.
    static func readKeyFile(_ path: String, mustExist: Bool) throws(ConfigurationError) -> APIKey? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let err = errno
            if err == ENOENT && !mustExist { return nil }
            throw ConfigurationError(.keyFileUnreadable, "cannot read the API key file \(path): \(String(cString: strerror(err)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigurationError(.keyFileUnreadable, "the API key file \(path) is not a regular file")
        }
        let mode = st.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw ConfigurationError(
                .keyFileTooOpen,
                "refusing to use the API key file \(path): it is readable by group or others (mode \(String(mode, radix: 8))). Fix it with: chmod 600 \(path)")
        }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path, limit: 1 << 20) } catch {
            throw ConfigurationError(.keyFileUnreadable, "cannot read the API key file \(error.description)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = KeyText.firstInvalidUTF8Offset(bytes) ?? 0
            throw ConfigurationError(.keyMalformed, "the API key file \(path) is not valid UTF-8 text (byte \(bad + 1) is 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the key as plain text on one line")
        }
        guard let key = APIKey(text) else {
            throw ConfigurationError(.keyFileEmpty, "the API key file \(path) is empty; put the key on its first line")
        }
        if let problem = KeyText.problem(in: key.secret) {
            throw ConfigurationError(.keyMalformed, "the API key file \(path) \(problem); the server would refuse the key with 401. Save the key as plain text on one line")
        }
        return key
    }

    /// Accepts `https://` anywhere and plain `http://` only for this machine (127.0.0.0/8, localhost,
    /// ::1): a key sent in clear over a network can be read by anyone on the path.
    static func checkedBaseURL(_ raw: String) throws(ConfigurationError) -> String {
        var text = PlainText.trimmed(raw)
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URLParts(text), case let scheme = url.scheme.lowercased(), case let host = url.host, !host.isEmpty else {
            throw ConfigurationError(.invalidBaseURL, "the base URL '\(raw)' is not a valid URL; expected something like \(defaultBaseURL)")
        }
        guard !url.hasQuery, !url.hasFragment else {
            throw ConfigurationError(.invalidBaseURL, "the base URL '\(raw)' must not have a query or fragment")
        }
        switch scheme {
        case "https":
            return text
        case "http":
            guard isLoopback(host) else {
                throw ConfigurationError(
                    .insecureBaseURL,
                    "the base URL '\(raw)' uses plain http:// to another machine, which would send the API key unencrypted; use https://, or http:// only for 127.0.0.1, localhost or ::1")
            }
            return text
        default:
            throw ConfigurationError(.invalidBaseURL, "the base URL '\(raw)' must start with https:// (or http:// for a local server)")
        }
    }

    static func isLoopback(_ rawHost: String) -> Bool {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && UInt8(p) != nil }
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !PlainText.trimmed(s, newlines: false).isEmpty else { return nil }
        return s
    }
}
