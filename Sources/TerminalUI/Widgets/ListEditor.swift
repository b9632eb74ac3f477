/// A list of records (FAQ items, output fields, calling windows): choose a row, add, edit (the
/// parent opens its own sub-form when asked with `.edit`), delete after confirmation, move rows
/// up and down. Rows are shown through `summary`, one line each, as columns.
public struct ListEditor<Row: Sendable>: Widget, Sendable {
    public private(set) var rows: [Row]
    public private(set) var highlighted = 0
    /// Text columns for a row.
    public var summary: @Sendable (Row) -> [String]
    /// What one row is called ("FAQ item"), for prompts.
    public var noun: String
    public var height: Int
    /// The pending delete confirmation, if any.
    public private(set) var confirmingDelete: ConfirmDialog?
    public private(set) var editedSinceBlur = false
    private var top = 0

    public init(_ rows: [Row], noun: String = "item", height: Int = 5, summary: @escaping @Sendable (Row) -> [String]) {
        self.rows = rows; self.noun = noun; self.height = max(1, height); self.summary = summary
    }

    public var selectedIndex: Int? { rows.isEmpty ? nil : highlighted }

    /// Puts a row edited in the parent's sub-form back (index nil: append it).
    public mutating func commit(_ row: Row, at index: Int?) {
        if let index, rows.indices.contains(index) { rows[index] = row; highlighted = index } else { rows.append(row); highlighted = rows.count - 1 }
        editedSinceBlur = true
        scrollIntoView()
    }

    public mutating func setRows(_ new: [Row]) {
        rows = new
        highlighted = min(highlighted, max(0, rows.count - 1))
        scrollIntoView()
    }

    public mutating func didBlur() -> Bool { defer { editedSinceBlur = false }; return editedSinceBlur }

    public static var keyBindings: [KeyBinding] {
        [KeyBinding([.char("a"), KeyPress(.insert)], "add"), KeyBinding([.enter, .char("e")], "edit"),
         KeyBinding([.char("d"), .delete], "delete"), KeyBinding([KeyPress(.up, .shift), KeyPress(.down, .shift)], "move"),
         KeyBinding([.up, .down], "choose"), KeyBinding([.pageUp, .pageDown, .home, .end], "page/first/last")]
    }
    public var bindings: [KeyBinding] { confirmingDelete?.bindings ?? Self.keyBindings }

    /// 1,000 rather than 1000: a count read at a glance.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }

