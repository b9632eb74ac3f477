import AssistantModel
import TerminalUI

/// The first screen: a new assistant, a saved draft, an existing assistant by id, or quit.
struct StartScreen: Sendable {
    enum Mode: Sendable, Equatable { case menu, drafts, fetchByID }
    static let entries = ["New assistant", "Open a saved draft", "Edit an existing assistant (by id)", "Quit"]

    var mode: Mode = .menu
    var menu = SelectList(StartScreen.entries.map { SelectItem($0) }, height: 4, filterable: false)
    var drafts: [DraftSummary] = []
    var draftList = SelectList([], height: 12, filterable: true)
    var idInput = TextInput(placeholder: "the assistant's id")
    var busy = false
    var message: String?

    mutating func showDrafts(_ list: [DraftSummary]) {
        drafts = list.sorted { ($0.modified ?? 0) > ($1.modified ?? 0) }
        draftList.setItems(drafts.map { d in
            let problems = d.loadError != nil ? "unreadable" : d.errorCount == 0 ? "no errors" : "\(d.errorCount) error\(d.errorCount == 1 ? "" : "s")"
            return SelectItem((d.name ?? "(no name)").sanitizedForDisplay,
                              columns: [d.modified.map(FileIO.iso8601) ?? "", problems, d.isSubmitted ? "submitted" : "draft", d.slug],
                              id: d.slug)
        })
    }
}
