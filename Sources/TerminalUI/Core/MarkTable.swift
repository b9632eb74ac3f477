#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The combining marks after a cell's first one, interned: one id per distinct list, so a cell
/// holds a number instead of an array and stays plain bytes. Such lists are rare (stacked
/// diacritics); the table only grows, and stops at `limit` lists so text from outside cannot
/// grow it without bound (the marks past the first are then not drawn; the text itself is kept).
final class MarkTable: @unchecked Sendable {
    static let shared = MarkTable()
    static let limit = 1 << 16

    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var lists: [[Unicode.Scalar]] = [[]]
    private var ids: [[Unicode.Scalar]: UInt32] = [:]

    private init() { pthread_mutex_init(lock, nil) }

    /// The id of `marks` (never 0), or nil once the table is full.
    func id(of marks: [Unicode.Scalar]) -> UInt32? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let id = ids[marks] { return id }
        guard lists.count < Self.limit else { return nil }
        let id = UInt32(lists.count)
        lists.append(marks)
        ids[marks] = id
        return id
    }

    func marks(_ id: UInt32) -> [Unicode.Scalar] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return Int(id) < lists.count ? lists[Int(id)] : []
    }
}