    private mutating func scrollIntoView() {
        if highlighted < top { top = highlighted }
        if highlighted >= top + height { top = highlighted - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }

    private mutating func swap(_ delta: Int) -> WidgetResult {
        let j = highlighted + delta
        guard rows.indices.contains(highlighted), rows.indices.contains(j) else { return .handled }
        rows.swapAt(highlighted, j)
        highlighted = j
        editedSinceBlur = true
        scrollIntoView()
        return .changed
    }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        if var dialog = confirmingDelete {
            let r = dialog.handle(event)
            confirmingDelete = dialog
            switch r {
            case .submit:
                confirmingDelete = nil
                if dialog.confirmed, rows.indices.contains(highlighted) {
                    rows.remove(at: highlighted)
                    highlighted = min(highlighted, max(0, rows.count - 1))
                    editedSinceBlur = true
                    scrollIntoView()
                    return .changed
                }
                return .handled
            case .cancel: confirmingDelete = nil; return .handled
            default: return .handled // modal: nothing else while asking
            }
        }
        switch event {
        case .key(let k):
            switch (k.key, k.modifiers) {
            case (.up, []): highlighted = max(0, highlighted - 1); scrollIntoView(); return .handled
            case (.down, []): highlighted = min(max(0, rows.count - 1), highlighted + 1); scrollIntoView(); return .handled
            case (.home, []): highlighted = 0; scrollIntoView(); return .handled
            case (.end, []): highlighted = max(0, rows.count - 1); scrollIntoView(); return .handled
            case (.pageUp, []): highlighted = max(0, highlighted - max(1, height - 1)); scrollIntoView(); return .handled
            case (.pageDown, []): highlighted = min(max(0, rows.count - 1), highlighted + max(1, height - 1)); scrollIntoView(); return .handled
            case (.up, .shift), (.up, .alt), (.char("K"), []): return swap(-1)
            case (.down, .shift), (.down, .alt), (.char("J"), []): return swap(1)
            case (.char("a"), []), (.insert, []), (.char("+"), []): return .edit(index: nil)
            case (.enter, []), (.char("e"), []): return rows.isEmpty ? .edit(index: nil) : .edit(index: highlighted)
            case (.char("d"), []), (.delete, []), (.char("-"), []):
                guard !rows.isEmpty else { return .handled }
                let name = summary(rows[highlighted]).first ?? noun
                confirmingDelete = ConfirmDialog(title: "Delete \(noun)?", message: "Delete “\(name.truncated(toWidth: 40))”? This cannot be undone.",
                                                 confirmLabel: "Delete", cancelLabel: "Keep", destructive: true)
                return .handled
            case (.tab, []): return .focusNext
            case (.tab, .shift): return .focusPrevious
            default: return .unhandled
            }
        case .mouse(let m):
            switch m.kind {
            case .wheelUp: highlighted = max(0, highlighted - 1); scrollIntoView(); return .handled
            case .wheelDown: highlighted = min(max(0, rows.count - 1), highlighted + 1); scrollIntoView(); return .handled
            default: return .unhandled
            }
        default: return .unhandled
        }
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let (listRect, footer) = rect.height > 1 ? rect.splitTop(rect.height - 1) : (rect, Rect(row: rect.bottom, col: rect.col, width: 0, height: 0))
        if rows.isEmpty {
            canvas.put("(none yet — press a to add \(noun == "item" ? "one" : "a " + noun))", row: listRect.row, col: listRect.col + 2,
                       maxWidth: listRect.width - 2, style: .muted)
        }
        let summaries = rows.indices.dropFirst(top).prefix(listRect.height).map { summary(rows[$0]) }
        let nCols = summaries.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: nCols)
        for s in summaries { for (c, t) in s.enumerated() { widths[c] = max(widths[c], min(30, displayWidth(t))) } }
        for (r, s) in summaries.enumerated() {
            let i = top + r
            let row = listRect.row + r
            let isSel = i == highlighted
            let style: Style = isSel ? (focused ? .selection : .accent) : .text
            if isSel { canvas.fill(Rect(row: row, col: listRect.col, width: listRect.width, height: 1), style: style) }
            var x = listRect.col
            x += canvas.put(isSel ? "› " : "  ", row: row, col: x, maxWidth: listRect.right - x, style: style)
            x += canvas.put("\(i + 1). ", row: row, col: x, maxWidth: listRect.right - x, style: isSel ? style : .muted)
            for (c, t) in s.enumerated() where x < listRect.right {
                let last = c == s.count - 1
                let w = last ? listRect.right - x : widths[c]
                canvas.put(t.truncated(toWidth: w), row: row, col: x, maxWidth: listRect.right - x, style: c == 0 || isSel ? style : .muted)
                x += w + 2
            }
        }
        if footer.height > 0 {
            let pos = rows.isEmpty ? "" : "\(noun) \(ListEditor.grouped(highlighted + 1)) of \(ListEditor.grouped(rows.count))"
            canvas.put(pos, row: footer.row, col: footer.col + 2, maxWidth: footer.width, style: .muted)
            if rows.count > listRect.height {
                let more = (top > 0 ? "↑" : " ") + (top + listRect.height < rows.count ? "↓" : " ")
                canvas.put(more, row: footer.row, col: footer.right - 2, style: .muted)
            }
        }
        if let dialog = confirmingDelete { dialog.render(into: &canvas, in: canvas.bounds, focused: true) }
    }
}
