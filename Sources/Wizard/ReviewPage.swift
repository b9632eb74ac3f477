import AssistantModel
import TerminalUI

/// The last step: the exact bytes that will be sent, every error and warning (each one a way back
/// to its field), and the send button.
struct ReviewPage: Sendable {
    enum Part: Int, Sendable { case json, issues, send }
    var part: Part = .json
    var json = TextView([], wrap: false, height: 10)
    var issueList = SelectList([], height: 5, filterable: false)
    /// The body the JSON view shows; the view is rebuilt only when the draft changed.
    var shownBody: JSONValue?
    /// The question asked before a create ("Create 'Front desk' on …?"), while it is open.
    var confirm: ConfirmDialog?

    mutating func refresh(draft: JSONValue, issues: [ValidationIssue]) {
        if shownBody != draft {
            let text = String(decoding: CanonicalJSON.encode(draft), as: UTF8.self)
            let keepTop = json.top
            json = TextView(JSONHighlighter.styledLines(text), wrap: false, height: json.height)
            json.scroll(to: keepTop)
            shownBody = draft
        }
        let items = issues.enumerated().map { n, i in
            SelectItem((i.severity == .error ? "✗ " : "! ") + (i.path.isEmpty ? "(body)" : i.path) + ": " + i.message, id: String(n))
        }
        if items != issueList.items { issueList.setItems(items) }
    }
}
