import Foundation
import RevoxSandbox
import Testing

/// Issue 12: the sandbox stays bounded: memory under a stream of rejected bodies, a malformed body
/// answered 400 (not 413), silent connections closed.
@Suite("Sandbox limits")
struct SandboxLimitsTests {
    @Test("RSS after 1,000 rejected 1 MB bodies stays within 2x of RSS after start")
    func memoryStaysBounded() async throws {
        let home = try makeTempDir("sandbox-rss")
        let sandbox = try await SandboxProcess.start([], home: home)
        defer { sandbox.stop() }
        let port = try #require(Int(sandbox.baseURL.split(separator: ":").last ?? ""))
        let pid = sandbox.process.processIdentifier
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
        let head = Array("POST /assistants HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk_test\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        let n = 1000
        let result = await onOwnThread { () -> (start: Int, end: Int, statuses: [Int: Int]) in
            let fd = LoopbackSocket.connectTo(port)
            defer { close(fd) }
            var statuses = [Int: Int]()
            // A few requests first, so "after start" is a sandbox that has served something.
            for _ in 0..<5 { _ = LoopbackSocket.sendAll(fd, head); _ = LoopbackSocket.sendAll(fd, body); _ = LoopbackSocket.readResponse(fd) }
            let start = LoopbackSocket.rssKB(pid) ?? 0
            for _ in 0..<n {
                guard LoopbackSocket.sendAll(fd, head), LoopbackSocket.sendAll(fd, body), let r = LoopbackSocket.readResponse(fd) else { statuses[-1, default: 0] += 1; break }
                statuses[r.status, default: 0] += 1
            }
            return (start, LoopbackSocket.rssKB(pid) ?? 0, statuses)
        }
        print("sandbox RSS: \(result.start) kB after start, \(result.end) kB after \(n) rejected 1 MB bodies; statuses \(result.statuses)")
        #expect(result.statuses == [400: n], "\(result.statuses)")
        #expect(result.start > 0 && result.end <= 2 * result.start, "RSS grew from \(result.start) kB to \(result.end) kB")
    }

    @Test("a body cut off before its Content-Length, or a bad chunk size, is a 400, not a 413", arguments: [
        "POST /assistants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nContent-Length: 100\r\n\r\n{\"name\": ",
        "POST /assistants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{\"name\": 1}\r\n0\r\n\r\n",
    ])
    func aMalformedBodyIsABadRequest(request: String) async throws {
        let sb = try await Sandbox.start()
        let reply = await onOwnThread { () -> (status: Int, body: String)? in
            let fd = LoopbackSocket.connectTo(sb.port)
            defer { close(fd) }
            _ = LoopbackSocket.sendAll(fd, Array(request.utf8))
            shutdown(fd, Int32(SHUT_WR))
            return LoopbackSocket.readResponse(fd)
        }
        await sb.stop()
        #expect(reply?.status == 400, "\(String(describing: reply))")
        #expect(reply?.body.contains("larger than") == false, "\(String(describing: reply))")
    }

    @Test("a body over 1 MB is still a 413")
    func aLargeBodyIsStillTooLarge() async throws {
        let sb = try await Sandbox.start()
        let reply = await onOwnThread { () -> (status: Int, body: String)? in
            let fd = LoopbackSocket.connectTo(sb.port)
            defer { close(fd) }
            let body = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) + 10)
            _ = LoopbackSocket.sendAll(fd, Array("POST /assistants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            return LoopbackSocket.readResponse(fd)
        }
        await sb.stop()
        #expect(reply?.status == 413, "\(String(describing: reply))")
    }

    @Test("silent and half-sent connections are closed after the idle timeout")
    func idleConnectionsAreClosed() async throws {
        let sb = try await Sandbox.start(SandboxOptions(idleTimeout: .milliseconds(500)))
        let n = count(ci: 200, full: 1000)
        let (opened, closed) = await onOwnThread { () -> (Int, Int) in
            var fds = [Int32]()
            for i in 0..<n {
                let fd = LoopbackSocket.connectTo(sb.port, receiveTimeout: 15)
                guard fd >= 0 else { break }
                // Every other one sends half a request line, as a slow or dead client would.
                if i % 2 == 1 { _ = LoopbackSocket.sendAll(fd, Array("GET /voi".utf8)) }
                fds.append(fd)
            }
            var closed = 0
            var buf = [UInt8](repeating: 0, count: 1024)
            for fd in fds {
                var n = 0
                repeat { n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } } while n > 0
                if n == 0 || (n < 0 && errno == ECONNRESET) { closed += 1 }
                close(fd)
            }
            return (fds.count, closed)
        }
        await sb.stop()
        #expect(opened == n)
        #expect(closed == n, "\(closed) of \(opened) idle connections were closed")
    }
}

/// Blocking loopback sockets for the tests that need bytes a client library would not send.
enum LoopbackSocket {
    /// A blocking loopback socket to `port`, with a receive timeout.
    static func connectTo(_ port: Int, receiveTimeout: Int = 10) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var tv = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if ok != 0 { close(fd); return -1 }
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + off, $0.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    /// Reads one response (head and Content-Length body); nil at end of input or timeout.
    static func readResponse(_ fd: Int32) -> (status: Int, body: String)? {
        var data = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = data.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - end.upperBound >= length {
                    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
                    return (status, String(decoding: data[end.upperBound..<(end.upperBound + length)], as: UTF8.self))
                }
            }
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            data += buf[0..<n]
        }
    }

    static func rssKB(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }
}
