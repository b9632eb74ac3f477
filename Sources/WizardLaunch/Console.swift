#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalUI

/// Text out and the environment, for the wizard's launch and every command (CLIOutput forwards
/// here): bytes go straight to the descriptor, text for people made safe for a terminal.
public enum Console {
    public static func stdout(_ bytes: [UInt8]) { write(fd: 1, bytes) }
    public static func stdout(_ text: String) { write(fd: 1, Array(terminalSafe(text).utf8)) }
    public static func stderr(_ text: String) { write(fd: 2, Array(terminalSafe(text).utf8)) }

    /// `error: MESSAGE` and the next step, on stderr.
    public static func error(_ message: String, next: String?) {
        stderr("error: \(message)\n" + (next.map { "\($0)\n" } ?? ""))
    }

    /// Text for people passes here: server messages, voice names and draft values in it may hold
    /// ESC, other controls or bidi overrides, which are shown as `\u{1B}` instead of acting on the
    /// terminal. Line breaks and tabs are layout and stay.
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafeForDisplay($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).sanitizedForDisplay }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    /// Unbuffered, straight to the descriptor, so stdout and stderr interleave in order.
    public static func write(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return }
                off += n
            }
        }
    }

    public static var environment: [String: String] {
        var env = [String: String]()
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }
}
