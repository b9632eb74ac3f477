import AssistantModel
import Testing
@testable import TerminalUI
@testable import Wizard

/// A key typed into a prompt that is one long line costs what it costs in a short one: counted in
/// Characters wrapped (`WorkCounter.wrapping`), not timed. Before, the form gave its text areas a width two
/// columns off the one they are drawn at, so every frame re-wrapped the whole line.
@Suite("Long line key cost")
struct LongLineKeyCostTests {
    static let line = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 2_300)   // ~100 KB, no newline

    /// Characters wrapped while `body` runs.
    func wrapped(_ body: () -> Void) -> Int {
        WorkCounter.counting(WorkCounter.$wrapping, body)
    }

    func drawn(_ w: Wizard) {
        var canvas = Canvas(rows: w.state.rows, cols: w.state.cols)
        w.render(into: &canvas)
    }

    /// Characters wrapped by each of three keys typed into the prompt holding `prompt`, and its frame.
    func wrappedPerKey(prompt: String) -> [(KeyPress, Int)] {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n", "prompt": .string(prompt)], rows: 24, cols: 80)
        _ = w.update(.input(.key(.tab)))
        #expect(w.state.form.focused?.path == "prompt")
        drawn(w)
        return [KeyPress.char("x"), KeyPress(.backspace), KeyPress.char("y")].map { key in
            (key, wrapped {
                _ = w.update(.input(.key(key)))
                drawn(w)
            })
        }
    }

    @Test func aKeyAndItsFrameWrapOnlyTheRowsAroundIt() {
        for (key, n) in wrappedPerKey(prompt: Self.line) {
            // A screenful of rows either side is a few thousand Characters; the line is 100,000.
            #expect(n < 5_000, "\(key): \(n) Characters wrapped")
        }
    }

    /// Lines that wrap but are short (no layout of their own): a frame re-wraps only the line the
    /// key changed, not every line on screen (before: every line shown, on every frame).
    @Test func aKeyAndItsFrameRewrapOnlyTheLineEdited() {
        let prose = String(repeating: "The quick brown fox jumps over the lazy dog; the assistant waits for {{caller_name}}. 0123456789\n", count: 30)
        for (key, n) in wrappedPerKey(prompt: prose) {
            #expect(n > 0 && n <= 2 * 100, "\(key): \(n) Characters wrapped")
        }
    }

    /// Where the focused text area keeps its first line's bytes.
    func storage(_ w: Wizard) -> Int? {
        guard case .longText(let t)? = w.state.form.focused?.control else { return nil }
        return t.storageAddress(line: 0)
    }

    /// The form's control is an enum: a key must edit the line in place, not a copy of it.
    @Test func aKeyEditsTheLineInPlace() {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n", "prompt": .string(Self.line)], rows: 24, cols: 80)
        _ = w.update(.input(.key(.tab)))
        _ = w.update(.input(.key(.char("x"))))   // the first key may grow the storage
        let before = storage(w)
        #expect(before != nil)
        for c in "yz" {
            _ = w.update(.input(.key(.char(c))))
            #expect(storage(w) == before, "\(c): the line was copied")
        }
    }

    @Test func aTextAreaInARecordFormIsDrawnAtTheWidthItWraps() {
        var w = Wizard(backend: sandboxBackend, body: ["name": "n"], rows: 24, cols: 80)
        _ = w.go(to: .faq)
        guard let list = w.state.form.fields.firstIndex(where: { $0.path == "faq_items" }) else {
            Issue.record("no FAQ list on \(w.state.step)"); return
        }
        w.openRecord(field: list, row: nil)
        guard let record = w.state.record else { Issue.record("no record form on \(w.state.step)"); return }
        let areas = record.form.fields.compactMap { f -> (JSONPath, Int, Int)? in
            if case .longText(let t) = f.control { return (f.path, t.width, f.indent) }
            return nil
        }
        #expect(!areas.isEmpty, "no text area in \(record.form.fields.map(\.path))")
        for (path, width, indent) in areas {
            #expect(width == record.form.messageWidth - indent * 2, "\(path)")
        }
    }
}
