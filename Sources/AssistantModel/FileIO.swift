#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations drafts need beyond reading (which is in the JSON module, shared with
/// themes), on the C library directly (no Foundation in the model).
extension FileIO {
    /// Writes atomically: a temporary file in the same folder (mode 0600), fsync, rename over the
    /// target, fsync the folder. On any failure the temporary file is removed and the previous
    /// file, if any, is left as it was.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        let tmp = try writeTemporary(bytes, beside: path)
        guard rename(tmp, path) == 0 else {
            let e = errno
            unlink(tmp)
            throw .from(errno: e, path: path, operation: "write")
        }
        syncDirectory(of: path)
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
