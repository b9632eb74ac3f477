import Foundation
import Testing

/// The tmux helper itself: a test that waits for what a program printed must see it even when
/// the program has already ended (CI once read an empty screen after a refusal that exits at once).
@Suite("The tmux test helper", .serialized, .enabled(if: Tmux.available))
struct TmuxHarnessTests {
    @Test("a program that ends at once leaves its screen to be read")
    func aProgramThatEndsAtOnceLeavesItsScreen() async throws {
        // Several tries, since the old helper lost the race most of the time but not always.
        for i in 0..<5 {
            let t = Tmux()
            try await t.start("echo gone-\(i); exit 3", env: [:])
            let screen = try await t.waitFor(text: "gone-\(i)", timeout: 5)
            await t.stop()
            #expect(screen.contains("gone-\(i)"), "try \(i): the pane closed with its program")
        }
    }
}
