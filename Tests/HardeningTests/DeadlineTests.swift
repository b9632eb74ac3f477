import AssistantModel
import Foundation
import RevoxClient
import Testing

/// Issue 12: one deadline covers a whole operation (the body and the retries too), errors have
/// words for people, and a 422 we cannot map shows what the server said.
@Suite("Client deadlines and error words", .serialized)
struct DeadlineTests {
    static func client(_ server: RawServer, timeout: Duration) throws -> RevoxHTTPClient {
        var o = RevoxHTTPClient.Options()
        o.retryBaseDelay = .milliseconds(100)
        o.requestTimeout = timeout
        return RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: server.baseURL, apiKey: APIKey("sk_test_0123456789abcdef")), options: o)
    }

    static func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let v = try await body()
        let d = start.duration(to: .now)
        return (v, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    @Test("a server trickling its body one byte at a time is cut off at the deadline")
    func aTricklingBodyHitsTheDeadline() async throws {
        let server = try RawServer { _, _ in
            var r = RawServer.json(#"{"voices": []}"# + String(repeating: " ", count: 600))
            r.trickle = 0.1
            return r
        }
        defer { server.stop() }
        let client = try Self.client(server, timeout: .milliseconds(1500))
        let (error, seconds) = await Self.timed { () async -> RevoxError? in
            do throws(RevoxError) { _ = try await client.listVoices(); return nil } catch { return error }
        }
        await client.shutdown()
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        // Generous for a loaded machine; the body alone takes 61 s.
        #expect(seconds < 15, "waited \(seconds) s for a 1.5 s deadline (the body takes 61 s)")
        #expect(error?.message.contains("1.5 s") == true, "\(error?.message ?? "")")
    }

    @Test("slow answers with retries: the retries fit in the one deadline")
    func retriesStayWithinTheDeadline() async throws {
        let server = try RawServer { _, _ in
            var r = RawServer.json(#"{"message": "busy"}"#, status: 503)
            r.delay = 2
            return r
        }
        defer { server.stop() }
        var o = RevoxHTTPClient.Options()
        o.retryBaseDelay = .milliseconds(100)
        o.maxGetRetries = 5
        o.requestTimeout = .milliseconds(2500)
        let client = RevoxHTTPClient(configuration: try RevoxConfiguration(baseURL: server.baseURL, apiKey: APIKey("sk_test_0123456789abcdef")), options: o)
        let (error, seconds) = await Self.timed { () async -> RevoxError? in
            do throws(RevoxError) { _ = try await client.listVoices(); return nil } catch { return error }
        }
        await client.shutdown()
        #expect(error != nil)
        #expect(seconds < 8, "waited \(seconds) s for a 2.5 s deadline (6 attempts of 2 s each before)")
        #expect(server.requests.count <= 2, "\(server.requests.count) attempts in 2.5 s")
    }

    @Test("--timeout and REVOX_TIMEOUT set the deadline of a command; a bad value is refused")
    func theTimeoutIsConfigurable() async throws {
        let server = try RawServer { _, _ in
            var r = RawServer.json(#"{"voices": []}"# + String(repeating: " ", count: 300))
            r.trickle = 0.2
            return r
        }
        defer { server.stop() }
        let home = try makeTempDir("timeout")
        let env = hermeticEnv(home, ["REVOX_API_KEY": "sk_test_0123456789abcdef", "REVOX_BASE_URL": server.baseURL])
        let (flag, s1) = try await Self.timed { try await wizardCLI(["voices", "--timeout", "1"], env: env, timeout: 30) }
        #expect(flag.status == 3 && flag.err.contains("within 1 s"), "\(flag.status): \(flag.err)")
        // Generous for a loaded machine; the body alone takes 63 s.
        #expect(s1 < 15, "\(s1) s")
        var envTimeout = env
        envTimeout["REVOX_TIMEOUT"] = "1"
        let (fromEnv, s2) = try await Self.timed { try await wizardCLI(["voices"], env: envTimeout, timeout: 30) }
        #expect(fromEnv.status == 3 && fromEnv.err.contains("within 1 s"), "\(fromEnv.status): \(fromEnv.err)")
        #expect(s2 < 15, "\(s2) s")
        envTimeout["REVOX_TIMEOUT"] = "soon"
        let bad = try await wizardCLI(["voices"], env: envTimeout)
        #expect(bad.status == 2 && bad.err.contains("REVOX_TIMEOUT 'soon'"), "\(bad.status): \(bad.err)")
    }

    static let libraryWords = ["NIO", "HTTPClientError", "Error(", "ChannelError", "IOError", "maxBytes"]

    @Test("a 2 GB Content-Length, and other broken answers, are told in words, never library type names", arguments: [
        RawServer.Reply(body: Array(#"{"voices": []}"#.utf8), contentLength: 2_147_483_648),
        RawServer.Reply(body: Array(#"{"voices": []}"#.utf8), contentLength: 4000),
        RawServer.Reply(body: Array(#"{"voices": [{"id": "v1"}]}"#.utf8), cutAfter: 5),
    ])
    func errorTextHasNoTypeNames(reply: RawServer.Reply) async throws {
        let server = try RawServer { _, _ in reply }
        defer { server.stop() }
        let home = try makeTempDir("words")
        let r = try await wizardCLI(["voices"], env: hermeticEnv(home, ["REVOX_API_KEY": "sk_test_0123456789abcdef", "REVOX_BASE_URL": server.baseURL]), timeout: 60)
        #expect(r.status == 3, "\(r.status): \(r.err)")
        let named = Self.libraryWords.filter { r.err.contains($0) }
        #expect(named.isEmpty, "library names \(named) in:\n\(r.err)")
        let client = try Self.client(server, timeout: .seconds(20))
        do throws(RevoxError) { _ = try await client.listVoices() } catch {
            let text = error.message + error.suggestion + error.details
            #expect(Self.libraryWords.filter { text.contains($0) }.isEmpty, "\(text)")
        }
        await client.shutdown()
    }

    static let unknownShapes = [
        (#"{"errors": "name is bad"}"#, "name is bad"),
        (#"{"error": {"code": "E42", "reason": "prompt too long"}}"#, "prompt too long"),
        (#"["voice must be set"]"#, "voice must be set"),
        (#"{"problems": [{"where": "voice", "what": "unknown voice id"}]}"#, "unknown voice id"),
        ("plain text: the name is bad", "the name is bad"),
    ]

    @Test("a 422 in a shape we do not know shows what the server said", arguments: unknownShapes)
    func anUnknown422ShowsTheServerText(body: String, says: String) async throws {
        let server = try RawServer { _, _ in RawServer.json(body, status: 422) }
        defer { server.stop() }
        let home = try makeTempDir("422")
        let draft = home + "/d.json"
        try Data(CanonicalJSON.encode(["name": "Front desk", "prompt": "You answer calls for {{company}}."])).write(to: URL(fileURLWithPath: draft))
        let r = try await wizardCLI(["submit", draft], env: hermeticEnv(home, ["REVOX_API_KEY": "sk_test_0123456789abcdef", "REVOX_BASE_URL": server.baseURL]))
        #expect(r.status == 1, "\(r.status): \(r.err)")
        #expect(r.err.contains(says), "\(r.err)")
        #expect(!r.err.contains("Fix the fields named"), "no field was named: \(r.err)")
        let client = try Self.client(server, timeout: .seconds(20))
        do throws(RevoxError) { _ = try await client.createAssistant(["name": "x"]) } catch {
            #expect(error.kind == .invalidFields && error.message.contains(says), "\(error.message)")
        }
        await client.shutdown()
    }
}
