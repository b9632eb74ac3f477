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

    static func from(errno e: Int32, path: String, operation: String) -> FileError {
        switch e {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        default: return .other(path: path, operation: operation, reason: String(cString: strerror(e)))
        }
    }
}

/// The few file operations drafts need, on the C library directly (no Foundation in the model).
public enum FileIO {
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever. Reads then block
        // again, and a FIFO nobody writes to reads as empty.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .from(errno: errno, path: path, operation: "read") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .from(errno: errno, path: path, operation: "read") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        // A device (/dev/zero, a tape) or a socket is no draft, and some never end.
        let kind = st.st_mode & S_IFMT
        if kind != S_IFREG && kind != S_IFIFO {
            throw .other(path: path, operation: "read", reason: "it is not a file (a device or a socket)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .from(errno: errno, path: path, operation: "read")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes atomically: a temporary file in the same folder (mode 0600), fsync, rename over the
    /// target, fsync the folder. On any failure the temporary file is removed and the previous
    /// file, if any, is left as it was.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        let dir = directory(of: path)
        // The pid in the name tells a live writer's file from one a kill left behind.
        var template = Array("\(dir)/.\(baseName(of: path)).tmp-\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .from(errno: errno, path: path, operation: "write") }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        do {
            defer { close(fd) }
            guard fchmod(fd, 0o600) == 0 else { throw FileError.from(errno: errno, path: path, operation: "write") }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError.from(errno: errno, path: path, operation: "write")
                }
                offset += n
            }
            guard fsync(fd) == 0 else { throw FileError.from(errno: errno, path: path, operation: "write") }
        }
        guard rename(tmp, path) == 0 else { throw .from(errno: errno, path: path, operation: "write") }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Creates the folder and its parents (mode 0700 for new ones).
    public static func makeDirectories(_ path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw .from(errno: errno, path: current, operation: "create the folder")
            }
            // A file where a folder should be (XDG_DATA_HOME set to a file) is named as such,
            // not reported as a missing folder further down.
            if !isDirectory(current) {
                throw .other(path: current, operation: "use it as a folder", reason: "it is a file, not a folder")
            }
        }
        guard isDirectory(path) else { throw .other(path: path, operation: "use the folder", reason: "it is not a directory") }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Seconds since 1970 of the last change, or nil.
    public static func modificationTime(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_mtim.tv_sec)
    }

    public static func remove(_ path: String) throws(FileError) {
        if unlink(path) != 0 && errno != ENOENT { throw .from(errno: errno, path: path, operation: "delete") }
    }

    /// File names in a folder (no `.` and `..`), sorted.
    public static func list(_ dir: String) throws(FileError) -> [String] {
        guard let d = opendir(dir) else {
            if errno == ENOENT { return [] }
            throw .from(errno: errno, path: dir, operation: "list")
        }
        defer { closedir(d) }
        var names = [String]()
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Now as seconds since 1970.
    public static func now() -> Int { Int(time(nil)) }

    /// `2025-01-31T14:05:00Z` for seconds since 1970.
    public static func iso8601(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }
}
