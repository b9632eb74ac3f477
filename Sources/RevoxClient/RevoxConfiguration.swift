import Foundation

/// Where to send requests and with which key, resolved the way the official SDKs do it, plus a key
/// file for people who do not want the key in their shell environment.
///
/// Base URL: `--base-url` > `REVOX_BASE_URL` > `https://www.getrevox.com/api`.
/// Key: `REVOX_API_KEY` > `--api-key-file PATH` > `$XDG_CONFIG_HOME/assistant-wizard/api-key`
/// (`~/.config/assistant-wizard/api-key` when XDG_CONFIG_HOME is unset).
public struct RevoxConfiguration: Sendable, Equatable {
    public static let defaultBaseURL = "https://www.getrevox.com/api"

    /// Where the key came from, so screens can say "key from REVOX_API_KEY (sk_…1a2b)".
    public enum KeySource: Sendable, Equatable, CustomStringConvertible {
        case environment
        case file(String)
        case explicit
        case none

        public var description: String {
            switch self {
            case .environment: return "REVOX_API_KEY"
            case .file(let path): return path
            case .explicit: return "given directly"
            case .none: return "no key configured"
            }
        }
    }

    /// Normalised: no trailing slash, so `baseURL + "/assistants"` is the endpoint.
    public let baseURL: String
    public let apiKey: APIKey?
    public let keySource: KeySource

    /// False when no key was found anywhere: the wizard then offers the offline sandbox.
    public var hasKey: Bool { apiKey != nil }

    /// A configuration from values already in hand (the sandbox, tests). The URL is checked the same way.
    public init(baseURL: String, apiKey: APIKey?, keySource: KeySource = .explicit) throws(ConfigurationError) {
        self.baseURL = try Self.checkedBaseURL(baseURL)
        self.apiKey = apiKey
        self.keySource = apiKey == nil ? .none : keySource
        if let apiKey, apiKey.hasControlCharacters {
            throw ConfigurationError(.keyMalformed, "the API key from \(self.keySource) contains control characters (a pasted line break?); store it on one line")
        }
    }

    /// Resolves the base URL and the key. `environment` is passed in (not read from the process) so
    /// callers and tests decide exactly what is seen. A missing default key file is not an error:
    /// the result then has no key.
    public static func load(
        baseURL flagURL: String? = nil,
        apiKeyFile flagKeyFile: String? = nil,
        environment: [String: String]
    ) throws(ConfigurationError) -> RevoxConfiguration {
        let url = nonEmpty(flagURL) ?? nonEmpty(environment["REVOX_BASE_URL"]) ?? defaultBaseURL
        if let key = environment["REVOX_API_KEY"].flatMap(APIKey.init) {
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .environment)
        }
        if let path = nonEmpty(flagKeyFile) {
            let key = try readKeyFile(path, mustExist: true)
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .file(path))
        }
        if let path = defaultKeyFilePath(environment: environment), let key = try readKeyFile(path, mustExist: false) {
            return try RevoxConfiguration(baseURL: url, apiKey: key, keySource: .file(path))
        }
        return try RevoxConfiguration(baseURL: url, apiKey: nil, keySource: .none)
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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(.keyFileUnreadable, "cannot read the API key file \(path): permission denied")
        }
        guard let key = APIKey(String(decoding: data, as: UTF8.self)) else {
            throw ConfigurationError(.keyFileEmpty, "the API key file \(path) is empty; put the key on its first line")
        }
        return key
    }

    /// Accepts `https://` anywhere and plain `http://` only for this machine (127.0.0.0/8, localhost,
    /// ::1): a key sent in clear over a network can be read by anyone on the path.
    static func checkedBaseURL(_ raw: String) throws(ConfigurationError) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw ConfigurationError(.invalidBaseURL, "the base URL '\(raw)' is not a valid URL; expected something like \(defaultBaseURL)")
        }
        guard url.query == nil, url.fragment == nil else {
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
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }
}
