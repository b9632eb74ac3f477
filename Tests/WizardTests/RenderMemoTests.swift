import JSON
import Testing
import TerminalUI
@testable import Wizard

/// The header and footer rows are copied from the last frame while what they show is the same
/// (`RowMemo`). A frame drawn that way must be the frame drawn from nothing.
@Suite("Render memo")
struct RenderMemoTests {
    /// Random keys over every step, with saves, failures, help, the sidebar and resizes between
    /// them: after each, the frame drawn with the kept rows equals one drawn with a new memo.
    @Test func aFrameWithKeptRowsIsTheFrameDrawnWhole() {
        var rng = SystemRandomNumberGenerator()
        var h = Harness(["name": "Front desk", "prompt": "Be brief."], rows: 24, cols: 80)
        let keys: [KeyPress] = [.char("a"), .char("é"), .char(" "), .backspace, .tab, .backTab, .enter, .up, .down,
                                .alt("n"), .alt("p"), .alt("1"), .alt("3"), .alt("0"), .ctrl("s"), KeyPress(.function(1)),
                                KeyPress(.function(2)), .escape, .home, .end]
        var compared = 0, kept = 0
        for i in 0..<600 {
            switch Int.random(in: 0..<40, using: &rng) {
            case 0: h.send(.saved(.failed(.invalidName("front/desk"))))
            case 1: h.send(.saved(.saved(slug: "front-desk")))
            case 2: h.send(.resize(rows: [24, 30].randomElement(using: &rng)!, cols: [80, 100, 120].randomElement(using: &rng)!))
            default: h.key(keys.randomElement(using: &rng)!)
            }
            var warm = Canvas(rows: h.w.state.rows, cols: h.w.state.cols)
            let before = h.w.renderMemo.header.hits + h.w.renderMemo.footer.hits
            h.w.render(into: &warm)
            kept += h.w.renderMemo.header.hits + h.w.renderMemo.footer.hits - before
            var cold = h.w
            cold.renderMemo = RenderMemo()
            var whole = Canvas(rows: h.w.state.rows, cols: h.w.state.cols)
            cold.render(into: &whole)
            #expect(warm == whole, "event \(i): kept rows differ from a whole frame\n\(warm.plainText)\n---\n\(whole.plainText)")
            if warm != whole { return }
            compared += 1
        }
        #expect(compared == 600 && kept > 300, "\(kept) kept rows over \(compared) frames")
    }

    /// A key typed into the prompt changes neither row: both are copied, not drawn.
    @Test func typingKeepsTheHeaderAndFooter() {
        var h = Harness(["name": "Front desk", "prompt": "Be brief."], rows: 24, cols: 80)
        h.focus("prompt")
        var canvas = Canvas(rows: 24, cols: 80)
        h.w.render(into: &canvas)
        let before = (h.w.renderMemo.header.hits, h.w.renderMemo.footer.hits)
        for c in "hello" {
            h.key(.char(c))
            canvas.reset(rows: 24, cols: 80)
            h.w.render(into: &canvas)
        }
        #expect(h.w.renderMemo.header.hits - before.0 == 5 && h.w.renderMemo.footer.hits - before.1 == 5)
        #expect(canvas.text(row: 0).contains("Front desk"))
    }
}
