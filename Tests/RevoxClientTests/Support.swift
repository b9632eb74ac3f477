import AssistantModel
import Foundation
import RevoxClient
import RevoxSandbox

/// A sandbox on a free loopback port and a client pointed at it, with short retry delays so
/// retry tests take milliseconds, not seconds.
struct Fixture {
    let sandbox: Sandbox
    let client: RevoxHTTPClient

    static func start(faults: SandboxFaults = SandboxFaults(), options: RevoxHTTPClient.Options = fastOptions) async throws -> Fixture {
        let sb = try await Sandbox.start(SandboxOptions(faults: faults))
        let config = try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey))
        return Fixture(sandbox: sb, client: RevoxHTTPClient(configuration: config, options: options))
    }

    static var fastOptions: RevoxHTTPClient.Options {
        var o = RevoxHTTPClient.Options()
        o.retryBaseDelay = .milliseconds(20)
        o.maxRetryDelay = .milliseconds(100)
        o.connectTimeout = .seconds(2)
        // The whole operation, retries included: generous, for a loaded machine.
        o.requestTimeout = .seconds(30)
        return o
    }

    func stop() async {
        await client.shutdown()
        await sandbox.stop()
    }
}

/// Runs `body` with a fixture and always stops it, so a failing test leaves no server behind.
func withFixture(faults: SandboxFaults = SandboxFaults(), options: RevoxHTTPClient.Options = Fixture.fastOptions,
                 _ body: (Fixture) async throws -> Void) async throws {
    let f = try await Fixture.start(faults: faults, options: options)
    do { try await body(f) } catch { await f.stop(); throw error }
    await f.stop()
}

/// Calls `body` and returns the RevoxError it threw, or nil when it did not throw.
func revoxError<T>(_ body: () async throws(RevoxError) -> T) async -> RevoxError? {
    do { _ = try await body(); return nil } catch { return error }
}

let minimalBody: JSONValue = ["name": "Front desk", "prompt": "You answer calls for {{company}}."]

func parse(_ s: String) -> JSONValue { try! JSONParser.parse(s) }

/// The package root, from this file's path: Tests/RevoxClientTests/Support.swift → ../../..
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh private directory under the system temp dir.
func makeTempDir() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("revox-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func writeFile(_ url: URL, _ text: String, mode: Int) throws {
    try Data(text.utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
}

/// A client for `config` that is always shut down, whatever `body` does (AHC traps in debug builds
/// when a client is dropped without `shutdown()`).
func withClient(_ config: RevoxConfiguration, options: RevoxHTTPClient.Options = Fixture.fastOptions,
                _ body: (RevoxHTTPClient) async throws -> Void) async throws {
    let client = RevoxHTTPClient(configuration: config, options: options)
    do { try await body(client) } catch { await client.shutdown(); throw error }
    await client.shutdown()
}

/// Reads a file handle to its end on a plain dispatch thread: blocking reads on Swift's cooperative
/// pool (two threads on this machine) would starve the in-process sandbox and fail unrelated tests.
func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { cont in
        DispatchQueue.global().async { cont.resume(returning: handle.readDataToEndOfFile()) }
    }
}

/// Reads until the first line break, off the cooperative pool.
func readFirstLine(_ handle: FileHandle) async -> String {
    await withCheckedContinuation { cont in
        DispatchQueue.global().async {
            var seen = Data()
            while !seen.contains(0x0A) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            let text = String(decoding: seen, as: UTF8.self)
            cont.resume(returning: String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""))
        }
    }
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to completion without blocking the cooperative pool.
func runProcess(_ executable: URL, _ args: [String], env: [String: String]? = nil) async throws -> ProcessResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = args
    if let env { p.environment = env }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let exited = AsyncStream<Int32>.makeStream()
    p.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
    try p.run()
    async let o = readToEnd(out.fileHandleForReading)
    async let e = readToEnd(err.fileHandleForReading)
    let (od, ed) = await (o, e)
    var status: Int32 = -1
    for await s in exited.stream { status = s }
    return ProcessResult(status: status, stdout: String(decoding: od, as: UTF8.self), stderr: String(decoding: ed, as: UTF8.self))
}
