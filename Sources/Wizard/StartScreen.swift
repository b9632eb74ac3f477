import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// A starting point shipped in `templates/` (the same ones `new --template` takes), read by the
/// program that opens the wizard: the wizard itself reads no folders.
public struct StartTemplate: Sendable, Equatable {
    public var name: String
    public var body: JSONValue
    public init(name: String, body: JSONValue) { self.name = name; self.body = body }
}

/// The first screen: a new assistant, a saved draft, an existing assistant by id, a template, a
/// pull from the server, or quit.
struct StartScreen: Sendable {
    enum Mode: Sendable, Equatable { case menu, drafts, fetchByID, templates, pull }
    /// The first three keep their places: keys and numbers people have learnt still work.
    static let entries = ["New assistant", "Open a saved draft", "Edit an existing assistant (by id)",
                          "Start from a template", "Pull assistants from the server", "Quit"]
    enum Entry: Int { case new, drafts, byID, template, pull, quit }

    var mode: Mode = .menu
    var menu = SelectList(StartScreen.entries.map { SelectItem($0) }, height: StartScreen.entries.count, filterable: false)
    var drafts: [DraftSummary] = []
    var draftList = SelectList([], height: 12, filterable: true)
    /// Each listed draft's status against the server in use, by slug: the files' facts at once,
    /// the server's answer when it arrives.
    var statuses: [String: ListedStatus] = [:]
    var idInput = TextInput(placeholder: "the assistant's id")
    var templates: [StartTemplate] = []
    var templateList = SelectList([], height: 8, filterable: false)
    /// The server's assistants, once listed (the pull list's first row pulls them all).
    var assistants: [Assistant] = []
    var assistantList = SelectList([], height: 12, filterable: true)
    var busy = false
    var message: String?

    static let allID = "\u{0}all"

    mutating func showDrafts(_ list: [DraftSummary]) {
        drafts = list.sorted { ($0.modified ?? 0) > ($1.modified ?? 0) }
        refreshDraftRows()
    }

    /// The statuses the files tell; the ones that need the server say "checking…" until it answers.
    mutating func setStatuses(_ new: [String: ListedStatus]) {
        statuses.merge(new) { _, b in b }
        refreshDraftRows()
    }

    mutating func refreshDraftRows() {
        draftList.setItems(drafts.map { d in
            SelectItem((d.name ?? "(no name)").sanitizedForDisplay,
                       columns: [d.modified.map(FileIO.iso8601) ?? "", Self.problems(d), statuses[d.slug]?.label ?? "", d.slug],
                       id: d.slug)
        })
    }

    /// The highlighted draft's status in full (the column has no room for the fields).
    var selectedStatusLine: String? {
        guard let slug = draftList.selectedItem?.id, let status = statuses[slug] else { return nil }
        let name = drafts.first { $0.slug == slug }?.name ?? slug
        return "\(name): \(status.text)".sanitizedForDisplay
    }

    static func problems(_ d: DraftSummary) -> String {
        d.loadError != nil ? "unreadable" : d.errorCount == 0 ? "no errors" : "\(d.errorCount) error\(d.errorCount == 1 ? "" : "s")"
    }

    mutating func showTemplates(_ list: [StartTemplate]) {
        templates = list
        templateList.setItems(list.map { t in
            SelectItem(t.name, columns: [(t.body.objectValue?["name"]?.stringValue ?? "").sanitizedForDisplay], id: t.name)
        })
        templateList.emptyText = "no templates were found beside the program"
    }

    mutating func showAssistants(_ list: [Assistant]) {
        assistants = list
        let all = SelectItem("All \(list.count) assistant\(list.count == 1 ? "" : "s")", columns: ["each into its draft", ""], id: Self.allID)
        assistantList.setItems((list.isEmpty ? [] : [all]) + list.map { a in
            SelectItem((a.name ?? "(no name)").sanitizedForDisplay, columns: [a.id.sanitizedForDisplay, a.updatedAt?.sanitizedForDisplay ?? ""], id: a.id)
        })
        assistantList.emptyText = "no assistants on the server"
    }
}

extension PullOutcome {
    /// What pulling did, in a sentence both front ends say.
    var sentence: String {
        switch self {
        case .created(let slug): return "Pulled into a new draft, \(slug)."
        case .updated(let slug, let fields): return "The draft \(slug) was updated from the server: \(fields.isEmpty ? "its copy only" : fields.joined(separator: ", "))."
        case .unchanged(let slug): return "The draft \(slug) already matched the server."
        case .keptLocalChanges(let slug, let fields):
            return "The draft \(slug) has local changes (\(fields.joined(separator: ", "))), so it was not updated from the server; sending it would PATCH them."
        case .failed(let slug, let reason): return "\(slug.map { "The draft \($0)" } ?? "A new draft") could not be written: \(reason)"
        }
    }

    /// "2 new, 1 updated, 1 unchanged, 1 kept its local changes": the end of a pull of them all.
    static func summary(_ outcomes: [PullOutcome]) -> String {
        var new = 0, updated = 0, same = 0, kept = 0, failed: [String] = []
        for o in outcomes {
            switch o {
            case .created: new += 1
            case .updated: updated += 1
            case .unchanged: same += 1
            case .keptLocalChanges: kept += 1
            case .failed: failed.append(o.sentence)
            }
        }
        var parts = ["\(new) new", "\(updated) updated", "\(same) unchanged"]
        if kept > 0 { parts.append("\(kept) kept \(kept == 1 ? "its" : "their") local changes") }
        let head = "Pulled \(outcomes.count) assistant\(outcomes.count == 1 ? "" : "s"): " + parts.joined(separator: ", ") + "."
        return ([head] + failed).joined(separator: " ")
    }
}
