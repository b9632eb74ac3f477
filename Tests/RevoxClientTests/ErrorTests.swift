import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox
import Testing

@Suite("Every error kind, from real faults")
struct ErrorTests {
    @Test func getsAreRetriedThroughServerErrors() async throws {
        try await withFixture(faults: SandboxFaults(serverError: .next(2))) { f in
            let voices = try await f.client.listVoices()
            #expect(voices.count >= 20)
            #expect(await f.sandbox.receivedRequests.count == 3)
        }
    }

    @Test func persistentServerErrorIsReportedAfterBoundedRetries() async throws {
        try await withFixture(faults: SandboxFaults(serverError: .next(10))) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.listAssistants() }
            #expect(e?.kind == .serverError)
            #expect(e?.status == 500)
            #expect(e?.message.contains("500") == true)
            #expect(await f.sandbox.receivedRequests.count == 1 + Fixture.fastOptions.maxGetRetries)
        }
    }

    @Test func createIsNeverRetriedAfterAServerError() async throws {
        try await withFixture(faults: SandboxFaults(serverError: .next(1))) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(e?.kind == .serverError)
            #expect(e?.suggestion.contains("assistants list") == true)
            #expect(await f.sandbox.createRequestCount == 1)
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await withFixture(faults: SandboxFaults(rateLimit: .next(1), retryAfterSeconds: 1)) { f in
            let start = ContinuousClock.now
            _ = try await f.client.listVoices()
            #expect(ContinuousClock.now - start >= .milliseconds(950), "waited the Retry-After, not the 20 ms backoff")
            #expect(await f.sandbox.receivedRequests.count == 2)
        }
    }

    @Test func rateLimitOnCreateIsReportedWithRetryAfter() async throws {
        try await withFixture(faults: SandboxFaults(rateLimit: .next(1), retryAfterSeconds: 7)) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(e?.kind == .rateLimited)
            #expect(e?.retryAfter == 7)
            #expect(e?.message.contains("7 s") == true)
            #expect(await f.sandbox.createRequestCount == 1)
        }
    }

    @Test func aRetryAfterTooLongIsNotWaitedOut() async throws {
        var options = Fixture.fastOptions
        options.maxRetryAfter = .seconds(2)
        try await withFixture(faults: SandboxFaults(rateLimit: .next(1), retryAfterSeconds: 30), options: options) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.listVoices() }
            #expect(e?.kind == .rateLimited)
            #expect(e?.retryAfter == 30)
            #expect(await f.sandbox.receivedRequests.count == 1)
        }
    }

    @Test(arguments: [(403, RevoxError.Kind.forbidden), (404, .notFound), (409, .conflict), (400, .badRequest), (503, .serverError), (418, .unexpectedStatus)])
    func statusesMapToKinds(status: Int, kind: RevoxError.Kind) async throws {
        try await withFixture(faults: SandboxFaults(forced: .next(1), forcedStatus: status)) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(e?.kind == kind)
            #expect(e?.status == status)
            #expect(e?.serverMessage == "sandbox: injected status \(status)")
            #expect(e?.rawBody.contains("injected") == true)
        }
    }

    @Test func notJSONIsInvalidResponseWithASanitisedBody() async throws {
        try await withFixture(faults: SandboxFaults(notJSON: .next(1))) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.listVoices() }
            #expect(e?.kind == .invalidResponse)
            #expect(e?.rawBody.contains("502 Bad Gateway") == true)
            #expect(e?.rawBody.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } == false, "control characters stripped")
            #expect(e?.suggestion.contains("base URL") == true)
        }
    }

    @Test func aCreateAnsweredWithGarbageMayHaveBeenCreated() async throws {
        try await withFixture(faults: SandboxFaults(notJSON: .next(1))) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(e?.kind == .outcomeUnknown)
            #expect(e?.mayHaveBeenCreated == true)
            let r1 = try await f.client.listAssistants()
            #expect(r1.count == 1)
        }
    }

    /// The no-duplicate rule: the server stored the create and closed the connection; the client
    /// says "may have been created" and sends nothing more.
    @Test func droppedCreateIsOutcomeUnknownAndSentExactlyOnce() async throws {
        try await withFixture(faults: SandboxFaults(dropAfterCreate: .next(1))) { f in
            let e = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(e?.kind == .outcomeUnknown)
            #expect(e?.message.contains("may have been created") == true)
            #expect(e?.suggestion.contains("assistants list") == true)
            #expect(await f.sandbox.createRequestCount == 1)
            let r2 = try await f.client.listAssistants()
            #expect(r2.count == 1, "the create was stored: 'may have been created' is true")
            #expect(await f.sandbox.createRequestCount == 1)
        }
    }

    @Test func slowAnswerIsTimeoutForGetAndOutcomeUnknownForCreate() async throws {
        var options = Fixture.fastOptions
        options.requestTimeout = .milliseconds(200)
        try await withFixture(faults: SandboxFaults(latency: .milliseconds(800)), options: options) { f in
            let get = await revoxError { () throws(RevoxError) in try await f.client.listVoices() }
            #expect(get?.kind == .timeout)
            #expect(get?.message.contains("0.2 s") == true)
            #expect(await f.sandbox.receivedRequests.count == 1, "a timeout is not retried: the user has waited enough")
            let create = await revoxError { () throws(RevoxError) in try await f.client.createAssistant(minimalBody) }
            #expect(create?.kind == .outcomeUnknown)
            #expect(await f.sandbox.createRequestCount == 1)
        }
    }

    @Test func closedPortIsNoConnectionAndACreateThereIsSafe() async throws {
        let sb = try await Sandbox.start()
        let url = sb.baseURL
        await sb.stop()
        var options = Fixture.fastOptions
        options.connectTimeout = .milliseconds(300)
        try await withClient(try RevoxConfiguration(baseURL: url, apiKey: APIKey("sk_test_123456789")), options: options) { client in
            let start = ContinuousClock.now
            let e = await revoxError { () throws(RevoxError) in try await client.createAssistant(minimalBody) }
            #expect(e?.kind == .noConnection, "nothing was sent, so the create is not 'may have been created'")
            #expect(e?.message.contains("Nothing was sent") == true)
            #expect(ContinuousClock.now - start < .seconds(3))
            let g = await revoxError { () throws(RevoxError) in try await client.listVoices() }
            #expect(g?.kind == .noConnection)
        }
    }

    @Test func faultSharesAreDeterministicBySeed() async throws {
        func pattern(seed: UInt64) async throws -> [Bool] {
            var options = Fixture.fastOptions
            options.maxGetRetries = 0
            let f = try await Fixture.start(faults: SandboxFaults(serverError: .share(0.5), seed: seed), options: options)
            var out = [Bool]()
            for _ in 0..<16 {
                out.append(await revoxError { () throws(RevoxError) in try await f.client.listVoices() } == nil)
            }
            await f.stop()
            return out
        }
        let a = try await pattern(seed: 42), b = try await pattern(seed: 42), c = try await pattern(seed: 7)
        #expect(a == b)
        #expect(a != c)
        #expect(a.contains(true) && a.contains(false))
    }
}
