import Foundation
import RevoxClient
import Testing

@Suite("Configuration: base URL, key loading, masking")
struct ConfigurationTests {
    @Test func defaultsWithNothingSet() throws {
        let dir = try makeTempDir()
        let c = try RevoxConfiguration.load(environment: ["HOME": dir.path])
        #expect(c.baseURL == "https://www.getrevox.com/api")
        #expect(!c.hasKey)
        #expect(c.keySource == .none)
    }

    @Test func baseURLFlagBeatsEnvironment() throws {
        let env = ["REVOX_BASE_URL": "https://env.example.com/api/", "HOME": "/nonexistent"]
        #expect(try RevoxConfiguration.load(environment: env).baseURL == "https://env.example.com/api")
        #expect(try RevoxConfiguration.load(baseURL: "https://flag.example.com", environment: env).baseURL == "https://flag.example.com")
    }

    /// Issue 11: the command line wins over the environment, which wins over files (as the SDKs).
    @Test func keyOrderFlagFileThenEnvThenDefaultFile() throws {
        let dir = try makeTempDir()
        let xdg = dir.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: xdg.appendingPathComponent("assistant-wizard"), withIntermediateDirectories: true)
        let defaultFile = xdg.appendingPathComponent("assistant-wizard/api-key")
        try writeFile(defaultFile, "sk_default_000000001111\n", mode: 0o600)
        let flagFile = dir.appendingPathComponent("flag-key")
        try writeFile(flagFile, "  sk_flag_000000002222  \n", mode: 0o600)

        var env = ["XDG_CONFIG_HOME": xdg.path, "HOME": "/nonexistent"]
        var c = try RevoxConfiguration.load(environment: env)
        #expect(c.apiKey?.secret == "sk_default_000000001111")
        #expect(c.keySource == .file(defaultFile.path))

        c = try RevoxConfiguration.load(apiKeyFile: flagFile.path, environment: env)
        #expect(c.apiKey?.secret == "sk_flag_000000002222")

        env["REVOX_API_KEY"] = "sk_env_000000003333"
        c = try RevoxConfiguration.load(apiKeyFile: flagFile.path, environment: env)
        #expect(c.apiKey?.secret == "sk_flag_000000002222", "--api-key-file on the command line wins over REVOX_API_KEY")
        #expect(c.keySource == .flagFile(flagFile.path))
        #expect("\(c.keySource)" == "--api-key-file \(flagFile.path)")

