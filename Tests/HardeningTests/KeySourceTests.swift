import AssistantModel
import Foundation
import Testing
@testable import Wizard

/// Issue 12 (and 11's key order): the key in use, whatever its source, never lands in a draft,
/// never leaks through an escape, and never goes where it has no business.
@Suite("Key sources and leaks", .serialized)
struct KeySourceTests {
    static let key = "sk_live_ECHOKEY_1234567890abcdef"

    static func keyFile(_ dir: String, _ bytes: [UInt8], name: String = "api-key") throws -> String {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    @Test("a draft holding the key is refused when the key comes from --api-key-file or the XDG key file", arguments: ["flag", "xdg"])
    func theKeyFromAFileNeverGoesIntoADraft(source: String) async throws {
        let home = try makeTempDir("key-draft")
        var args = ["new", "--accessible", "--sandbox"]
        if source == "flag" {
            args += ["--api-key-file", try Self.keyFile(home + "/keys", Array((Self.key + "\n").utf8))]
        } else {
            _ = try Self.keyFile(home + "/config/assistant-wizard", Array((Self.key + "\n").utf8))
        }
        // The name, then a prompt that holds the key; end of input saves the draft.
        let r = try await wizardCLI(args, env: hermeticEnv(home), stdin: Array("Leaky desk\nmy key is \(Self.key)\n".utf8))
        #expect(!r.signalled)
        let drafts = home + "/data"
        let holding = SecretTests.filesHolding(Self.key, under: drafts)
        #expect(holding.isEmpty, "\(source): files holding the key: \(holding)\n\(r.out)\(r.err)")
        #expect((r.out + r.err).contains("contains the API key"), "\(r.out)\(r.err)")
    }

    @Test("--api-key-file on the command line wins over REVOX_API_KEY; a refused key names its source")
    func theCommandLineWinsAndARefusalSaysWhichKey() async throws {
        let home = try makeTempDir("key-order")
        let file = try Self.keyFile(home + "/keys", Array("sk_live_FROMFILE_000011112222\n".utf8))
        let server = try RawServer { _, _ in RawServer.json(#"{"message": "invalid key"}"#, status: 401) }
        defer { server.stop() }
        let r = try await wizardCLI(["voices", "--api-key-file", file],
                                    env: hermeticEnv(home, ["REVOX_API_KEY": "sk_live_FROMENV_000033334444", "REVOX_BASE_URL": server.baseURL]))
        #expect(r.status == 1, "\(r.status): \(r.err)")
        #expect(r.err.contains("…2222") && r.err.contains("--api-key-file \(file)"), "\(r.err)")
        let env = try await wizardCLI(["voices"], env: hermeticEnv(home, ["REVOX_API_KEY": "sk_live_FROMENV_000033334444", "REVOX_BASE_URL": server.baseURL]))
        #expect(env.err.contains("…4444") && env.err.contains("from REVOX_API_KEY"), "\(env.err)")
    }

    @Test("a key file with a BOM, a zero-width space or invalid UTF-8 is refused, naming the problem and the file", arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("sk_live_0123456789abcdef\n".utf8), "byte order mark"),
        (Array("sk_live_0123\u{200B}456789abcdef\n".utf8), "zero-width space"),
        (Array("sk_live_0123".utf8) + [0xC3, 0x28] + Array("456789abcdef\n".utf8), "not valid UTF-8"),
    ] as [([UInt8], String)])
    func aKeyFileWithHiddenBytesIsRefused(bytes: [UInt8], problem: String) async throws {
        let home = try makeTempDir("key-bom")
        let file = try Self.keyFile(home + "/keys", bytes)
        let server = try RawServer { _, _ in RawServer.json(#"{"voices": []}"#) }
        defer { server.stop() }
        let r = try await wizardCLI(["voices", "--api-key-file", file], env: hermeticEnv(home, ["REVOX_BASE_URL": server.baseURL]))
        #expect(r.status == 2, "\(r.status): \(r.err)")
        #expect(r.err.contains(problem) && r.err.contains(file), "\(r.err)")
        #expect(server.requests.isEmpty, "nothing is sent with a key that cannot be right")
    }

    static let echoes = [
        #"sk_live_EC\u0048OKEY_1234567890abcdef"#,
        "sk_live_ECHOKEY%5F1234567890abcdef",
        "sk%5Flive%5FECHOKEY%5F1234567890abcdef",
    ]

    @Test("a server echoing the key with a JSON escape or percent-encoding does not get it printed", arguments: echoes)
    func anEscapedEchoIsMasked(echo: String) async throws {
        let server = try RawServer { _, _ in RawServer.json("{\"message\": \"bad key \(echo)\", \"url\": \"/x?k=\(echo)\"}", status: 500) }
        defer { server.stop() }
        let home = try makeTempDir("key-echo")
        for args in [["voices"], ["voices", "--json"]] {
            let r = try await wizardCLI(args, env: hermeticEnv(home, ["REVOX_API_KEY": Self.key, "REVOX_BASE_URL": server.baseURL]))
            let all = r.out + r.err
            #expect(r.status == 3, "\(args): \(r.status) \(all)")
            #expect(!all.contains(echo) && !all.contains(Self.key), "\(args): the key was printed:\n\(all)")
            #expect(!all.contains("1234567890abcde"), "\(args): most of the key was printed:\n\(all)")
            #expect(all.contains("sk_…cdef"), "\(args): \(all)")
        }
    }

    @Test("preview --curl refuses plain http:// to another machine, like every command that sends")
    func curlToPlainHTTPIsRefused() async throws {
        let home = try makeTempDir("curl-http")
        let draft = home + "/d.json"
        try Data(CanonicalJSON.encode(["name": "Front desk", "prompt": "You answer calls for {{company}}."])).write(to: URL(fileURLWithPath: draft))
        for url in ["http://example.com/api", "http://10.0.0.1:8080"] {
            let r = try await wizardCLI(["preview", "--curl", draft], env: hermeticEnv(home, ["REVOX_BASE_URL": url]))
            #expect(r.status == 2, "\(url): \(r.status) \(r.out)")
            #expect(!r.out.contains("curl"), "\(url): \(r.out)")
            #expect(r.err.contains("http://") && r.err.contains("unencrypted"), "\(r.err)")
        }
        let local = try await wizardCLI(["preview", "--curl", draft], env: hermeticEnv(home, ["REVOX_BASE_URL": "http://127.0.0.1:8787"]))
        #expect(local.status == 0 && local.out.contains("curl -sS -X POST 'http://127.0.0.1:8787/assistants'"), "\(local.out)\(local.err)")
    }

    @Test("the external editor does not inherit REVOX_API_KEY")
    func theEditorHasNoKey() throws {
        let dir = try makeTempDir("editor-env")
        let script = dir + "/dump-env"
        try Data("#!/bin/sh\nenv >> \"$1\"\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o700)
        setenv("REVOX_API_KEY", Self.key, 1)
        setenv("EDITOR_ENV_MARKER", "seen", 1)
        defer { unsetenv("REVOX_API_KEY"); unsetenv("EDITOR_ENV_MARKER") }
        let result = ExternalEditor.edit("start\n", field: "prompt", environment: ["EDITOR": script, "TMPDIR": dir])
        guard case .success(let text) = result else { Issue.record("\(result)"); return }
        #expect(text.contains("EDITOR_ENV_MARKER=seen"), "the editor gets the rest of the environment: \(text)")
        #expect(!text.contains("REVOX_API_KEY"), "\(text)")
        #expect(!text.contains(Self.key))
    }
}
