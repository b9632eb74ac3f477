import Foundation
import Testing
@testable import TerminalUI

/// The real run loop (`App.run`) on an in-memory screen with scripted input: keys through the
/// decoder, timers, the mailbox, resize, Ctrl-Z and termination, with no terminal.
@Suite struct AppLoopTests {
    enum Msg: Sendable, Equatable { case timer(Int), posted(String) }

    struct State {
        var text = ""
        var log: [String] = []
    }

    /// Runs a loop that types keys into `text`, logs everything else and quits on Ctrl-Q (code 7).
    /// `onMessage` may schedule or post more.
    static func run(_ steps: [ScriptedInput.Step], rows: Int = 5, cols: Int = 30, handlesTermination: Bool = true,
                    quitOnTerminate: Bool = true, screen: BufferScreen? = nil,
                    start: @escaping (App<Msg>) -> Void = { _ in }) -> (code: Int32, state: State, screen: BufferScreen, input: ScriptedInput) {
        let screen = screen ?? BufferScreen(rows: rows, cols: cols)
        let input = ScriptedInput(steps)
        var options = App<Msg>.Options()
        options.minimumCols = 20
        options.minimumRows = 3
        options.handlesTermination = handlesTermination
        let app = App<Msg>(options: options, screen: screen, input: input)
        start(app)
        var state = State()
        let code = app.run(state: &state, update: { s, event, app in
            switch event {
            case .input(.key(let k)) where k == .ctrl("q"): return .quit(7)
            case .input(.key(let k)): if let c = k.text { s.text.append(c) } else { s.log.append("key \(k)") }
            case .input(.paste(let p)): s.text += p
            case .input(.resize(let r, let c)): s.log.append("resize \(r)x\(c)")
            case .input(let e): s.log.append("\(e)")
            case .message(let m): s.log.append("\(m)")
            case .terminate(let sig):
                s.log.append("terminate \(sig)")
                if quitOnTerminate { return .quit(100 + sig) }
            }
            return .continue
        }, render: { s, canvas in
            canvas.put("> " + s.text, row: 0, col: 0)
            canvas.cursor = (0, 2 + s.text.count)
            canvas.put(s.log.last ?? "", row: 1, col: 0)
        })
        return (code, state, screen, input)
    }

    @Test func keysGoThroughTheDecoderAndAreDrawnBeforeTheNextStep() {
        var seen: [String] = []
        let screen = BufferScreen(rows: 5, cols: 30)
        let r = Self.run(ScriptedInput.Step.type("hé") + [
            .run { seen.append(screen.text(row: 0)) },
            .bytes(Array("\u{1B}[200~pas\rted\u{1B}[201~".utf8)), .bytes([0x1B, 0x5B, 0x41]), // a paste, then ↑
            .run { seen.append(screen.text(row: 0)) },
            ScriptedInput.Step.ctrl("q"),
        ], screen: screen)
        #expect(r.code == 7)
        #expect(seen.first?.trimmingCharacters(in: .whitespaces) == "> hé")
        #expect(r.state.text == "hépas\nted", "the paste came whole, its CR as a newline")
        #expect(seen.count == 2 && seen[1].hasPrefix("> hépas"))
        #expect(r.state.log == ["key ↑"])
        #expect(r.input.failures.isEmpty)
    }

    @Test func aLoneEscapeIsTheEscapeKeyAfterTheDelay() {
        let r = Self.run([.bytes([0x1B]), .wait("nothing", timeout: 0.05) { false }, ScriptedInput.Step.ctrl("q")])
        // The wait fails (its condition never holds), which ends the script: the ESC came first.
        #expect(r.state.log.first == "key esc")
        #expect(r.input.failures.count == 1)
    }

    @Test func timersAndTheMailboxReachUpdateAndAFrameFollows() {
        let screen = BufferScreen(rows: 5, cols: 30)
        let r = Self.run([
            .wait("the timer", timeout: 5) { screen.text(row: 1).hasPrefix("timer(1)") },
            .wait("the post", timeout: 5) { screen.text(row: 1).hasPrefix("posted(\"from a thread\")") },
            ScriptedInput.Step.ctrl("q"),
        ], screen: screen) { app in
            app.schedule(after: 0.02, .timer(1))
            let mailbox = app.mailbox
            Thread { usleep(60_000); mailbox.post(.posted("from a thread")) }.start()
        }
        #expect(r.code == 7)
        #expect(r.input.failures.isEmpty, "\(r.input.failures)")
        #expect(r.state.log == ["timer(1)", "posted(\"from a thread\")"])
    }

    @Test func timersScheduledOutOfOrderArriveByDeadline() {
        let screen = BufferScreen(rows: 5, cols: 30)
        let r = Self.run([
            .wait("the last timer", timeout: 5) { screen.text(row: 1).hasPrefix("timer(3)") },
            ScriptedInput.Step.ctrl("q"),
        ], screen: screen) { app in
            app.schedule(after: 0.09, .timer(3))
            app.schedule(after: 0.03, .timer(1))
            app.schedule(after: 0.06, .timer(2))
            app.schedule(after: 0, .timer(0))
        }
        #expect(r.input.failures.isEmpty, "\(r.input.failures)")
        #expect(r.state.log == ["timer(0)", "timer(1)", "timer(2)", "timer(3)"])
    }

    @Test func aResizeIsAppliedAndTooSmallAWindowIsSaid() {
        let screen = BufferScreen(rows: 5, cols: 30)
        var small = ""
        let r = Self.run([.resize(screen, rows: 2, cols: 10), .run { small = screen.plainText },
                          .resize(screen, rows: 6, cols: 40), ScriptedInput.Step.ctrl("q")], screen: screen)
        #expect(r.state.log == ["resize 2x10", "resize 6x40"])
        #expect(small.contains("The window"))
        #expect(screen.rows == 6 && screen.cols == 40 && screen.text(row: 1).hasPrefix("resize 6x40"))
    }

    @Test func ctrlZSuspendsThroughTheInputSourceAndIsNotAKey() {
        let r = Self.run([ScriptedInput.Step.ctrl("z"), .bytes(Array("a".utf8)), ScriptedInput.Step.ctrl("q")])
        #expect(r.input.suspendCount == 1)
        #expect(r.state.text == "a" && r.state.log.isEmpty)
    }

    @Test func termIsDeliveredToUpdateThroughTheSignalPipe() {
        var app: App<Msg>?
        let r = Self.run([.bytes(Array("x".utf8)), .run { app?.requestTermination(signal: SIGTERM) },
                          .wait("never", timeout: 5) { false }], start: { app = $0 })
        #expect(r.code == 100 + SIGTERM)
        #expect(r.state.log == ["terminate \(SIGTERM)"])
        #expect(r.input.failures.isEmpty, "the TERM ended the loop before the wait ran out")
    }

    @Test func inputThatRunsOutIsAHangUpThenEndsTheLoop() {
        let told = Self.run([.bytes(Array("ab".utf8))])
        #expect(told.code == 100 + SIGHUP && told.state.log == ["terminate \(SIGHUP)"] && told.state.text == "ab")
        // A program that goes on after the hang-up is ended as by a second one.
        let ignored = Self.run([.bytes(Array("ab".utf8))], quitOnTerminate: false)
        #expect(ignored.code == 128 + SIGHUP)
        // Without termination handling the hang-up ends the loop at once, as the signal would.
        let plain = Self.run([.bytes(Array("ab".utf8))], handlesTermination: false)
        #expect(plain.code == 128 + SIGHUP && plain.state.log.isEmpty)
    }
}
