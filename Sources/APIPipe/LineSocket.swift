#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AssistantModel
import RevoxInterface

/// Lines of JSON over one end of a socket pair: whole lines written with one lock held (so answers
/// from concurrent requests never interleave), and read back one at a time.
package final class LineSocket: @unchecked Sendable {
    package let fd: Int32
    private let writeLock = Mutex()
    private var buffer = [UInt8]()
    private var start = 0

    package init(fd: Int32) { self.fd = fd }

    /// Writes the whole line; false when the other end is gone (never a SIGPIPE: MSG_NOSIGNAL, or
    /// `write` on a descriptor that is not a socket, where the caller has SIGPIPE ignored).
    package func send(_ value: JSONValue) -> Bool {
        let bytes = PipeWire.line(value)
        return writeLock.locked {
            bytes.withUnsafeBytes { buf in
                var off = 0
                while off < buf.count {
                    var n = Glibc.send(fd, buf.baseAddress! + off, buf.count - off, Int32(MSG_NOSIGNAL))
                    if n < 0 && errno == ENOTSOCK { n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off) }
                    if n < 0 { if errno == EINTR { continue }; return false }
                    off += n
                }
                return true
            }
        }
    }

    /// The next line parsed as JSON (a line that is not JSON is skipped), or nil at the end of input.
    /// Only one thread reads.
    package func receive() -> JSONValue? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if start > 1 << 16 { buffer.removeFirst(start); start = 0 }
                if let v = try? JSONParser.parse(line) { return v }
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
