#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Says a draft is open in a program: `.<slug>.lock` beside the draft, holding the owner's pid.
/// Two copies editing one draft would each autosave over the other's changes, so the second copy
/// is told who has it. A lock whose pid is dead (a crash, a SIGKILL) is stale and taken over.
public struct DraftLock: Sendable {
    public let path: String

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A live process holds the draft.
        case heldBy(pid: Int32, draft: String)
        public var description: String {
            switch self {
            case .heldBy(let pid, let draft):
                return "\(draft) is open in another assistant-wizard (pid \(pid)); close it there first, or both would save over each other's changes"
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
                let text = Array("\(pid)\n".utf8)
                _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                return DraftLock(path: lock)
            }
            guard errno == EEXIST else { return nil }
            if let owner = owner(of: lock), owner != pid, isAlive(owner) { throw .heldBy(pid: owner, draft: draftFile) }
            // Stale (its owner is gone) or unreadable: remove it and try again.
            unlink(lock)
        }
        return nil
    }

    /// Removes the lock if it is still ours.
    public func release(pid: Int32 = getpid()) {
        if DraftLock.owner(of: path) == pid { unlink(path) }
    }

    static func owner(of lock: String) -> Int32? {
        let fd = open(lock, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buf[0..<n], as: UTF8.self).split(separator: "\n").first ?? "")
    }

    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
