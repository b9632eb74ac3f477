import AssistantModel
import Testing
import TerminalUI
@testable import Wizard

@Suite("Time zone picker and record editor hand-offs")
struct PickerAndRecordEditorTests {
    @Test func anEmptyTimeZoneShowsNoZoneAndTabKeepsIt() {
        let body: JSONValue = ["name": "n", "prompt": "p", "call_retry_config": [
            "calling_windows": [["calling_window_start_time": "10:00", "calling_window_end_time": "18:00", "retry_delay_seconds": 7200]],
            "max_retry_attempts": 3, "timezone": ""]]
        var w = Wizard(backend: sandboxBackend, body: body, rows: 30, cols: 100)
        _ = w.update(.input(.key(.alt("8"))))
        guard let i = w.state.form.fields.firstIndex(where: { $0.path == "call_retry_config.timezone" && $0.row.input.kindName == "timeZone" }),
              case .picker(let list) = w.state.form.fields[i].control else {
            Issue.record("no time zone picker: \(w.state.form.fields.map(\.path))"); return
        }
        #expect(list.selectedItem?.id == "")
        w.state.form.focus = i
        _ = w.update(.input(.key(.tab)))
        #expect(w.state.draft.value(at: "call_retry_config.timezone") == .string(""))
    }

    @Test func altEInARecordFormEditsTheRecordNotTheDraft() {
        let body: JSONValue = ["name": "n", "prompt": "p", "faq_items": [["question": "Q?", "answer": "old"]]]
        var w = Wizard(backend: sandboxBackend, body: body, rows: 30, cols: 100)
        _ = w.update(.input(.key(.alt("6"))))
        _ = w.update(.input(.key(.enter)))
        #expect(w.state.record != nil)
        _ = w.update(.input(.key(.tab)))
        #expect(w.state.record?.form.focused?.path == "answer")
        let effects = w.update(.input(.key(.alt("e"))))
        #expect(effects == [.openEditor(path: RecordEditor.editorPrefix + "answer", text: "old")])
        _ = w.update(.editorFinished(path: RecordEditor.editorPrefix + "answer", .success("new answer")))
        #expect(w.state.record?.record.value(at: "answer") == .string("new answer"))
        #expect(w.state.draft.value(at: "faq_items[0].answer") == .string("old"))
        _ = w.update(.input(.key(.ctrl("s"))))
        #expect(w.state.record == nil)
        #expect(w.state.draft.value(at: "faq_items[0].answer") == .string("new answer"))
    }
}
