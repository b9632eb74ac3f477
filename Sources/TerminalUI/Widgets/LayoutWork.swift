/// Counts the Characters soft-wrapping walks over. Tests set one (`LayoutWork.$current`) around a
/// keystroke to check that its cost does not grow with the text: a count, not a timing, so it
/// neither flakes on a busy machine nor passes on a fast one. Unset (nil) in the program.
final class LayoutWork: @unchecked Sendable {
    /// Read by the test that set it, on its own task, after the work it counted.
    var characters = 0

    @TaskLocal static var current: LayoutWork?

    static func count(_ n: Int) { if let c = current { c.characters += n } }
}
