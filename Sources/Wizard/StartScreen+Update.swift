import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The start screen's keys, clicks and the runtime's answers. What needs the wizard or the
/// runtime (opening a draft, listing, fetching, pulling) comes back as an outcome.
extension StartScreen {
    enum Outcome: Equatable, Sendable {
        case none
        case quit
        /// A new, empty draft.
        case newDraft
        /// A new draft whose first body is this template.
        case fromTemplate(StartTemplate)
        case listDrafts
        case openDraft(slug: String)
        case fetchAssistant(id: String)
        case listAssistants
        case pull([Assistant], open: Bool)
    }

    /// Where the screen's parts sit: drawing and mouse clicks read this one value.
    struct Layout: Equatable, Sendable {
        /// Below the header, inside the margins.
        var area: Rect
        /// The mode's list (or the id's input line).
        var list: Rect
        var statusRow: Int { area.row + 1 }
        var hintRow: Int { area.row + 2 }
        /// The first of the five rows a message may wrap over.
        var messageRow: Int { area.bottom - 5 }
    }

    static func layout(rows: Int, cols: Int, mode: Mode) -> Layout {
        let area = Rect(row: 3, col: 4, width: cols - 8, height: rows - 6)
        let list: Rect
        switch mode {
        case .menu: list = Rect(row: area.row + 2, col: area.col, width: 50, height: entries.count)
        case .drafts, .pull: list = Rect(row: area.row + 3, col: area.col, width: area.width, height: min(13, area.height - 4))
        case .fetchByID: list = Rect(row: area.row + 3, col: area.col, width: min(60, area.width), height: 1)
        case .templates: list = Rect(row: area.row + 3, col: area.col, width: area.width, height: min(9, area.height - 4))
        }
        return Layout(area: area, list: list)
    }

    /// `server`: where the requests go, as a sentence ends ("on https://…", "in the built-in sandbox").
    mutating func update(_ event: InputEvent, layout: Layout, server: String) -> Outcome {
        guard !busy else { return .none }
        var event = event
        if case .mouse(let m) = event, case .press = m.kind {
            // A click on a row is Enter on it: the row is highlighted, then opened.
            guard clickRow(m, in: layout.list) else { return .none }
            event = .key(.enter)
        }
        switch mode {
        case .menu: return menuInput(event, server: server)
        case .drafts:
            if event.keyPress == .escape, draftList.filter.isEmpty { mode = .menu; return .none }
            guard draftList.handle(event) == .submit, let slug = draftList.selectedItem?.id else { return .none }
            busy = true
            return .openDraft(slug: slug)
        case .fetchByID:
            if event.keyPress == .escape { mode = .menu; return .none }
            let r = idInput.handle(event)
            let id = idInput.value[...].trimmed(" ")
            guard r == .submit, !id.isEmpty else { return .none }
            busy = true
            message = "Fetching \(id.sanitizedForDisplay)…"
            return .fetchAssistant(id: id)
        case .templates:
            if event.keyPress == .escape { mode = .menu; return .none }
            guard templateList.handle(event) == .submit, let name = templateList.selectedItem?.id,
                  let template = templates.first(where: { $0.name == name }) else { return .none }
            return .fromTemplate(template)
        case .pull:
            if event.keyPress == .escape, assistantList.filter.isEmpty { mode = .menu; return .none }
            guard assistantList.handle(event) == .submit, let id = assistantList.selectedItem?.id else { return .none }
            let all = id == Self.allID
            let chosen = all ? assistants : assistants.filter { $0.id == id }
            guard !chosen.isEmpty else { return .none }
            busy = true
            message = all ? "Pulling \(chosen.count) assistant\(chosen.count == 1 ? "" : "s")…" : "Pulling \((chosen[0].name ?? chosen[0].id).sanitizedForDisplay)…"
            return .pull(chosen, open: !all)
        }
    }

    private mutating func menuInput(_ event: InputEvent, server: String) -> Outcome {
        let r = menu.handle(event)
        guard r == .submit || event.keyPress == .char(" ") else {
            return event.keyPress == .escape || event.keyPress == .char("q") ? .quit : .none
        }
        switch menu.selectedIndex.flatMap(Entry.init(rawValue:)) {
        case .new?: return .newDraft
        case .drafts?:
            busy = true
            message = nil
            return .listDrafts
        case .byID?:
            mode = .fetchByID
            message = nil
            return .none
        case .template?:
            message = nil
            if templates.isEmpty {
                message = "No templates were found beside the program (set ASSISTANT_WIZARD_TEMPLATES to their folder)."
            } else {
                mode = .templates
            }
            return .none
        case .pull?:
            busy = true
            message = "Listing the assistants \(server)…"
            return .listAssistants
        case .quit?, nil: return .quit
        }
    }

    /// Highlights the row of the mode's list under a click; false when the click hit none (the
    /// id's input has no rows, and a filter line is not one).
    private mutating func clickRow(_ m: MouseEvent, in rect: Rect) -> Bool {
        guard rect.contains(row: m.row, col: m.col) else { return false }
        let row = m.row - rect.row
        switch mode {
        case .menu: return menu.click(rowInRect: row) == .changed
        case .drafts: return draftList.click(rowInRect: row) == .changed
        case .templates: return templateList.click(rowInRect: row) == .changed
        case .pull: return assistantList.click(rowInRect: row) == .changed
        case .fetchByID: return false
        }
    }

    /// What the runtime's answers change here: the lists, their statuses, what a pull did. A
    /// pulled draft to open is the wizard's.
    mutating func receive(_ answer: WizardMessage, server: String) -> Outcome {
        switch answer {
        case .draftsListed(let result):
            busy = false
            switch result {
            case .success(let list):
                showDrafts(list)
                mode = .drafts
                if list.isEmpty { message = "No saved drafts yet." }
            case .failure(let error): message = error.description
            }
        case .draftStatuses(let statuses):
            setStatuses(statuses)
        case .assistantsListed(let result):
            busy = false
            switch result {
            case .success(let list):
                showAssistants(list)
                mode = .pull
                message = list.isEmpty ? "No assistants \(server) to pull." : nil
            case .failure(let error):
                message = "Could not list the assistants: " + error.message + " " + error.suggestion
            }
        case .pulled(let outcome, _):
            busy = false
            message = outcome.sentence
        case .pulledAll(let outcomes):
            // The drafts list, with their statuses, is where a pull of them all ends.
            message = PullOutcome.summary(outcomes)
            return .listDrafts
        default: break
        }
        return .none
    }

    /// The start screen's keys, for the help line.
    static let bindings = [KeyBinding([.up, .down], "choose"), KeyBinding(.enter, "open"), KeyBinding(.ctrl("q"), "quit")]
}
