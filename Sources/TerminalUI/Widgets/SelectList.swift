/// One choice in a select list: a title plus optional secondary columns (language, provider …).
public struct SelectItem: Equatable, Sendable {
    public var title: String
    public var columns: [String]
    /// An identifier for the parent (not shown).
    public var id: String
    public init(_ title: String, columns: [String] = [], id: String? = nil) {
        self.title = title; self.columns = columns; self.id = id ?? title
    }
}

/// A list with type-to-filter, fixed height and scrolling. The highlighted item is the value;
/// Enter submits it.
public struct SelectList: Widget, Sendable {
    public private(set) var items: [SelectItem]
    public private(set) var filter = ""
    /// Indices into `items` that match the filter, in order.
    public private(set) var visible: [Int]
    /// Position in `visible` of the highlighted item.
    public private(set) var highlighted = 0
    private var top = 0
    /// Rows the list takes (without the filter line).
    public var height: Int
    public var filterable: Bool
    public var emptyText = "no matches"

    private var lowered: [String]

    public init(_ items: [SelectItem], selectedID: String? = nil, height: Int = 6, filterable: Bool = true) {
        self.items = items
        self.height = max(1, height)
        self.filterable = filterable
        visible = Array(items.indices)
        lowered = items.map { ([$0.title] + $0.columns).joined(separator: " ").lowercased() }
        if let selectedID, let i = items.firstIndex(where: { $0.id == selectedID }) { highlighted = i }
        scrollIntoView()
    }

    /// The highlighted item, if any item matches the filter.
    public var selectedItem: SelectItem? { visible.isEmpty ? nil : items[visible[highlighted]] }
    public var selectedIndex: Int? { visible.isEmpty ? nil : visible[highlighted] }

    /// Replaces the items (e.g. once loaded), keeping the selection by id when it still exists.
    public mutating func setItems(_ new: [SelectItem]) {
        let keep = selectedItem?.id
        items = new
        lowered = new.map { ([$0.title] + $0.columns).joined(separator: " ").lowercased() }
        applyFilter()
        if let keep, let v = visible.firstIndex(where: { items[$0].id == keep }) { highlighted = v }
        scrollIntoView()
    }

    public mutating func select(id: String) {
        filter = ""; applyFilter()
        if let v = visible.firstIndex(where: { items[$0].id == id }) { highlighted = v }
        scrollIntoView()
    }

    private mutating func applyFilter() {
        let words = filter.lowercased().split(separator: " ")
        visible = items.indices.filter { i in words.allSatisfy { lowered[i].contains($0) } }
        highlighted = min(highlighted, max(0, visible.count - 1))
        if !filter.isEmpty { highlighted = 0 }
        top = 0
    }

    private mutating func scrollIntoView() {
        if highlighted < top { top = highlighted }
        if highlighted >= top + height { top = highlighted - height + 1 }
        top = max(0, min(top, max(0, visible.count - height)))
    }

    public static let keyBindings: [KeyBinding] = [
        KeyBinding([.up, .down], "choose"), KeyBinding(.enter, "select"),
        KeyBinding(KeyPress(.char("…")), "type to filter"), KeyBinding(.escape, "clear filter"),
    ]
    public var bindings: [KeyBinding] {
        filterable ? Self.keyBindings : Array(Self.keyBindings.prefix(2))
    }

    private mutating func move(to v: Int) -> WidgetResult {
        guard !visible.isEmpty else { return .handled }
        highlighted = min(max(0, v), visible.count - 1)
        scrollIntoView()
        return .changed
    }

    public mutating func handle(_ event: InputEvent) -> WidgetResult {
        switch event {
        case .key(let k):
            if filterable, let ch = k.text, ch != " " || !filter.isEmpty {
                filter.append(ch); applyFilter(); return .changed
            }
            switch (k.key, k.modifiers) {
            case (.up, []), (.char("p"), .ctrl): return move(to: highlighted - 1)
            case (.down, []), (.char("n"), .ctrl): return move(to: highlighted + 1)
            case (.pageUp, []): return move(to: highlighted - height)
            case (.pageDown, []): return move(to: highlighted + height)
            case (.home, []): return move(to: 0)
            case (.end, []): return move(to: visible.count - 1)
            case (.backspace, []):
                guard !filter.isEmpty else { return .unhandled }
                filter.removeLast(); applyFilter(); return .changed
            case (.char("u"), .ctrl), (.escape, []):
                guard !filter.isEmpty else { return .unhandled }
                let keep = selectedItem?.id
                filter = ""; applyFilter()
                if let keep, let v = visible.firstIndex(where: { items[$0].id == keep }) { highlighted = v }
                scrollIntoView()
                return .changed
            case (.enter, []): return visible.isEmpty ? .handled : .submit
            case (.tab, []): return .focusNext
            case (.tab, .shift): return .focusPrevious
            default: return .unhandled
            }
        case .paste(let s):
            guard filterable else { return .unhandled }
            filter += singleLine(s); applyFilter(); return .changed
        case .mouse(let m):
            switch m.kind {
            case .wheelUp: return move(to: highlighted - 1)
            case .wheelDown: return move(to: highlighted + 1)
            default: return .unhandled
            }
        case .resize: return .unhandled
        }
    }

