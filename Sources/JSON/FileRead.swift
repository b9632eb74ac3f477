#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read or written, naming the file.
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case permissionDenied(path: String)
    case other(path: String, operation: String, reason: String)

    public var path: String {
        switch self {
        case .notFound(let p), .isDirectory(let p), .permissionDenied(let p), .other(let p, _, _): return p
        }
    }

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .isDirectory(let p): return "\(p): is a directory, not a file"
        case .permissionDenied(let p): return "\(p): permission denied"
        case .other(let p, let op, let why): return "\(p): cannot \(op): \(why)"
        }
    }

    /// The error for a failed call, by its errno.
    package static func from(errno e: Int32, path: String, operation: String) -> FileError {
        switch e {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        default: return .other(path: path, operation: operation, reason: String(cString: strerror(e)))
        }
    }
}

/// Reading a JSON document from disk, guarded against what is not a file: shared by drafts and
/// themes. The model adds the writes (`FileIO.writeAtomically`, …) in an extension.
public enum FileIO {
    /// The whole file, refused past `limit` bytes (a FIFO fed forever, a file far larger than the
    /// caller can use) instead of reading until memory runs out.
    public static func read(_ path: String, limit: Int = .max) throws(FileError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever. Reads then block
        // again, and a FIFO nobody writes to reads as empty.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .from(errno: errno, path: path, operation: "read") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .from(errno: errno, path: path, operation: "read") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        // A device (/dev/zero, a tape) or a socket is no document, and some never end.
        let kind = st.st_mode & S_IFMT
        if kind != S_IFREG && kind != S_IFIFO {
            throw .other(path: path, operation: "read", reason: "it is not a file (a device or a socket)")
        }
        if kind == S_IFREG && Int(st.st_size) > limit { throw tooLarge(path, limit) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var out = [UInt8]()
        out.reserveCapacity(min(Int(st.st_size), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .from(errno: errno, path: path, operation: "read")
            }
            if n == 0 { break }
            // The size seen by fstat can grow while reading, and a FIFO has none: checked as read.
            if n > limit - out.count { throw tooLarge(path, limit) }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> FileError {
        let size = limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return .other(path: path, operation: "read", reason: "it is larger than \(size)")
    }
}

