import AssistantModel
import Drafts
import Foundation
import RevoxClient
import Testing
import TestSupport
import TerminalUI
@testable import Wizard

let sandboxBackend = Backend(isSandbox: true, baseURL: "built-in sandbox", maskedKey: nil)

/// Drives a wizard with keys as a person would, collecting the effects it asks for, and reads
/// its screen back as text.
struct Harness {
    var w: Wizard
    var effects: [WizardEffect] = []

    init(_ body: JSONValue = .object(JSONObject()), record: SubmissionRecord? = nil, rows: Int = 30, cols: Int = 100) {
        w = Wizard(backend: sandboxBackend, body: body, slug: nil, record: record, rows: rows, cols: cols)
    }

    var draft: JSONValue { w.state.draft }
    subscript(_ path: String) -> JSONValue? { w.state.draft.value(at: path) }
    var focusedPath: String? { w.state.form.focused?.path.description }
    var paths: [String] { w.state.form.fields.map(\.path.description) }

    @discardableResult
    mutating func send(_ m: WizardMessage) -> [WizardEffect] {
        let e = w.update(m)
        effects += e
        return e
    }
    @discardableResult
    mutating func key(_ k: KeyPress) -> [WizardEffect] { send(.input(.key(k))) }
    mutating func keys(_ ks: KeyPress...) { for k in ks { key(k) } }
    mutating func type(_ s: String) { for c in s { key(.char(c)) } }
    mutating func paste(_ s: String) { send(.input(.paste(s))) }

    /// Tabs to the field at `path` on the current step (fails the test if it never comes).
    /// `kind` tells rows that share a path apart (the voice list and the voice switch, a nullable
    /// field's choice and its value).
    mutating func focus(_ path: JSONPath, kind: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0...w.state.form.fields.count {
            if w.state.form.focused?.path == path, kind == nil || w.state.form.focused?.row.input.kindName == kind { return }
            key(.tab)
        }
        Issue.record("no field \(path) on \(w.state.step); fields: \(paths)", sourceLocation: sourceLocation)
    }

    /// Moves a focused choice list to the entry titled `title` (from the top, with ↓).
    mutating func choose(_ title: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .choice(let list, _, _)? = w.state.form.focused?.control else {
            Issue.record("\(focusedPath ?? "nothing") is not a choice", sourceLocation: sourceLocation); return
        }
        guard let i = list.items.firstIndex(where: { $0.title == title }) else {
            Issue.record("no entry \(title) in \(list.items.map(\.title))", sourceLocation: sourceLocation); return
        }
        key(.home)
        for _ in 0..<i { key(.down) }
    }

    /// The titles of the focused choice.
    var choiceTitles: [String] {
        if case .choice(let list, _, _)? = w.state.form.focused?.control { return list.items.map(\.title) }
        return []
    }

    /// Jumps to `step` as a person would: its Alt+digit, or (past the ninth step, which has none)
    /// Alt+9 and then Alt+N.
    mutating func go(_ step: Step, sourceLocation: SourceLocation = #_sourceLocation) {
        let steps = w.state.steps
        if let k = steps.hotkey(step) { key(.alt(k)); return }
        key(.alt("9"))
        for _ in 0..<steps.count where w.state.step != step { key(.alt("n")) }
        if w.state.step != step { Issue.record("no step \(step) in \(steps.all)", sourceLocation: sourceLocation) }
    }

    /// Opens the record form of the focused list (`a`), types into its fields and keeps it (Ctrl-S).
    /// `values` are typed field by field, Tab between them; nil leaves a field as it is.
    mutating func addRecord(_ values: [String?]) {
        key(.char("a"))
        for (i, v) in values.enumerated() {
            if i > 0 { key(.tab) }
            if let v { type(v) }
        }
        key(.ctrl("s"))
    }

    func screen() -> BufferScreen {
        let s = BufferScreen(rows: w.state.rows, cols: w.state.cols)
        var c = s.makeCanvas()
        w.render(into: &c)
        s.present(c)
        return s
    }
    var text: String { screen().plainText }

    /// The effects so far, then forgets them.
    mutating func takeEffects() -> [WizardEffect] { defer { effects = [] }; return effects }
}

extension JSONValue {
    static func parse(_ s: String) -> JSONValue { try! JSONParser.parse(s) }
}

func voices() -> [VoiceOption] {
    [VoiceOption(id: "v-ana", name: "Ana", language: "pt-BR", provider: "cartesia", description: "warm"),
     VoiceOption(id: "v-bruno", name: "Bruno", language: "fr-FR", provider: "elevenlabs", description: "calm")]
}

/// This target's golden screens, in `Golden/` beside this file (see TestSupport's `expectGolden`).
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    TestSupport.expectGolden(name, text, directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"),
                             filter: "WizardTests", sourceLocation: sourceLocation)
}