    /// Handles a click at a row of the rect the list was drawn in (row 0 is the filter line when
    /// filterable). Returns `.changed` when an item was picked.
    public mutating func click(rowInRect row: Int) -> WidgetResult {
        let r = row - (filterable ? 1 : 0)
        guard r >= 0, top + r < visible.count else { return .unhandled }
        return move(to: top + r)
    }

    public func render(into canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        var listRect = rect
        if filterable {
            let (f, rest) = rect.splitTop(1)
            listRect = rest
            if filter.isEmpty {
                canvas.put(focused ? "type to filter" : "", row: f.row, col: f.col, maxWidth: f.width, style: .muted)
            } else {
                let used = canvas.put("filter: ", row: f.row, col: f.col, maxWidth: f.width, style: .muted)
                canvas.put(filter, row: f.row, col: f.col + used, maxWidth: f.width - used, style: .accent)
                if focused { canvas.cursor = (f.row, min(f.right - 1, f.col + used + displayWidth(filter))) }
            }
            let count = "\(visible.count)/\(items.count)"
            let w = displayWidth(count)
            if w + 16 < f.width { canvas.put(count, row: f.row, col: f.right - w, style: .muted) }
        }
        if visible.isEmpty {
            canvas.put(emptyText, row: listRect.row, col: listRect.col + 2, maxWidth: listRect.width - 2, style: .muted)
            return
        }
        // Secondary columns are aligned; the title gets what is left.
        let nCols = items.map(\.columns.count).max() ?? 0
        var colWidths = [Int](repeating: 0, count: nCols)
        for v in visible[top..<min(visible.count, top + listRect.height)] {
            for (c, t) in items[v].columns.enumerated() { colWidths[c] = max(colWidths[c], min(24, displayWidth(t))) }
        }
        let columnsWidth = colWidths.reduce(0) { $0 + $1 + 2 }
        let scrollable = visible.count > listRect.height
        let titleWidth = max(8, listRect.width - 2 - columnsWidth - (scrollable ? 1 : 0))
        for r in 0..<min(listRect.height, visible.count - top) {
            let v = top + r
            let item = items[visible[v]]
            let row = listRect.row + r
            let isSel = v == highlighted
            let style: Style = isSel ? (focused ? .selection : Style.accent) : .text
            let width = listRect.width - (scrollable ? 1 : 0)
            if isSel { canvas.fill(Rect(row: row, col: listRect.col, width: width, height: 1), style: style) }
            canvas.put(isSel ? "› " : "  ", row: row, col: listRect.col, maxWidth: width, style: style)
            // An entry with no columns (a "none" entry above the voices) takes the whole row.
            let ownWidth = item.columns.allSatisfy(\.isEmpty) ? width - 2 : titleWidth
            canvas.put(item.title.truncated(toWidth: ownWidth), row: row, col: listRect.col + 2, maxWidth: width - 2, style: style)
            var x = listRect.col + 2 + titleWidth + 2
            for (c, t) in item.columns.enumerated() where x < listRect.col + width {
                canvas.put(t.truncated(toWidth: colWidths[c]), row: row, col: x, maxWidth: listRect.col + width - x,
                           style: isSel ? style : .muted)
                x += colWidths[c] + 2
            }
        }
        if scrollable {
            // A one-column scroll bar: where the window is in the list.
            let h = listRect.height
            let thumb = max(1, h * h / visible.count)
            let pos = (h - thumb) * top / max(1, visible.count - h)
            for r in 0..<h {
                canvas.put(r >= pos && r < pos + thumb ? "┃" : "│", row: listRect.row + r, col: listRect.right - 1, style: .border)
            }
        }
    }
}
