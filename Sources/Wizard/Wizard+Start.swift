import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The start screen (issue 14): the screen handles its own keys, clicks and lists; the wizard
/// opens what it picks and hands its requests to the runtime.
extension Wizard {
    /// A wizard on its start screen, offering `templates` (the ones `new --template` takes).
    public static func startScreen(backend: Backend, templates: [StartTemplate], rows: Int = 24, cols: Int = 80) -> Wizard {
        var w = Wizard.startScreen(backend: backend, rows: rows, cols: cols)
        w.state.start.showTemplates(templates)
        return w
    }

    /// Where the start screen is drawn this frame; its clicks are read against the same value.
    var startLayout: StartScreen.Layout { StartScreen.layout(rows: state.rows, cols: state.cols, mode: state.start.mode) }

    mutating func startInput(_ event: InputEvent) -> [WizardEffect] {
        startOutcome(state.start.update(event, layout: startLayout, server: state.backend.server.onName))
    }

    mutating func startMessage(_ message: WizardMessage) -> [WizardEffect] {
        if case .pulled(let outcome, let draft?) = message {
            state.start.busy = false
            open(draft)
            state.status = outcome.sentence
            return [.loadVoices]
        }
        return startOutcome(state.start.receive(message, server: state.backend.server.onName))
    }

    mutating func startOutcome(_ outcome: StartScreen.Outcome) -> [WizardEffect] {
        switch outcome {
        case .none: return []
        case .quit: return [.quit]
        case .newDraft:
            open(OpenedDraft(slug: nil, body: .object(JSONObject())))
            return [.newDraft] + apiEffects(recorded: nil) + [.loadVoices]
        case .fromTemplate(let template):
            // A new draft whose first body is the template: saved under its own name on the first save.
            open(OpenedDraft(slug: nil, body: template.body))
            state.status = "A new draft from the template \(template.name): change what you need, then send it."
            return [.newDraft, .loadVoices]
        case .listDrafts: return [.listDrafts]
        case .openDraft(let slug): return [.openDraft(slug: slug)]
        case .fetchAssistant(let id): return [.fetchAssistant(id: id)]
        case .listAssistants: return [.listAssistants]
        case .pull(let chosen, let open): return [.pull(chosen, open: open)]
        }
    }
}
