import Foundation

/// A tiny HTTP/1.1 server on 127.0.0.1 answering every request with bytes a test chooses: the
/// faults the sandbox has no switch for (a 10 MB body, a wrong Content-Type, an answer cut off
/// mid-body, hostile voice names). Runs on its own thread, one connection at a time.
final class RawServer: @unchecked Sendable {
    struct Reply {
        var status = 200
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        var body: [UInt8] = []
        /// Send only this many bytes of the body (Content-Length still says the whole), then close.
        var cutAfter: Int?
        /// Seconds to wait before sending anything.
        var delay: Double = 0
        /// Send the body one byte at a time, this many seconds apart (a server that trickles).
        var trickle: Double?
        /// Announce this Content-Length instead of the body's (a 2 GB one, say).
        var contentLength: Int?
    }

    var port: Int { port_ }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private let fd: Int32
    private var port_ = 0
    private let lock = NSLock()
    private var _requests: [(method: String, path: String)] = []
    var requests: [(method: String, path: String)] { lock.withLock { _requests } }
    var createCount: Int { requests.filter { $0.method == "POST" && $0.path.hasPrefix("/assistants") }.count }

    init(_ answer: @escaping @Sendable (_ method: String, _ path: String) -> Reply) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port_ = Int(UInt16(bigEndian: addr.sin_port))
        let listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let c = accept(listener, nil, nil)
                if c < 0 { return }
                // A thread of its own: a delayed or trickling answer blocks it, and a blocked
                // dispatch worker would starve the test's own timers on two cores.
                Thread.detachNewThread { self.serve(c, answer) }
            }
        }
    }

    private func serve(_ c: Int32, _ answer: (String, String) -> Reply) {
        defer { close(c) }
        var one: Int32 = 1
        setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        while true {
            // Read the head, then the body by Content-Length.
            var data = [UInt8]()
            var buf = [UInt8](repeating: 0, count: 65536)
            var headEnd: Int?
            while headEnd == nil {
                let n = buf.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                data += buf[0..<n]
                if let r = data.firstRange(of: Array("\r\n\r\n".utf8)) { headEnd = r.upperBound }
            }
            let head = String(decoding: data[0..<headEnd!], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            let parts = lines.first?.split(separator: " ") ?? []
            let method = parts.count > 0 ? String(parts[0]) : "", path = parts.count > 1 ? String(parts[1]) : ""
            let length = lines.first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            var have = data.count - headEnd!
            while have < length {
                let n = buf.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                have += n
            }
            lock.withLock { _requests.append((method, path)) }
            let reply = answer(method, path)
            if reply.delay > 0 { usleep(UInt32(reply.delay * 1_000_000)) }
            var out = "HTTP/1.1 \(reply.status) X\r\nContent-Length: \(reply.contentLength ?? reply.body.count)\r\n"
            for (k, v) in reply.headers { out += "\(k): \(v)\r\n" }
            out += "\r\n"
            let body = reply.cutAfter.map { Array(reply.body.prefix($0)) } ?? reply.body
            if let gap = reply.trickle {
                guard sendAll(c, Array(out.utf8)) else { return }
                for b in body {
                    usleep(UInt32(gap * 1_000_000))
                    guard sendAll(c, [b]) else { return }
                }
            } else {
                guard sendAll(c, Array(out.utf8) + body) else { return }
            }
            if reply.cutAfter != nil || reply.contentLength != nil { return }
        }
    }

    private func sendAll(_ c: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { send(c, $0.baseAddress! + off, $0.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    static func json(_ text: String, status: Int = 200, contentType: String = "application/json") -> Reply {
        Reply(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }
}
