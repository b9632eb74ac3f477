/// Counts work a test wants bounded: characters wrapped, drafts walked, forms built. A count, not
/// a timing, so it neither flakes on a busy machine nor passes on a fast one. A test sets one in
/// the task-local of the work it watches; in the program every counter is nil and costs one check.
public final class WorkCounter: @unchecked Sendable {
    /// Read by the test that set it, on its own task, after the work it counted.
    public var count = 0
    public init() {}

    /// Characters soft-wrapping walks over.
    @TaskLocal public static var wrapping: WorkCounter?
    /// Elements an edit of a long line moves in memory: bytes of its text and entries of its row
    /// table (what makes a key cost grow with the line, when it grows).
    @TaskLocal public static var moved: WorkCounter?

    /// Runs `body` with `counter` set in `local` and returns what it counted.
    public static func counting(_ local: TaskLocal<WorkCounter?>, _ body: () -> Void) -> Int {
        let counter = WorkCounter()
        local.withValue(counter) { body() }
        return counter.count
    }
}
