import Testing
@testable import TerminalUI

@Suite struct SelectListTests {
    let items = (1...20).map { SelectItem("Item \($0)", columns: [$0 % 2 == 0 ? "even" : "odd"]) }

    @Test func typeToFilterAndSelect() {
        var l = SelectList(items, height: 4)
        l.type("1")
        #expect(l.visible.count == 11) // 1, 10…19
        l.type("5")
        #expect(l.selectedItem?.title == "Item 15")
        let r1 = l.press(.enter)
        #expect(r1 == .submit)
        l.press(.escape)
        #expect(l.filter.isEmpty)
        #expect(l.selectedItem?.title == "Item 15") // clearing the filter keeps the choice
    }

    @Test func filterMatchesSecondaryColumns() {
        var l = SelectList(items, height: 4)
        l.type("even")
        #expect(l.visible.count == 10)
    }

    @Test func scrollingWithFixedHeight() {
        var l = SelectList(items, height: 4, filterable: false)
        for _ in 0..<6 { l.press(.down) }
        let s = l.screen(rows: 4, cols: 30)
        #expect(s.text(row: 3).hasPrefix("› Item 7"))
        #expect(s.text(row: 0).hasPrefix("  Item 4"))
        l.press(.end)
        #expect(l.selectedItem?.title == "Item 20")
        let r2 = l.press(.enter)
        #expect(r2 == .submit)
    }

    @Test func noMatchesAndUnhandledEscape() {
        var l = SelectList(items, height: 4)
        l.type("zzz")
        #expect(l.selectedItem == nil)
        #expect(l.screen(rows: 5, cols: 30).find("no matches") != nil)
        l.press(.escape)
        #expect(l.press(.escape) == .unhandled) // nothing to clear: the parent may use Esc
    }
}

@Suite struct SmallWidgetTests {
    @Test func toggle() {
        var t = Toggle()
        let r3 = t.press(.char(" "))
        #expect(r3 == .changed)
        #expect(t.isOn)
        #expect(t.screen(rows: 1, cols: 12).text(row: 0).hasPrefix("[x] yes"))
        t.press(.char("n"))
        #expect(!t.isOn)
        let r4 = t.didBlur()
        #expect(r4)
    }

    @Test func numberInputRefusesNonNumbers() {
        var n = NumberInput(minimum: 0, maximum: 100)
        n.type("4a2")
        #expect(n.text == "42")
        n.type("x")
        #expect(n.refusal == "whole numbers only")
        n.type(".")
        #expect(n.text == "42")
        n.type("-")
        #expect(n.text == "42")
    }

    @Test func numberInputStepsAndClamps() {
        var n = NumberInput(1.0, minimum: 0.5, maximum: 2, step: 0.1, allowsDecimal: true)
        n.press(.up); n.press(.up)
        #expect(n.text == "1.2")
        n.press(.pageUp)
        #expect(n.value == 2)
        n.press(.pageDown); n.press(.pageDown)
        #expect(n.value == 0.5)
        n.press(.ctrl("u"))
        #expect(n.value == nil)
        n.type("1.25")
        #expect(n.value == 1.25)
        n.type(".")
        #expect(n.text == "1.25")
    }

    @Test func listEditorAddEditDeleteMove() {
        var e = ListEditor(["a", "b", "c"], noun: "row", height: 3) { [$0] }
        let r5 = e.press(.char("a"))
        #expect(r5 == .edit(index: nil))
        e.commit("d", at: nil)
        #expect(e.rows == ["a", "b", "c", "d"])
        e.press(.home)
        let r6 = e.press(.enter)
        #expect(r6 == .edit(index: 0))
        e.commit("A", at: 0)
        e.press(KeyPress(.down, .shift))
        #expect(e.rows == ["b", "A", "c", "d"])
        #expect(e.selectedIndex == 1)
        e.press(.char("d"))
        #expect(e.confirmingDelete != nil)
        let r7 = e.press(.char("n"))
        #expect(r7 == .handled)
        #expect(e.rows.count == 4)
        e.press(.delete)
        let r8 = e.press(.char("y"))
        #expect(r8 == .changed)
        #expect(e.rows == ["b", "c", "d"])
    }

