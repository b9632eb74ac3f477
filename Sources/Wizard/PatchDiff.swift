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

    enum Outcome: Equatable, Sendable { case none, back, send }

    /// Enter or y sends the PATCH, Esc goes back; other keys scroll the changes.
    mutating func update(_ event: InputEvent) -> Outcome {
        switch event.keyPress {
        case .escape?: return .back
        case .enter?, .char("y")?: return .send
        default:
            _ = view.handle(event)
            return .none
        }
    }

    func render(into canvas: inout Canvas, in area: Rect, question: String) {
        canvas.fill(area, style: .background)
        canvas.box(area, title: " Changes to send (PATCH only these fields) ")
        var view = self.view
        view.height = area.height - 3
        view.render(into: &canvas, in: area.inset(by: 1).inset(bottom: 1), focused: true)
        canvas.put(question + "  enter/y: send the PATCH · esc: back", row: area.bottom - 2, col: area.col + 2,
                   maxWidth: area.width - 4, style: .accent)
    }
}