        c = try RevoxConfiguration.load(environment: env)
        #expect(c.apiKey?.secret == "sk_env_000000003333", "REVOX_API_KEY wins over the default key file")
        #expect(c.keySource == .environment)
    }

    /// Issue 12: invisible characters in a key file are hidden by the masked key; say what and where.
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("sk_live_0123456789abcdef\n".utf8), "byte order mark"),
        (Array("sk_live_0123\u{200B}456789abcdef".utf8), "zero-width space"),
        (Array("sk_live_0123".utf8) + [0xFF, 0xFE] + Array("456789abcdef".utf8), "not valid UTF-8"),
        (Array("sk_live_0123\u{2060}456789abcdef".utf8), "zero-width"),
        (Array("sk_live_0123é456789abcdef".utf8), "non-ASCII"),
    ] as [([UInt8], String)])
    func aKeyFileWithInvisibleOrInvalidTextIsRefused(bytes: [UInt8], problem: String) throws {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("api-key")
        try Data(bytes).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect {
            try RevoxConfiguration.load(apiKeyFile: file.path, environment: ["HOME": dir.path])
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.kind == .keyMalformed && e.message.contains(problem) && e.message.contains(file.path)
                && !e.message.contains("456789abcdef")
        }
    }

    @Test func aKeyWithAZeroWidthSpaceInTheEnvironmentIsRefusedNamingIt() {
        #expect {
            try RevoxConfiguration.load(environment: ["REVOX_API_KEY": "\u{FEFF}sk_live_0123456789abcdef"])
        } throws: { error in
            let m = (error as? ConfigurationError)?.message ?? ""
            return m.contains("REVOX_API_KEY") && m.contains("byte order mark") && m.contains("at its start")
        }
    }

    @Test func theTimeoutComesFromTheFlagThenTheEnvironmentThenSixtySeconds() throws {
        #expect(try RevoxConfiguration.load(environment: [:]).timeout == .seconds(60))
        #expect(try RevoxConfiguration.load(environment: ["REVOX_TIMEOUT": "7"]).timeout == .seconds(7))
        #expect(try RevoxConfiguration.load(timeout: "2.5", environment: ["REVOX_TIMEOUT": "7"]).timeout == .milliseconds(2500))
        for bad in ["0", "-3", "abc", "1e9", "nan"] {
            #expect {
                try RevoxConfiguration.load(environment: ["REVOX_TIMEOUT": bad])
            } throws: { ($0 as? ConfigurationError)?.kind == .invalidTimeout && "\($0)".contains("REVOX_TIMEOUT '\(bad)'") }
        }
        #expect {
            try RevoxConfiguration.load(timeout: "soon", environment: [:])
        } throws: { "\($0)".contains("--timeout 'soon'") }
    }

    @Test func homeConfigIsTheFallbackDefault() throws {
        let home = try makeTempDir()
        let file = home.appendingPathComponent(".config/assistant-wizard/api-key")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try writeFile(file, "sk_home_000000004444", mode: 0o600)
        #expect(try RevoxConfiguration.load(environment: ["HOME": home.path]).apiKey?.secret == "sk_home_000000004444")
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func aKeyFileOthersCanReadIsRefused(mode: Int) throws {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("api-key")
        try writeFile(file, "sk_open_000000005555", mode: mode)
        #expect {
            try RevoxConfiguration.load(apiKeyFile: file.path, environment: ["HOME": dir.path])
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.kind == .keyFileTooOpen && e.message.contains("chmod 600 \(file.path)") && !e.message.contains("sk_open")
        }
    }

    @Test func missingOrEmptyExplicitKeyFileIsAnError() throws {
        let dir = try makeTempDir()
        #expect(throws: ConfigurationError.self) {
            try RevoxConfiguration.load(apiKeyFile: dir.appendingPathComponent("absent").path, environment: [:])
        }
        let empty = dir.appendingPathComponent("empty")
        try writeFile(empty, "\n", mode: 0o600)
        #expect {
            try RevoxConfiguration.load(apiKeyFile: empty.path, environment: [:])
        } throws: { ($0 as? ConfigurationError)?.kind == .keyFileEmpty }
    }

    @Test(arguments: ["http://127.0.0.1:8787", "http://localhost:1234/api", "http://[::1]:9000", "http://127.1.2.3", "https://api.example.com"])
    func allowedBaseURLs(url: String) throws {
        _ = try RevoxConfiguration(baseURL: url, apiKey: nil)
    }

    @Test(arguments: ["http://www.getrevox.com/api", "http://192.168.1.10:8787", "http://127.0.0.1.evil.com", "http://localhost.evil.com", "ftp://x.com", "not a url"])
    func refusedBaseURLs(url: String) {
        #expect(throws: ConfigurationError.self) { try RevoxConfiguration(baseURL: url, apiKey: nil) }
    }

    /// The base URL is checked without Foundation (the lean wizard process has none): user info,
    /// ports, IPv6 and white space read as Foundation's URL read them.
    @Test func baseURLsAreReadAsFoundationReadThem() throws {
        #expect(try RevoxConfiguration(baseURL: "  https://api.example.com/api/ \n", apiKey: nil).baseURL == "https://api.example.com/api")
        _ = try RevoxConfiguration(baseURL: "http://user:pw@127.0.0.1:8787/api", apiKey: nil)
        _ = try RevoxConfiguration(baseURL: "HTTP://LOCALHOST:80", apiKey: nil)
        for bad in ["http://127.0.0.1@evil.com/api", "http://127.0.0.1:80@evil.com", "https://api.example.com/api?x=1",
                    "https://api.example.com/#top", "https://exa mple.com", "https://", "https:///api", "://x.com",
                    "https://x.com:port", "https://[::1"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try RevoxConfiguration(baseURL: bad, apiKey: nil) }
        }
        #expect(RevoxConfiguration.defaultBaseURL == (try RevoxConfiguration(baseURL: RevoxConfiguration.defaultBaseURL, apiKey: nil).baseURL))
    }

    @Test func plainHTTPToARemoteHostSaysWhy() {
        #expect {
            try RevoxConfiguration.load(baseURL: "http://api.example.com", environment: [:])
        } throws: { ($0 as? ConfigurationError)?.kind == .insecureBaseURL && "\($0)".contains("https://") }
    }

    @Test func maskingNeverShowsTheWholeKey() {
        let k = APIKey("sk_live_abcdefghijklmnop1a2b")!
        #expect(k.masked == "sk_…1a2b")
        #expect("\(k)" == "sk_…1a2b")
        #expect(String(reflecting: k) == "APIKey(sk_…1a2b)")
        var dumped = ""
        dump(k, to: &dumped)
        #expect(!dumped.contains("abcdefghijklmnop"))
        #expect(APIKey("abcdefghijklmnopqrst")!.masked == "abc…qrst")
        #expect(APIKey("short")!.masked == "…")
        #expect(APIKey("   ") == nil)
    }

    @Test func aKeyWithALineBreakInsideIsRefused() {
        #expect(throws: ConfigurationError.self) {
            try RevoxConfiguration.load(environment: ["REVOX_API_KEY": "sk_abc\ndef_0000000"])
        }
    }
}
