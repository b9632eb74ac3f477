import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The start screen's templates, pulls and draft statuses (issue 14).
extension Wizard {
    /// A wizard on its start screen, offering `templates` (the ones `new --template` takes).
    public static func startScreen(backend: Backend, templates: [StartTemplate], rows: Int = 24, cols: Int = 80) -> Wizard {
        var w = Wizard.startScreen(backend: backend, rows: rows, cols: cols)
        w.state.start.showTemplates(templates)
        return w
    }

    mutating func startMessage(_ message: WizardMessage) -> [WizardEffect] {
        switch message {
        case .draftStatuses(let statuses):
            state.start.setStatuses(statuses)
        case .assistantsListed(let result):
            state.start.busy = false
            switch result {
            case .success(let list):
                state.start.showAssistants(list)
                state.start.mode = .pull
                state.start.message = list.isEmpty ? "No assistants \(state.backend.server.onName) to pull." : nil
            case .failure(let error):
                state.start.message = "Could not list the assistants: " + error.message + " " + error.suggestion
            }
        case .pulled(let outcome, let draft):
            state.start.busy = false
            guard let draft else {
                state.start.message = outcome.sentence
                return []
            }
            open(draft)
            state.status = outcome.sentence
            return [.loadVoices]
        case .pulledAll(let outcomes):
            // The drafts list, with their statuses, is where a pull of them all ends.
            state.start.message = PullOutcome.summary(outcomes)
            return [.listDrafts]
        default: break
        }
        return []
    }

    /// The menu's template and pull entries.
    mutating func startEntry(_ entry: StartScreen.Entry) -> [WizardEffect] {
        state.start.message = nil
        switch entry {
        case .template:
            if state.start.templates.isEmpty {
                state.start.message = "No templates were found beside the program (set ASSISTANT_WIZARD_TEMPLATES to their folder)."
            } else {
                state.start.mode = .templates
            }
            return []
        case .pull:
            state.start.busy = true
            state.start.message = "Listing the assistants \(state.backend.server.onName)…"
            return [.listAssistants]
        default: return []
        }
    }

    mutating func templatesInput(_ event: InputEvent) -> [WizardEffect] {
        if event.keyPress == .escape { state.start.mode = .menu; return [] }
        guard state.start.templateList.handle(event) == .submit,
              let name = state.start.templateList.selectedItem?.id,
              let template = state.start.templates.first(where: { $0.name == name }) else { return [] }
        // A new draft whose first body is the template: saved under its own name on the first save.
        open(OpenedDraft(slug: nil, body: template.body))
        state.status = "A new draft from the template \(name): change what you need, then send it."
        return [.newDraft, .loadVoices]
    }

    mutating func pullInput(_ event: InputEvent) -> [WizardEffect] {
        if event.keyPress == .escape, state.start.assistantList.filter.isEmpty { state.start.mode = .menu; return [] }
        guard state.start.assistantList.handle(event) == .submit, let id = state.start.assistantList.selectedItem?.id else { return [] }
        let all = id == StartScreen.allID
        let chosen = all ? state.start.assistants : state.start.assistants.filter { $0.id == id }
        guard !chosen.isEmpty else { return [] }
        state.start.busy = true
        state.start.message = all ? "Pulling \(chosen.count) assistant\(chosen.count == 1 ? "" : "s")…" : "Pulling \((chosen[0].name ?? chosen[0].id).sanitizedForDisplay)…"
        return [.pull(chosen, open: !all)]
    }
}