    @Test func listEditorDeleteDefaultsToKeep() {
        var e = ListEditor(["a"], height: 3) { [$0] }
        e.press(.char("d"))
        #expect(e.press(.enter) == .handled) // Enter on the safe, preselected "Keep"
        #expect(e.rows == ["a"])
    }

    @Test func listEditorScrolls() {
        var e = ListEditor((1...10).map { "row \($0)" }, height: 3) { [$0] }
        for _ in 0..<5 { e.press(.down) }
        let s = e.screen(rows: 4, cols: 20)
        #expect(s.text(row: 2).hasPrefix("› 6. row 6"))
        #expect(s.find("item 6 of 10") != nil)
    }

    @Test func confirmDialog() {
        var d = ConfirmDialog(title: "Quit?", message: "Really quit?")
        let r9 = d.press(.right)
        #expect(r9 == .handled)
        let r10 = d.press(.enter)
        #expect(r10 == .submit)
        #expect(!d.confirmed)
        var y = ConfirmDialog(title: "Quit?", message: "Really quit?")
        let r11 = y.press(.char("y"))
        #expect(r11 == .submit)
        #expect(y.confirmed)
        let r12 = y.press(.escape)
        #expect(r12 == .cancel)
    }

    @Test func dialogSanitizesMessage() {
        let d = MessageDialog(title: "Error", message: "bad \u{1B}[2J input")
        let s = d.screen(rows: 8, cols: 40)
        #expect(s.find("\\u{1B}[2J") != nil)
        #expect(s.find("[ OK ]") != nil)
    }

    @Test func helpLineFromBindings() {
        #expect(HelpLine.text([KeyBinding(.ctrl("q"), "quit"), KeyBinding([.tab, .backTab], "field")]) == "ctrl+q quit · tab/shift+tab field")
        var c = Canvas(rows: 1, cols: 20)
        HelpLine.render(TextInput.keyBindings, into: &c, row: 0, width: 20)
        #expect(c.text(row: 0).hasPrefix("ctrl+a/home start"))
        #expect(c[0, 0].style.slot == .accent)
    }

    @Test func spinnerAndStatusBar() {
        var sp = Spinner(label: "sending")
        sp.tick()
        #expect(sp.text == "⠙ sending")
        var c = Canvas(rows: 1, cols: 30)
        StatusBar(left: "left", right: "SANDBOX").render(into: &c, row: 0, width: 30)
        #expect(c.text(row: 0) == " left                 SANDBOX ")
    }

    @Test func textViewScrollsAndHighlightsJSON() {
        let json = "{\n  \"name\": \"Ada\",\n  \"n\": 12,\n  \"ok\": true,\n  \"x\": null\n}"
        var v = TextView(JSONHighlighter.styledLines(json), height: 3)
        let s = v.screen(rows: 3, cols: 20)
        #expect(s.text(row: 1).hasPrefix("  \"name\": \"Ada\","))
        #expect(s.style(row: 1, col: 2).slot == .jsonKey)
        #expect(s.style(row: 1, col: 10).slot == .jsonString)
        #expect(s.style(row: 1, col: 8).slot == .jsonPunctuation)
        v.press(.down); v.press(.down)
        let t = v.screen(rows: 3, cols: 20)
        #expect(t.text(row: 0).hasPrefix("  \"n\": 12,"))
        #expect(t.style(row: 0, col: 7).slot == .jsonNumber)
        #expect(t.style(row: 1, col: 8).slot == .jsonBool)
    }

    @Test func textViewWraps() {
        let v = TextView(text: "aaaa bbbb cccc", wrap: true, height: 3)
        let s = v.screen(rows: 3, cols: 6)
        #expect(s.text(row: 0).hasPrefix("aaaa "))
        #expect(s.text(row: 1).hasPrefix("bbbb "))
    }

    @Test func fieldFrameShowsLabelAndMessage() {
        var c = Canvas(rows: 3, cols: 30)
        let t = TextInput("x")
        drawField(into: &c, in: c.bounds, label: "Name", focused: true, message: FieldMessage("required")) { c, r in
            t.render(into: &c, in: r, focused: true)
        }
        #expect(c.text(row: 0).hasPrefix("› Name"))
        #expect(c.text(row: 1).hasPrefix("  x"))
        #expect(c.text(row: 2).hasPrefix("  ✗ required"))
        #expect(c[2, 2].style.slot == .error)
    }
}
