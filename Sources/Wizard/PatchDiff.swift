import AssistantModel
import Drafts
import TerminalUI

/// The session's change set as the full-screen wizard shows it before the PATCH is sent.
struct PatchDiff: Sendable {
    var changes: ChangeSet
    var view: TextView

    init(_ changes: ChangeSet) {
        self.changes = changes
        var lines: [StyledLine] = []
        for c in changes.changes {
            lines.append(StyledLine([StyledSpan("~ \(c.key)", .warning)]))
            lines.append(StyledLine([StyledSpan("    was: ", .muted), StyledSpan(PatchDiff.short(c.old), .text)]))
            lines.append(StyledLine([StyledSpan("    now: ", .muted), StyledSpan(PatchDiff.short(c.new), .success)]))
        }
        if !changes.leftAlone.isEmpty {
            lines.append([])
            lines.append([StyledSpan("Not in the draft, so the server keeps its values: " + changes.leftAlone.joined(separator: ", "), .muted)])
        }
        if lines.isEmpty { lines = [StyledLine([StyledSpan("Nothing changed: the draft matches the assistant on the server.", .muted)])] }
        view = TextView(lines, wrap: true, height: 10)
    }

    static func short(_ v: JSONValue?) -> String {
        guard let v else { return ChoiceOption.unsetTitle }
        let s = String(decoding: JSONEncoding.compact(v), as: UTF8.self)
        return (s.count > 70 ? String(s.prefix(69)) + "…" : s).sanitizedForDisplay
    }
}
