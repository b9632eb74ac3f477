import AssistantModel
import Testing
import TerminalUI
@testable import Wizard

/// Issue 13: records inside records (a custom tool's headers, its inputs; Slack's channels) are
/// edited by keys alone in the full-screen record form; Esc discards only the inner record.
@Suite struct NestedRecordTests {
    func latestHarness(_ body: JSONValue = ["name": "n", "prompt": "p"]) -> Harness {
        var h = Harness()
        h.w = Wizard(backend: sandboxBackend, draft: OpenedDraft(slug: nil, body: body, api: .latest), rows: 40, cols: 120)
        return h
    }

    /// Tabs to the field at `path` of the open record form.
    func focusInRecord(_ h: inout Harness, _ path: JSONPath, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0...(h.w.state.record?.form.fields.count ?? 0) {
            if h.w.state.record?.form.focused?.path == path { return }
            h.key(.tab)
        }
        Issue.record("no field \(path) in the record form", sourceLocation: sourceLocation)
    }

    @Test func aToolsHeadersAreEditedInTheirOwnFormInsideTheTools() {
        var h = latestHarness()
        h.go(.tools)
        h.focus("custom_tools")
        h.key(.char("a"))
        #expect(h.text.contains("New tool"))
        h.type("check_stock")
        h.key(.tab); h.type("Checks the stock.")
        focusInRecord(&h, "headers")
        h.key(.char("a"))
        #expect(h.w.state.parentRecords.count == 1)
        #expect(h.text.contains("New tool › New header"), "\(h.text)")
        h.type("Authorization"); h.key(.tab); h.type("Bearer x")
        h.key(.ctrl("s"))
        // Back in the tool's form, with the header in its list; the draft holds the tool as typed so far.
        #expect(h.w.state.parentRecords.isEmpty && h.w.state.record?.noun == "tool")
        #expect(h.w.state.record?.record.value(at: "headers") == [["key": "Authorization", "value": "Bearer x"]])
        #expect(h.w.bodyForSaving.value(at: "custom_tools[0].headers[0].key") == "Authorization")
        // A second header, discarded with Esc: only it goes.
        h.key(.char("a"))
        h.type("X-Drop")
        #expect(h.w.bodyForSaving.value(at: "custom_tools[0].headers[1].key") == "X-Drop", "autosave holds the inner record")
        h.key(.escape)
        #expect(h.w.state.record?.noun == "tool", "Esc closed only the header")
        #expect(h.w.state.record?.record.value(at: "headers") == [["key": "Authorization", "value": "Bearer x"]])
        #expect(h.w.bodyForSaving.value(at: "custom_tools[0].headers[1]") == nil)
        h.key(.ctrl("s"))
        #expect(h.w.state.record == nil)
        #expect(h["custom_tools[0].name"] == "check_stock")
        #expect(h["custom_tools[0].headers"] == [["key": "Authorization", "value": "Bearer x"]])
    }

    @Test func anInnerRecordsMessagesArePlacedInTheWholeDraft() {
        var h = latestHarness()
        h.go(.tools)
        h.focus("custom_tools")
        h.key(.char("a"))
        focusInRecord(&h, "headers")
        h.key(.char("a"))
        h.key(.tab)   // leave the empty header name: its message shows
        let issues = h.w.recordIssues()
        #expect(issues.contains { $0.path == "key" }, "\(issues)")
        #expect(h.text.contains("must not be blank") || h.text.contains("required") || h.text.contains("empty"), "\(h.text)")
    }

    @Test func quittingKeepsEveryOpenRecord() {
        var h = latestHarness()
        h.go(.tools)
        h.focus("custom_tools")
        h.key(.char("a"))
        h.type("t1")
        focusInRecord(&h, "headers")
        h.key(.char("a"))
        h.type("Accept")
        let effects = h.key(.ctrl("q"))
        #expect(effects.last == .quit)
        #expect(h["custom_tools[0].name"] == "t1" && h["custom_tools[0].headers[0].key"] == "Accept")
    }
}

extension NestedRecordTests {
    /// A required object inside a record (a flow block's content and position) starts filled, so
    /// its fields show and can be typed; before, they never appeared and the block could not be valid.
    @Test func aRequiredObjectInARecordShowsItsFields() {
        let node = RecordEditor.newRecord(AssistantSchema.promptFlowNode)
        #expect(node.value(at: "data") == ["title": "", "body": ""])
        #expect(node.value(at: "position")?.objectValue != nil)
        var h = latestHarness()
        h.focus("prompt_flow")
        h.choose("Set up Prompt flow")
        h.focus("prompt_flow.nodes")
        h.key(.char("a"))
        #expect(h.w.state.record?.form.fields.map(\.path).contains("data.title") == true)
        #expect(h.w.state.record?.form.fields.map(\.path).contains("position.x") == true)
    }
}
