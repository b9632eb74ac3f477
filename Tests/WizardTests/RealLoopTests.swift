import AssistantModel
import Drafts
import Foundation
import Testing
import TerminalUI
@testable import Wizard

/// The wizard's real loop (`WizardRuntime` on `App.run`) with scripted keys and an in-memory
/// screen: debounced saves on the loop's timer, Ctrl-S, Ctrl-Q, TERM and a resize, as in a terminal.
@Suite struct RealLoopTests {
    static let backend = Backend(isSandbox: true, baseURL: "built-in sandbox", maskedKey: nil)

    /// Runs a new draft's wizard on its own thread (its saves and voice list run meanwhile).
    static func run(_ store: DraftStore, screen: BufferScreen, _ steps: @escaping (WizardRuntimeBox) -> [ScriptedInput.Step]) async
        -> (code: Int32, input: ScriptedInput) {
        let box = WizardRuntimeBox()
        let input = ScriptedInput(steps(box))
        let runtime = WizardRuntime(api: RecordingAPI(), store: store, session: DraftSession.new(store: store), environment: [:],
                                    theme: ThemeLoader.builtInDefault, screen: screen, input: input)
        box.runtime = runtime
        let code = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
            Thread { done.resume(returning: runtime.run(Wizard(backend: Self.backend))) }.start()
        }
        return (code, input)
    }

    static func names(_ store: DraftStore) -> [String] { ((try? store.list()) ?? []).compactMap(\.name) }

    @Test func typedNameIsSavedByCtrlSAndCtrlQQuits() async throws {
        let store = try temporaryStore()
        let screen = BufferScreen(rows: 24, cols: 80)
        let r = await Self.run(store, screen: screen) { _ in
            [.wait("the first step", timeout: 10) { screen.find("1/10 Basics") != nil }]
                + ScriptedInput.Step.type("Front desk")
                + [.ctrl("s"), .wait("the saved draft", timeout: 10) { Self.names(store) == ["Front desk"] },
                   .wait("the name on screen", timeout: 10) { screen.find("Front desk") != nil },
                   .ctrl("q")]
        }
        #expect(r.input.failures.isEmpty, "\(r.input.failures)\n\(screen.plainText)")
        #expect(r.code == 0)
        #expect(Self.names(store) == ["Front desk"])
        let cursor = try #require(screen.cursor)
        #expect(screen.text(row: cursor.row).contains("Front desk"), "the cursor is in the Name field")
    }

    @Test func typingIsSavedByTheDebouncedTimerWithoutCtrlS() async throws {
        let store = try temporaryStore()
        let screen = BufferScreen(rows: 24, cols: 80)
        let r = await Self.run(store, screen: screen) { _ in
            [.wait("the first step", timeout: 10) { screen.find("1/10 Basics") != nil }]
                + ScriptedInput.Step.type("Night line")
                + [.wait("the autosave", timeout: 10) { Self.names(store) == ["Night line"] }, .ctrl("q")]
        }
        #expect(r.input.failures.isEmpty, "\(r.input.failures)")
        #expect(r.code == 0)
    }

    @Test func termSavesWhatWasTypedLast() async throws {
        let store = try temporaryStore()
        let screen = BufferScreen(rows: 24, cols: 80)
        let r = await Self.run(store, screen: screen) { box in
            [.wait("the first step", timeout: 10) { screen.find("1/10 Basics") != nil }]
                + ScriptedInput.Step.type("Last words")
                + [.run { box.runtime?.app.requestTermination(signal: SIGTERM) },
                   .wait("the end", timeout: 10) { false }]
        }
        #expect(r.code == 128 + SIGTERM)
        #expect(r.input.failures.isEmpty, "the TERM ended the loop: \(r.input.failures)")
        #expect(Self.names(store) == ["Last words"], "saved at once, not 0.3 s later")
    }

    @Test func aWindowTooSmallIsSaidAndTheFormComesBack() async throws {
        let store = try temporaryStore()
        let screen = BufferScreen(rows: 24, cols: 80)
        var small = ""
        let r = await Self.run(store, screen: screen) { _ in
            [.wait("the first step", timeout: 10) { screen.find("1/10 Basics") != nil },
             .resize(screen, rows: 20, cols: 60), .run { small = screen.plainText },
             .resize(screen, rows: 30, cols: 100),
             .wait("the form again", timeout: 10) { screen.find("1/10 Basics") != nil }, .ctrl("q")]
        }
        #expect(r.input.failures.isEmpty, "\(r.input.failures)")
        #expect(small.contains("80×24"), "\(small)")
        #expect(r.code == 0)
    }
}

/// The runtime, for script steps made before it exists (a TERM is sent through its loop).
final class WizardRuntimeBox: @unchecked Sendable {
    var runtime: WizardRuntime?
}
