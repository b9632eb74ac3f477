import AssistantModel
import Drafts
import TerminalUI

/// A question about saving that comes before anything else on screen: the draft must not be lost,
/// and must not silently overwrite another program's change.
enum SaveDialog: Sendable, Equatable {
    /// Another program changed the draft's file since it was opened or last saved.
    case conflict(file: String)
    /// Quitting could not save the draft; `rescue` is a file outside the store it can go to.
    case quitFailed(reason: String, rescue: String)

    var dialog: MessageDialog {
        switch self {
        case .conflict(let file):
            return MessageDialog(title: " The draft changed on disk ",
                                 message: "Another program changed \(file) since you opened it. Nothing was written over it. Reload its version (your edits here are dropped), keep yours (written over it), or save yours as a copy beside it?",
                                 buttons: ["Reload", "Keep mine", "Copy"], selectedButton: 2, style: .warning)
        case .quitFailed(let reason, let rescue):
            return MessageDialog(title: " The draft could not be saved ",
                                 message: "\(reason). Retry, save it to \(rescue), or quit and lose the changes since the last save? (Esc goes back.)",
                                 buttons: ["Retry", "Save there", "Lose the changes and quit"], selectedButton: 0, style: .error)
        }
    }
}

extension Wizard {
    mutating func saved(_ outcome: SaveOutcome) -> [WizardEffect] {
        switch outcome {
        case .saved(let slug):
            state.slug = slug
            state.save = .saved
        case .nothingToSave:
            state.save = .saved
        case .failed(let error):
            state.save = .failed(error.description)
            state.status = "Could not save the draft: \(error.description). Your changes are kept on screen; Ctrl-S tries again."
        case .changedOnDisk(let file, _):
            state.save = .failed("changed on disk")
            state.saveDialog = .conflict(file: file)
        }
        return []
    }

    mutating func saveDialogInput(_ event: InputEvent) -> [WizardEffect] {
        guard let kind = state.saveDialog else { return [] }
        var dialog = kind.dialog
        // Esc closes the quit question (back to editing); the conflict needs an answer.
        if event.keyPress == .escape {
            if case .quitFailed = kind { state.saveDialog = nil }
            return []
        }
        guard dialog.handle(event) == .submit else { return [] }
        state.saveDialog = nil
        switch (kind, dialog.selectedButton) {
        case (.conflict, 0): return [.resolveConflict(.reload)]
        case (.conflict, 1): state.save = .pending; return [.resolveConflict(.keepMine)]
        case (.conflict, _): state.save = .pending; return [.resolveConflict(.saveCopy)]
        case (.quitFailed, 0): return [.quit]
        case (.quitFailed(_, let rescue), 1): return [.saveElsewhere(path: rescue)]
        case (.quitFailed, _): return [.quitDiscarding]
        }
    }

    func renderSaveDialog(into canvas: inout Canvas) {
        state.saveDialog?.dialog.render(into: &canvas, in: Rect(row: 0, col: 0, width: state.cols, height: state.rows), focused: true)
    }
}
