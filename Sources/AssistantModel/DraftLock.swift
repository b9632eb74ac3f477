#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Says a draft is open in a program: `.<slug>.lock` beside the draft, holding the owner's pid and
/// the time that process started. Two copies editing one draft would each autosave over the other's
/// changes, so the second copy is told who has it. A lock is honoured only while that very process
/// still runs: a dead pid (a crash, a SIGKILL), or a pid now reused by another program (its start
/// time differs), is stale and taken over.
public struct DraftLock: Sendable {
    public let path: String

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A live process holds the draft.
        case heldBy(pid: Int32, draft: String, lockFile: String, process: String)
        public var description: String {
            switch self {
            case .heldBy(let pid, let draft, let lockFile, let process):
                return "\(draft) is open in another program (\(process), pid \(pid)); close it there first, or both would save over each other's changes. Its lock file is \(lockFile): delete it only if that program is not running"
            }
        }
    }

    /// The lock file for a draft file (`dir/name.json` → `dir/.name.lock`).
    public static func path(for draftFile: String) -> String {
        let slash = draftFile.lastIndex(of: "/")
        let dir = slash.map { String(draftFile[..<$0]) } ?? "."
        var name = slash.map { String(draftFile[draftFile.index(after: $0)...]) } ?? draftFile
        if name.hasSuffix(".json") { name.removeLast(5) }
        return "\(dir.isEmpty ? "" : dir)/.\(name).lock"
    }

    /// Takes the lock for `draftFile`. Throws when a live process holds it; returns nil when no lock
    /// can be made at all (a read-only folder): editing then goes on, and saving reports its own error.
    public static func acquire(draftFile: String, pid: Int32 = getpid()) throws(Failure) -> DraftLock? {
        let lock = path(for: draftFile)
        for _ in 0..<3 {
            let fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                let text = Array("\(pid) \(startTime(of: pid) ?? 0)\n".utf8)
                _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                return DraftLock(path: lock)
            }
            guard errno == EEXIST else { return nil }
            if let (owner, started) = owner(of: lock), owner != pid, holds(owner, started: started) {
                throw .heldBy(pid: owner, draft: draftFile, lockFile: lock, process: programName(of: owner) ?? "a running program")
            }
            // Stale (its owner is gone) or unreadable: remove it and try again.
            unlink(lock)
        }
        return nil
    }

    /// Removes the lock if it is still ours.
    public func release(pid: Int32 = getpid()) {
        if DraftLock.owner(of: path)?.pid == pid { unlink(path) }
    }

    /// The pid and start time written in a lock (start time nil in locks of older versions).
    static func owner(of lock: String) -> (pid: Int32, started: UInt64?)? {
        let fd = open(lock, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let words = String(decoding: buf[0..<n], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let first = words.first, let pid = Int32(first) else { return nil }
        return (pid, words.count > 1 ? UInt64(words[1]) : nil)
    }

    /// Whether `pid` is still the process that wrote the lock: alive, and started when it said
    /// (a lock of an older version, with no start time, must at least name an assistant-wizard).
    static func holds(_ pid: Int32, started: UInt64?) -> Bool {
        // A zombie (killed, not yet reaped) answers kill(pid, 0) but holds nothing any more.
        guard isAlive(pid), !isZombie(pid) else { return false }
        if let started, started != 0, let now = startTime(of: pid) { return now == started }
        guard let cmd = commandLine(of: pid) else { return true }
        return cmd.contains("assistant-wizard")
    }

    static func isZombie(_ pid: Int32) -> Bool {
        guard let text = readSmall("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return false }
        return text[text.index(after: close)...].hasPrefix(" Z")
    }

    /// The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or nil.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let text = readSmall("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    /// The program's name (its command line's first word, without the folder), for the message.
    static func programName(of pid: Int32) -> String? {
        guard let first = commandLine(of: pid)?.split(separator: " ").first else { return nil }
        return first.split(separator: "/").last.map(String.init)
    }

    /// The process's command line, arguments joined by spaces.
    static func commandLine(of pid: Int32) -> String? {
        guard let text = readSmall("/proc/\(pid)/cmdline"), !text.isEmpty else { return nil }
        return text.split(separator: "\0").joined(separator: " ")
    }

    private static func readSmall(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : nil
    }

    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
