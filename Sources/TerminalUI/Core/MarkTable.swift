/// The combining marks after a cell's first one, interned: one id per distinct list, so a cell
/// holds a number instead of an array and stays plain bytes. Such lists are rare (stacked
/// diacritics); the table only grows, and stops at `limit` lists (the id's 11 bits in a cell) so
/// text from outside cannot grow it without bound (the marks past the first are then not drawn;
/// the text itself is kept).
final class MarkTable: @unchecked Sendable {
    static let shared = MarkTable()
    static let limit = 1 << 11

    private let lock = Lock()
    private var lists: [[Unicode.Scalar]] = [[]]
    private var ids: [[Unicode.Scalar]: UInt32] = [:]

    /// The id of `marks` (never 0), or nil once the table is full.
    func id(of marks: [Unicode.Scalar]) -> UInt32? {
        lock.locked {
            if let id = ids[marks] { return id }
            guard lists.count < Self.limit else { return nil }
            let id = UInt32(lists.count)
            lists.append(marks)
            ids[marks] = id
            return id
        }
    }

    func marks(_ id: UInt32) -> [Unicode.Scalar] {
        lock.locked { Int(id) < lists.count ? lists[Int(id)] : [] }
    }
}
