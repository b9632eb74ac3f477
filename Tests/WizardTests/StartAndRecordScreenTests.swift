@testable import AssistantModel
import Drafts
import Testing
import TerminalUI
@testable import Wizard

/// Issue 10: the start screen and the record form own their update and render, and one layout
/// value places both what is drawn and what a click hits (clicks did nothing on either before).
@Suite struct StartAndRecordScreenTests {
    static let template = StartTemplate(name: "survey", body: ["name": "Customer survey", "prompt": "You ask three questions."])

    /// The screen row and column where `text` is drawn.
    static func position(of text: String, in screen: String, fromRow: Int = 0) -> (row: Int, col: Int)? {
        for (r, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where r >= fromRow {
            if let range = line.range(of: text) { return (r, line.distance(from: line.startIndex, to: range.lowerBound)) }
        }
        return nil
    }

    static func press(_ row: Int, _ col: Int) -> InputEvent { .mouse(MouseEvent(.press(button: 1), row: row, col: col)) }

    static func text(_ draw: (inout Canvas) -> Void) -> String {
        let screen = BufferScreen(rows: 24, cols: 80)
        var canvas = screen.makeCanvas()
        draw(&canvas)
        screen.present(canvas)
        return screen.plainText
    }

    // MARK: the start screen alone

    @Test func theStartScreenAnswersKeysWithOutcomes() {
        var start = StartScreen()
        var layout = StartScreen.layout(rows: 24, cols: 80, mode: start.mode)
        #expect(start.update(.key(.char("q")), layout: layout, server: "on X") == .quit)
        #expect(start.update(.key(.enter), layout: layout, server: "on X") == .newDraft)
        _ = start.update(.key(.down), layout: layout, server: "on X")
        #expect(start.update(.key(.enter), layout: layout, server: "on X") == .listDrafts)
        #expect(start.busy, "the list is on its way: keys wait for it")
        #expect(start.update(.key(.enter), layout: layout, server: "on X") == .none)
        #expect(start.receive(.draftsListed(.success([])), server: "on X") == .none)
        #expect(start.mode == .drafts && start.message == "No saved drafts yet." && !start.busy)
        layout = StartScreen.layout(rows: 24, cols: 80, mode: start.mode)
        #expect(start.update(.key(.escape), layout: layout, server: "on X") == .none && start.mode == .menu)
        #expect(start.receive(.pulledAll([.created(slug: "desk")]), server: "on X") == .listDrafts)
    }

    @Test func aClickOnAStartMenuRowIsEnterOnIt() throws {
        var start = StartScreen()
        start.showTemplates([Self.template])
        let layout = StartScreen.layout(rows: 24, cols: 80, mode: .menu)
        let drawn = Self.text { start.render(into: &$0, layout: layout, server: "on X") }
        let row = try #require(Self.position(of: "Start from a template", in: drawn), "\(drawn)")
        #expect(row.row == layout.list.row + StartScreen.Entry.template.rawValue, "drawn where the layout says")
        #expect(start.update(Self.press(row.row, row.col), layout: layout, server: "on X") == .none)
        #expect(start.mode == .templates)
        let list = StartScreen.layout(rows: 24, cols: 80, mode: .templates)
        let templates = Self.text { start.render(into: &$0, layout: list, server: "on X") }
        let survey = try #require(Self.position(of: "survey", in: templates), "\(templates)")
        #expect(start.update(Self.press(survey.row, survey.col), layout: list, server: "on X") == .fromTemplate(Self.template))
        // Beside the list, or on the heading, a click does nothing.
        #expect(start.update(Self.press(list.area.row, list.area.col), layout: list, server: "on X") == .none)
    }

    // MARK: the start screen in the wizard

    @Test func clickingADrawnDraftOpensIt() throws {
        var h = Harness()
        h.w = Wizard.startScreen(backend: sandboxBackend, rows: 24, cols: 100)
        let drafts = try #require(Self.position(of: "Open a saved draft", in: h.text), "\(h.text)")
        #expect(h.send(.input(Self.press(drafts.row, drafts.col))) == [.listDrafts])
        _ = h.send(.draftsListed(.success([
            DraftSummary(slug: "desk", name: "Desk", file: "/d/desk.json", modified: 2, errorCount: 0, warningCount: 0),
            DraftSummary(slug: "clinic", name: "Clinic", file: "/d/clinic.json", modified: 1, errorCount: 0, warningCount: 0),
        ])))
        let clinic = try #require(Self.position(of: "Clinic", in: h.text), "\(h.text)")
        #expect(h.send(.input(Self.press(clinic.row, clinic.col))) == [.openDraft(slug: "clinic")], "\(h.text)")
    }

    @Test func clickingADrawnTemplateStartsADraftFromIt() throws {
        var h = Harness()
        h.w = Wizard.startScreen(backend: sandboxBackend, templates: [Self.template], rows: 24, cols: 100)
        let entry = try #require(Self.position(of: "Start from a template", in: h.text), "\(h.text)")
        _ = h.send(.input(Self.press(entry.row, entry.col)))
        let survey = try #require(Self.position(of: "Customer survey", in: h.text), "\(h.text)")
        let effects = h.send(.input(Self.press(survey.row, survey.col)))
        #expect(effects == [.newDraft, .loadVoices])
        #expect(h.draft == Self.template.body)
    }

    // MARK: the record form

    /// A wizard on the FAQ step with its one item's form open.
    static func faqForm() -> Harness {
        var h = Harness(["name": "n", "prompt": "p", "faq_items": [["question": "Q?", "answer": "old"]]])
        h.key(.alt("6"))
        h.key(.enter)
        return h
    }

    @Test func clickingARecordFieldFocusesIt() throws {
        var h = Self.faqForm()
        #expect(h.w.state.record?.form.focused?.path == "question")
        let box = try #require(h.w.recordLayout().editors.last?.form)
        let label = try #require(h.w.state.record?.form.fields.first { $0.path == "answer" }?.label)
        let answer = try #require(Self.position(of: label, in: h.text, fromRow: box.row), "\(h.text)")
        _ = h.send(.input(Self.press(answer.row, answer.col)))
        #expect(h.w.state.record?.form.focused?.path == "answer", "\(h.text)")
        #expect(h.w.state.record?.shownPaths.contains("question") == true, "the field left shows its messages")
        h.type("!")
        #expect(h.w.state.record?.record.value(at: "answer")?.stringValue?.contains("!") == true, "typed into the answer")
    }

    @Test func theTitlesWordsKeepOrDiscardTheRecord() throws {
        var h = Self.faqForm()
        h.type(" more")
        let keep = try #require(Self.position(of: RecordEditor.keepLabel, in: h.text), "\(h.text)")
        #expect(h.w.recordLayout().editors.last?.keep == Rect(row: keep.row, col: keep.col, width: RecordEditor.keepLabel.count, height: 1),
                "the layout's button is where it is drawn")
        _ = h.send(.input(Self.press(keep.row, keep.col + 3)))
        #expect(h.w.state.record == nil)
        #expect(h["faq_items[0].question"] == "Q? more")

        h.key(.enter)
        h.type(" dropped")
        let discard = try #require(Self.position(of: RecordEditor.discardLabel, in: h.text), "\(h.text)")
        let effects = h.send(.input(Self.press(discard.row, discard.col)))
        #expect(h.w.state.record == nil)
        #expect(h["faq_items[0].question"] == "Q? more")
        #expect(effects == [.save(h.draft, slug: nil)], "saved without the discarded record")
    }

