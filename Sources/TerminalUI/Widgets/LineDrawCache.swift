/// What drawing a short line needs that depends only on its text and the width: where its rows
/// start, whether it is a byte per column, and its highlight spans. Every frame draws every
/// line on screen, and working these out again was most of a keystroke in the prompt editor;
/// now only the line being edited is worked out. An entry is checked against the line's text
/// (the same storage compares at once), so edits need no bookkeeping. Shared by copies of a
/// text area, hence the lock; kept small (the lines near the screen).
final class LineDrawCache: @unchecked Sendable {
    struct Entry {
        var text: String
        var width: Int
        var starts: [Int]
        var ascii: Bool
        var spans: [HighlightSpan]?
    }

    private let lock = Lock()
    private var entries: [Int: Entry] = [:]
    static let capacity = 512

    /// The entry for line `n` holding `text` at `width`, made by `make` when missing or stale.
    func entry(line n: Int, text: String, width: Int, make: () -> Entry) -> Entry {
        if let e = lock.locked({ entries[n] }), e.width == width, e.text == text { return e }
        let e = make()
        lock.locked {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[n] = e
        }
        return e
    }
}
