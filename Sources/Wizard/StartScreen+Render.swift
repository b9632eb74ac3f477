import TerminalUI

extension StartScreen {
    /// The heading, the mode's hint and list, and the message (wrapped, not cut: a refusal names a
    /// file and a process, which must be readable whole). `server` as `update` takes it.
    func render(into canvas: inout Canvas, layout: Layout, server: String) {
        let area = layout.area
        canvas.put("Create and send a Revox voice assistant", row: area.row, col: area.col, maxWidth: area.width, style: .accent.with(.bold))
        func hint(_ text: String) {
            canvas.put(text.sanitizedForDisplay, row: layout.hintRow, col: area.col, maxWidth: area.width, style: .muted)
        }
        switch mode {
        case .menu:
            menu.render(into: &canvas, in: layout.list, focused: true)
        case .drafts:
            hint("Saved drafts, status \(server) (type to filter, enter opens, esc back)")
            if let line = selectedStatusLine { canvas.put(line, row: layout.statusRow, col: area.col, maxWidth: area.width, style: .muted) }
            draftList.render(into: &canvas, in: layout.list, focused: true)
        case .fetchByID:
            hint("Assistant id (enter fetches it into a draft; esc back)")
            idInput.render(into: &canvas, in: layout.list, focused: true)
        case .templates:
            hint("Templates (enter starts a new draft from one, esc back)")
            templateList.render(into: &canvas, in: layout.list, focused: true)
        case .pull:
            hint("Assistants \(server) (type to filter, enter pulls into a draft, esc back)")
            assistantList.render(into: &canvas, in: layout.list, focused: true)
        }
        if let m = message {
            for (i, line) in wrapText(m.sanitizedForDisplay, width: area.width).prefix(5).enumerated() {
                canvas.put(line, row: layout.messageRow + i, col: area.col, maxWidth: area.width, style: .warning)
            }
        }
    }
}
