import Testing
@testable import TerminalUI

/// Whole-screen snapshots compared with files in Golden/. Update with UPDATE_GOLDEN=1.
@Suite struct GoldenTests {
    /// A small form like the wizard's: fields with labels and messages, a list, a help line.
    func form(focus: Int, cols: Int = 60, rows: Int = 16) -> BufferScreen {
        var name = TextInput("Ada 中文")
        let key = TextInput("sk-123", masked: true)
        var prompt = TextArea("You are a helpful assistant for {{company}}. Answer briefly and kindly.", width: 30, height: 4)
        prompt.highlighter = { _ in [] }
        let list = SelectList([SelectItem("Ana", columns: ["pt-BR"]), SelectItem("Bruno", columns: ["fr-FR"])], height: 2, filterable: false)
        name.press(.home)
        let s = BufferScreen(rows: rows, cols: cols)
        var c = s.makeCanvas()
        var y = 0
        func field(_ label: String, _ h: Int, _ i: Int, _ msg: FieldMessage? = nil, _ draw: (inout Canvas, Rect, Bool) -> Void) {
            let r = Rect(row: y, col: 0, width: cols, height: h + 1 + (msg == nil ? 0 : 1))
            drawField(into: &c, in: r, label: label, focused: focus == i, message: msg) { c, r in draw(&c, r, focus == i) }
            y += r.height
        }
        field("Name", 1, 0) { c, r, f in name.render(into: &c, in: r, focused: f) }
        field("API key", 1, 1, FieldMessage("must start with rk-")) { c, r, f in key.render(into: &c, in: r, focused: f) }
        field("Prompt", 4, 2) { c, r, f in prompt.render(into: &c, in: Rect(row: r.row, col: r.col, width: 30, height: r.height), focused: f) }
        field("Voice", 2, 3) { c, r, f in list.render(into: &c, in: r, focused: f) }
        let bindings: [KeyBinding] = [KeyBinding(.ctrl("q"), "quit")] + (focus == 2 ? TextArea.keyBindings : TextInput.keyBindings)
        HelpLine.render(bindings, into: &c, row: rows - 1, width: cols)
        s.present(c)
        return s
    }

    @Test func formFocusedOnName() { expectGolden("form-name-focused", goldenText(form(focus: 0))) }
    @Test func formFocusedOnPrompt() { expectGolden("form-prompt-focused", goldenText(form(focus: 2))) }

    @Test func confirmDialogOverAList() {
        let s = BufferScreen(rows: 10, cols: 50)
        var c = s.makeCanvas()
        var e = ListEditor(["What are your hours?", "Where is parking?"], noun: "FAQ item", height: 4) { [$0] }
        e.press(.char("d"))
        e.render(into: &c, in: c.bounds, focused: true)
        s.present(c)
        expectGolden("list-editor-confirm-delete", goldenText(s))
    }

    @Test func tooSmallScreen() {
        var c = Canvas(rows: 10, cols: 40)
        App<Int>.drawTooSmall(into: &c, needCols: 80, needRows: 24)
        let s = BufferScreen(rows: 10, cols: 40)
        s.present(c)
        expectGolden("too-small", goldenText(s))
    }
}
