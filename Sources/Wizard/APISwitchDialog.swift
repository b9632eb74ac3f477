import AssistantModel
import TerminalUI

/// The Basics step's switch between API generations: a row that names the generation the draft
/// speaks, and the question Enter on it asks, which says what the switch changes before it is made.
struct APISwitchDialog: Sendable {
    var change: GenerationSwitch
    var dialog: MessageDialog

    init(_ change: GenerationSwitch) {
        self.change = change
        // With values the target lacks, the user says whether they stay in the request.
        let buttons = change.unknownThere.isEmpty ? ["Switch", "Cancel"] : ["Keep them", "Drop them", "Cancel"]
        dialog = MessageDialog(title: " API generation ", message: change.summary.joined(separator: " "), buttons: buttons,
                               selectedButton: buttons.count - 1)
    }

    /// The body the chosen button makes, or nil for Cancel.
    var chosenBody: JSONValue? {
        switch (dialog.buttons.count, dialog.selectedButton) {
        case (2, 0), (3, 0): return change.body
        case (3, 1): return change.dropping
        default: return nil
        }
    }
}

extension Wizard {
    /// The switch row's path: no field of the request has it.
    static let apiRowPath = JSONPath([.key("#api")])

    func apiRow() -> FormField {
        let g = state.generation, other: APIGeneration = g == .seed ? .latest : .seed
        let spec = FieldSpec(key: "api", path: Wizard.apiRowPath.description, label: "API generation",
                             help: "Which Revox API the draft is written for; Enter shows what switching changes.", kind: .text)
        let list = SelectList([SelectItem("\(g) (SDK revox \(g.sdkVersion))", id: g.rawValue)], height: 1, filterable: false)
        var row = FormField(FormRow(path: Wizard.apiRowPath, spec: spec, label: "API generation (enter: switch to \(other))", indent: 0,
                                    input: .generation, keepsEmpty: true), control: .picker(list))
        // The row never writes the draft: the switch is a question of its own.
        row.pick = { _, _ in }
        return row
    }

    mutating func openAPISwitch() {
        let from = state.generation
        state.apiSwitch = APISwitchDialog(GenerationSwitch(state.draft, from: from, to: from == .seed ? .latest : .seed))
    }

    mutating func apiSwitchInput(_ event: InputEvent) -> [WizardEffect] {
        guard var s = state.apiSwitch else { return [] }
        let r = s.dialog.handle(event)
        state.apiSwitch = s
        guard r == .submit || r == .cancel else { return [] }
        state.apiSwitch = nil
        guard r == .submit, let body = s.chosenBody else {
            state.status = "Still \(s.change.from): nothing changed."
            return []
        }
        flushEdits()
        state.draft = body
        state.api = s.change.to
        state.status = "The draft now speaks \(s.change.to) (SDK revox \(s.change.to.sdkVersion)): \(state.steps.count) steps."
        revalidate()
        rebuildForm()
        if let i = state.form.fields.firstIndex(where: { $0.path == Wizard.apiRowPath }) { state.form.focus = i }
        return [.chooseAPI(s.change.to)] + saveEffects()
    }

    func renderAPISwitch(_ s: APISwitchDialog, into canvas: inout Canvas) {
        s.dialog.render(into: &canvas, in: viewport, focused: true)
    }
}