    @Test func aClickOffTheFormNoLongerFlipsTheFocusedSwitch() {
        // A press went to the focused widget wherever it landed: a click on the header flipped a switch.
        var h = Harness(["name": "n", "prompt": "p"])
        h.go(.structuredOutput)
        h.focus("structured_output_config")
        h.key(.char("a"))
        for _ in 0..<8 where h.w.state.record?.form.focused?.path != "required" { h.key(.tab) }
        #expect(h.w.state.record?.form.focused?.path == "required")
        #expect(h.w.state.record?.record.value(at: "required") == false)
        _ = h.send(.input(Self.press(1, 50)))
        #expect(h.w.state.record?.record.value(at: "required") == false, "\(h.text)")
    }

    @Test func theRecordFormAloneAnswersWithOutcomes() {
        let spec = FieldSpec(key: "question", path: "question", label: "Question", help: "", kind: .text, required: true)
        var editor = RecordEditor(listPath: "faq_items", index: nil, fieldIndex: 0, item: [spec], noun: "FAQ item", record: nil)
        let layout = editor.layout(in: Rect(row: 2, col: 1, width: 78, height: 20), depth: 0, trail: editor.title, active: true,
                                   issues: [.error("question", "Question is empty.")], showAll: true)
        #expect(layout.title == " New FAQ item · ctrl+s keep · esc discard ")
        #expect(layout.messages["question"]?.text == "Question is empty.")
        #expect(editor.update(.key(.char("W")), layout: layout) == .changed)
        #expect(editor.record.value(at: "question") == "W")
        #expect(editor.update(.key(.alt("e")), layout: layout) == .openEditor(path: RecordEditor.editorPrefix + "question", text: "W"))
        #expect(editor.update(.key(.ctrl("s")), layout: layout) == .keep)
        #expect(editor.update(.key(.escape), layout: layout) == .discard)
        let drawn = Self.text { editor.render(into: &$0, layout: layout) }
        #expect(drawn.contains("Question is empty."), "\(drawn)")
        // A narrow box cuts the title: a word cut is no button.
        let narrow = editor.layout(in: Rect(row: 2, col: 1, width: 30, height: 20), depth: 0, trail: editor.title, active: true, issues: [], showAll: false)
        #expect(narrow.discard == nil)
    }
}
