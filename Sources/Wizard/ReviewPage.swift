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
            SelectItem((i.severity == .error ? "✗ " : "! ") + (i.path.isRoot ? "(body)" : i.path.description) + ": " + i.message, id: String(n))
        }
        if items != issueList.items { issueList.setItems(items) }
    }

    /// What the page asks of the wizard after an event; the rest it handles itself.
    enum Outcome: Equatable, Sendable {
        case none
        case showHelp
        /// Enter (or a click) on the issue at this index of the list.
        case jump(issue: Int)
        case send
    }

    /// Where each part sits: drawing and mouse clicks read this one value.
    struct Layout: Equatable, Sendable {
        var json: Rect
        var summaryRow: Int
        var issues: Rect?
        var sendRow: Int
    }

    static func layout(in rect: Rect, issueCount: Int) -> Layout {
        let listHeight = issueCount == 0 ? 1 : min(5, issueCount)
        let jsonHeight = max(3, rect.height - listHeight - 4)
        let summaryRow = rect.row + jsonHeight
        let list = issueCount == 0 ? nil : Rect(row: summaryRow + 1, col: rect.col, width: rect.width, height: listHeight)
        return Layout(json: Rect(row: rect.row, col: rect.col, width: rect.width, height: jsonHeight),
                      summaryRow: summaryRow, issues: list, sendRow: summaryRow + 1 + listHeight + 1)
    }

    mutating func update(_ event: InputEvent, layout: Layout) -> Outcome {
        if case .mouse(let m) = event { return click(m, layout: layout) }
        guard let k = event.keyPress else {
            if case .paste = event { return .none }
            _ = json.handle(event)
            return .none
        }
        if k == .char("?") { return .showHelp }
        if k == .tab || k == .backTab {
            part = Part(rawValue: (part.rawValue + (k == .tab ? 1 : 2)) % 3)!
            return .none
        }
        switch part {
        case .json:
            if k == .char("w") { json.wrap.toggle() } else { _ = json.handle(event) }
        case .issues:
            if k == .enter, let i = issueList.selectedIndex { return .jump(issue: i) }
            _ = issueList.handle(event)
        case .send:
            if k == .enter || k == .char(" ") { return .send }
        }
        return .none
    }

    /// A click focuses the part under it: the send button sends, an issue jumps to its field.
    private mutating func click(_ m: MouseEvent, layout: Layout) -> Outcome {
        switch m.kind {
        case .press:
            if m.row == layout.sendRow {
                part = .send
                return .send
            }
            if let list = layout.issues, m.row >= list.row, m.row < list.bottom {
                part = .issues
                guard issueList.click(rowInRect: m.row - list.row) != .unhandled, let i = issueList.selectedIndex else { return .none }
                return .jump(issue: i)
            }
            if m.row >= layout.json.row, m.row < layout.json.bottom { part = .json }
            return .none
        case .wheelUp, .wheelDown:
            _ = json.handle(.mouse(m))
            return .none
        default:
            return .none
        }
    }

    /// The JSON, the summary of the issues (the draft's and the server's), their list and the send button.
    func render(into canvas: inout Canvas, layout: Layout, issues: [ValidationIssue], updates: Bool) {
        var json = self.json
        json.height = layout.json.height
        json.render(into: &canvas, in: layout.json, focused: part == .json)
        let e = issues.errors.count, w = issues.warnings.count
        let summary = issues.isEmpty ? "No errors or warnings: ready to send."
            : "\(e) error\(e == 1 ? "" : "s") (sending is blocked until they are fixed), \(w) warning\(w == 1 ? "" : "s")"
        canvas.put(summary, row: layout.summaryRow, col: layout.json.col, maxWidth: layout.json.width,
                   style: e > 0 ? .error.with(.bold) : (w > 0 ? .warning : .success))
        if let list = layout.issues { issueList.render(into: &canvas, in: list, focused: part == .issues) }
        let label = updates ? "[ Review changes and update (PATCH) ]" : "[ Send: create the assistant ]"
        canvas.put(label, row: layout.sendRow, col: layout.json.col, maxWidth: layout.json.width,
                   style: part == .send ? .focus.with([.bold, .reverse]) : (e > 0 ? .muted : .accent))
    }
}
