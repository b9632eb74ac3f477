#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies one version of a file on disk cheaply: a save compares the stamp it last saw with the
/// file's, so a change made by another program is noticed before it is written over.
public struct FileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedNanoseconds: Int64

    /// nil when the file does not exist.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                         modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}

extension FileIO {
    /// Where a write to `path` must go so links survive it: the final target of a symlink (the link
    /// stays a link), else the path itself.
    public static func writeTarget(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Writes a draft so that what points at it keeps pointing at it: through a symlink to its
    /// target; in place when the file has other hard links (a rename would cut them off; the write
    /// is then not atomic, which is the price of keeping the link); atomically otherwise.
    public static func writeKeepingLinks(_ bytes: [UInt8], to path: String) throws(FileError) {
        let target = writeTarget(path)
        var st = stat()
        if stat(target, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink > 1 {
            try writeInPlace(bytes, to: target)
        } else {
            try writeAtomically(bytes, to: target)
        }
    }

    static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw .from(errno: errno, path: path, operation: "write") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw .from(errno: errno, path: path, operation: "write") }
    }

    /// Creates `path` with `bytes` only if nothing is there yet: a complete temporary file is
    /// hard-linked into place, which fails if the name is taken, so two programs picking the same
    /// free name at the same moment never share one file. Returns false when the name is taken.
    public static func createExclusively(_ bytes: [UInt8], at path: String) throws(FileError) -> Bool {
        let tmp = try writeTemporary(bytes, beside: path)
        defer { unlink(tmp) }
        if link(tmp, path) != 0 {
            if errno == EEXIST { return false }
            throw .from(errno: errno, path: path, operation: "write")
        }
        syncDirectory(of: path)
        return true
    }

    /// A complete copy of `bytes` (mode 0600, fsynced) in a new temporary file in `path`'s folder,
    /// named for `path` and this process; removed again on any failure.
    static func writeTemporary(_ bytes: [UInt8], beside path: String) throws(FileError) -> String {
        // The pid in the name tells a live writer's file from one a kill left behind.
        var template = Array("\(directory(of: path))/.\(baseName(of: path)).tmp-\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .from(errno: errno, path: path, operation: "write") }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(fd) }
        do throws(FileError) {
            guard fchmod(fd, 0o600) == 0 else { throw FileError.from(errno: errno, path: path, operation: "write") }
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw FileError.from(errno: errno, path: path, operation: "write") }
        } catch {
            unlink(tmp)
            throw error
        }
        return tmp
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.from(errno: errno, path: path, operation: "write")
            }
            offset += n
        }
    }

    /// Makes a rename or link in `path`'s folder durable.
    static func syncDirectory(of path: String) {
        let dfd = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Removes the temporary files (`.NAME.tmp-PID-XXXXXX`) that a kill during a save left in
    /// `dir`: those whose writer is no longer running. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaryFiles(in dir: String) -> [String] {
        guard let names = try? list(dir) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") {
            guard let r = name.firstRange(of: ".tmp-") else { continue }
            let rest = name[r.upperBound...].split(separator: "-")
            // Files from before the pid was in the name: no writer could still hold one.
            let pid = rest.count == 2 ? Int32(rest[0]) : nil
            if let pid, pid == getpid() || (kill(pid, 0) == 0 || errno == EPERM) { continue }
            if unlink("\(dir)/\(name)") == 0 { removed.append(name) }
        }
        return removed
    }
}
