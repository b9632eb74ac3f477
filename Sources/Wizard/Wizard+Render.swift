import AssistantModel
import RevoxInterface
import TerminalUI

extension Wizard {
    /// The smallest window the layout is made for.
    public static let minimumSize = (cols: 80, rows: 24)

    /// False while the window is under the minimum: only resize, help and quit act then.
    var fitsMinimum: Bool { state.cols >= Wizard.minimumSize.cols && state.rows >= Wizard.minimumSize.rows }

    /// Draws the whole screen from the state alone.
    public func render(into canvas: inout Canvas) {
        canvas.fill(canvas.bounds, style: .background)
        guard fitsMinimum else {
            renderTooSmall(into: &canvas)
            return
        }
        renderHeader(into: &canvas)
        switch state.screen {
        case .start: renderStart(into: &canvas)
        case .brokenDraft(let file, let message): renderBroken(file: file, message: message, into: &canvas)
        case .result: renderResult(into: &canvas)
        case .editing: renderEditing(into: &canvas)
        }
        renderFooter(into: &canvas)
        if state.helpShown { renderKeymap(into: &canvas) }
        renderSaveDialog(into: &canvas)
    }

    func renderTooSmall(into canvas: inout Canvas) {
        let lines = ["Make the window at least \(Wizard.minimumSize.cols)×\(Wizard.minimumSize.rows)",
                     "(it is \(state.cols)×\(state.rows) now).", "Your draft is saved."]
        for (i, line) in lines.enumerated() where i < state.rows {
            let w = min(displayWidth(line), state.cols)
            canvas.put(line, row: max(0, state.rows / 2 - 1) + i - (state.rows < 3 ? 1 : 0) , col: max(0, (state.cols - w) / 2),
                       maxWidth: state.cols, style: i == 0 ? .warning : .muted)
        }
        canvas.cursor = nil
    }

    /// What the header shows, and all it is drawn from (see `RowMemo`).
    struct HeaderKey: Equatable, Sendable {
        var title: TitleKey
        /// The start screen: no draft, nothing saved yet.
        var start: Bool
        var save: String, saveFailed: Bool
        var sandbox: Bool
        var cols: Int
    }

    /// What the title is made from: the name as shown (nil while it is typed, or unset), whether
    /// an existing assistant is edited, its id.
    struct TitleKey: Equatable, Sendable {
        var named: Bool
        var name: String?
        var editingExisting: Bool
        var assistantID: String?
    }

    var headerKey: HeaderKey {
        let titled: Bool
        switch state.screen {
        case .editing, .result: titled = true
        default: titled = false
        }
        // Not echoed while it is being typed (each key would redraw the header): it shows once
        // focus leaves the Name field.
        let typingName = state.record == nil && state.form.focusedPath == Wizard.namePath
        let name = titled && !typingName ? state.draft.value(at: Wizard.namePath)?.stringValue.flatMap { $0.isEmpty ? nil : $0 } : nil
        let title = TitleKey(named: titled, name: name, editingExisting: state.editingExisting,
                             assistantID: state.serverRecord?.assistantID)
        let save: (String, Bool) = {
            switch state.save {
            // A debounced save is due in a moment: no frame of its own per key.
            case .saved, .pending: return (state.slug == nil ? "not saved yet" : "saved", false)
            case .failed: return ("NOT SAVED", true)
            }
        }()
        let start: Bool = { if case .start = state.screen { return true }; return false }()
        return HeaderKey(title: title, start: start, save: save.0, saveFailed: save.1, sandbox: state.backend.isSandbox, cols: state.cols)
    }

    func renderHeader(into canvas: inout Canvas) {
        let key = headerKey
        renderMemo.header.draw(into: &canvas, rows: 0..<2, key: key) { Wizard.drawHeader(key, into: &$0) }
    }

    static func drawHeader(_ key: HeaderKey, into canvas: inout Canvas) {
        canvas.fill(Rect(row: 0, col: 0, width: key.cols, height: 1), style: .selection)
        canvas.put(headerTitle(key.title, width: key.cols - 30), row: 0, col: 0, maxWidth: key.cols - 30, style: .selection.with(.bold))
        // Before a draft exists there is nothing to save or to count.
        guard !key.start else { return canvas.hline(row: 1, col: 0, length: key.cols) }
        var x = key.cols
        // A fixed-width field: a status that changes width would move the badge beside it, and
        // every keystroke would redraw both.
        let field = 13
        x -= field + 1
        canvas.put(String(repeating: " ", count: max(0, field - displayWidth(key.save))) + key.save, row: 0, col: x,
                   style: key.saveFailed ? .error.with(.reverse) : .selection)
        if key.sandbox {
            x -= 10
            canvas.put(" SANDBOX ", row: 0, col: x, style: .warning.with([.reverse, .bold]))
        }
        canvas.hline(row: 1, col: 0, length: key.cols)
    }

    /// Parsed once: a path literal is parsed where it is written, every frame.
    static let namePath: JSONPath = "name"

    /// " assistant-wizard · Front desk  (asst_…)" in `width` columns: the name gives way before the
    /// id, which is shown whole or not at all (a cut id cannot be copied).
    static func headerTitle(_ key: TitleKey, width: Int) -> String {
        var title = " assistant-wizard"
        if key.named {
            title += " · " + (key.name ?? (key.editingExisting ? "Assistant" : "New assistant")).sanitizedForDisplay
        }
        guard let id = key.assistantID.map({ "  (\($0.sanitizedForDisplay))" }) else { return title.truncated(toWidth: width) }
        let short = " " + (title.split(separator: "·", maxSplits: 1).last.map { $0.trimmed(" ") } ?? "")
        for candidate in [title + id, short + id] where displayWidth(candidate) <= width { return candidate }
        let room = width - displayWidth(id) - 1
        return room >= 4 ? " " + short.dropFirst().description.truncated(toWidth: room) + id : title.truncated(toWidth: width)
    }

    /// What the two footer rows show: the status line and the key help.
    struct FooterKey: Equatable, Sendable {
        var status: String, style: Style
        var bindings: [KeyBinding]
        var rows: Int, cols: Int

        /// Bindings compare by what the help line draws of them, their label and help: their
        /// keys compare Character by Character, which cost more than drawing the rows.
        static func == (a: FooterKey, b: FooterKey) -> Bool {
            a.rows == b.rows && a.cols == b.cols && a.style == b.style && a.status == b.status
                && a.bindings.count == b.bindings.count
                && zip(a.bindings, b.bindings).allSatisfy { $0.label == $1.label && $0.help == $1.help }
        }
    }

    func renderFooter(into canvas: inout Canvas) {
        let status = statusText
        let key = FooterKey(status: status.0, style: status.1, bindings: helpBindings, rows: state.rows, cols: state.cols)
        renderMemo.footer.draw(into: &canvas, rows: (state.rows - 2)..<state.rows, key: key) { c in
            c.put(key.status.sanitizedForDisplay, row: key.rows - 2, col: 1, maxWidth: key.cols - 2, style: key.style)
            HelpLine.render(key.bindings, into: &c, row: key.rows - 1, col: 1, width: key.cols - 2)
        }
    }

    var statusText: (String, Style) {
        if let s = state.status { return (s, .accent) }
        if case .sending(let isCreate, let since) = state.send {
            var spinner = Spinner(label: isCreate ? "Creating the assistant… (Esc stops waiting)" : "Sending the changes…")
            for _ in 0..<((state.ticks - since) % Spinner.unicodeFrames.count) { spinner.tick() }
            return (spinner.text, .accent)
        }
        if state.backend.isSandbox {
            return ("Offline: the built-in sandbox. Set REVOX_API_KEY (or --api-key-file) to send to Revox.", .muted)
        }
        if case .start = state.screen { return ("\(state.backend.baseURL) · key \(state.backend.maskedKey ?? "none")", .muted) }
        let e = state.issues.errors.count, w = state.issues.warnings.count
        return ("\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s") · \(state.backend.baseURL) · key \(state.backend.maskedKey ?? "none")",
                e > 0 ? .muted : .success)
    }

    /// The help line: the focused control's keys, then the wizard's.
    var helpBindings: [KeyBinding] {
        if state.helpShown { return [KeyBinding(.escape, "close")] }
        switch state.screen {
        case .start: return StartScreen.bindings
        case .brokenDraft: return [KeyBinding(.enter, "quit")]
        case .result:
            var b = [KeyBinding([.up, .down], "scroll")]
            if case .failed(let e) = state.send, !e.fieldErrors.isEmpty { b.append(KeyBinding(.enter, "jump to the first field")) }
            else { b.append(KeyBinding(.enter, "back to review")) }
            return b + [KeyBinding(.ctrl("q"), "quit")]
        case .editing: break
        }
        if let s = state.apiSwitch { return s.dialog.bindings }
        if !state.records.isEmpty { return state.records.bindings }
        if state.diff != nil { return [KeyBinding(.enter, "send the PATCH"), KeyBinding(.escape, "back")] }
        if let confirm = state.review.confirm { return confirm.bindings }
        if case .sending = state.send { return [KeyBinding(.escape, "stop waiting")] }
        if state.step == .review {
            let part: [KeyBinding] = {
                switch state.review.part {
                case .json:
                    let wrap = KeyBinding(.char("w"), state.review.json.wrap ? "cut long lines" : "wrap long lines")
                    return [KeyBinding([.up, .down, .pageUp, .pageDown], "scroll")]
                        + (state.review.json.wrap ? [] : [KeyBinding([.left, .right], "sideways")]) + [wrap]
                case .issues: return [KeyBinding(.enter, "go to the field")]
                case .send: return [KeyBinding(.enter, state.editingExisting ? "review the changes" : "send")]
                }
            }()
            return part + [KeyBinding([.tab], "json/issues/send")] + Wizard.globalBindings
        }
        let own = Array(state.form.focusedBindings.prefix(2))
        return own + Wizard.globalBindings
    }

    // MARK: editing

    func renderEditing(into canvas: inout Canvas) {
        if state.isWide || state.sidebarShown { renderSidebar(into: &canvas) }
        let area = viewport
        let heading = "\(state.steps.number(state.step))/\(state.steps.count) \(state.step.title)"
        canvas.put(heading, row: area.row, col: area.col, maxWidth: area.width, style: .accent.with(.bold))
        if !state.isWide && !state.sidebarShown {
            let hint = "f2 steps"
            canvas.put(hint, row: area.row, col: area.right - displayWidth(hint), style: .muted)
        }
        let body = area.inset(top: 1)
        if state.step == .review {
            renderReview(into: &canvas, in: reviewArea)
        } else {
            state.form.render(into: &canvas, in: body, active: state.record == nil, messages: fieldMessages())
        }
        if !state.records.isEmpty { state.records.render(into: &canvas, layout: recordLayout()) }
        if let diff = state.diff { renderDiff(diff, into: &canvas) }
        if let confirm = state.review.confirm { confirm.render(into: &canvas, in: viewport, focused: true) }
        if let s = state.apiSwitch { renderAPISwitch(s, into: &canvas) }
    }

    func renderSidebar(into canvas: inout Canvas) {
        let w = Wizard.sidebarWidth
        for (i, step) in state.steps.all.enumerated() where 2 + i < state.rows - 2 {
            let mark = step.mark(current: state.step, issues: state.issues, visited: state.visited)
            let style: Style = {
                switch mark {
                case .current: return .focus.with(.bold)
                case .errors: return .error
                case .warnings: return .warning
                case .done: return .success
                case .untouched: return .muted
                }
            }()
            let line = " \(mark.symbol) \(state.steps.hotkey(step) ?? " ") \(step.title)"
            if mark == .current { canvas.fill(Rect(row: 2 + i, col: 0, width: w, height: 1), style: .selection) }
            canvas.put(line, row: 2 + i, col: 0, maxWidth: w, style: mark == .current ? .selection.with(.bold) : style)
        }
        canvas.put(" alt+digit jumps", row: 3 + state.steps.count, col: 0, maxWidth: w, style: .muted)
        canvas.vline(row: 2, col: w, length: state.rows - 4)
    }

    func renderReview(into canvas: inout Canvas, in rect: Rect) {
        let all = state.issues + state.serverIssues
        state.review.render(into: &canvas, layout: ReviewPage.layout(in: rect, issueCount: all.count), issues: all,
                            updates: state.editingExisting)
    }

    func renderDiff(_ diff: PatchDiff, into canvas: inout Canvas) {
        diff.render(into: &canvas, in: viewport.inset(top: 1, left: 1, bottom: 0, right: 1), question: sendQuestion(update: true))
    }

    // MARK: other screens

    func renderResult(into canvas: inout Canvas) {
        state.result.render(into: &canvas, in: Rect(row: 2, col: 1, width: state.cols - 2, height: state.rows - 4),
                            send: state.send, server: state.backend.server.onName)
    }

    func renderStart(into canvas: inout Canvas) {
        state.start.render(into: &canvas, layout: startLayout, server: state.backend.server.onName)
    }

    func renderBroken(file: String, message: String, into canvas: inout Canvas) {
        let area = Rect(row: 3, col: 2, width: state.cols - 4, height: state.rows - 6)
        canvas.put("This draft cannot be opened.", row: area.row, col: area.col, maxWidth: area.width, style: .error.with(.bold))
        canvas.put(file.sanitizedForDisplay, row: area.row + 2, col: area.col, maxWidth: area.width, style: .accent)
        var y = area.row + 3
        for l in wrapText(message.sanitizedForDisplay, width: area.width) where y < area.bottom - 2 {
            canvas.put(l, row: y, col: area.col, maxWidth: area.width, style: .text); y += 1
        }
        canvas.put("The file was left untouched. Fix it in an editor (or `assistant-wizard validate FILE` to see where), then open it again.",
                   row: y + 1, col: area.col, maxWidth: area.width, style: .muted)
    }

    /// The one rule for `?`, as the keys screen says it.
    static let questionMarkRule = [("?", "these keys, where ? cannot be typed"), ("", "(not in text, numbers or list filters)")]

    func renderKeymap(into canvas: inout Canvas) {
        var lines: [(String, String)] = []
        // The focused field's keys first: they are what the user is looking for, and at 24 rows
        // the tail of the list is cut.
        let focused = state.record?.form.focused ?? state.form.focused
        if let f = focused, case .editing = state.screen, state.step != .review || state.record != nil {
            lines.append(("This field:", f.label))
            for b in f.control.bindings { lines.append((b.label, b.help)) }
            lines.append(("", ""))
        }
        lines += [("tab / shift+tab", "next / previous field"), ("enter", "confirm a field, next field")]
        if let record = state.record, case .editing = state.screen {
            // A record form has its own keys; the step's do not act until it is closed.
            lines.append(("", "In this \(record.noun) form:"))
            for b in RecordEditor.bindings { lines.append((b.label, b.help)) }
            lines += [("f1", "keys")] + Wizard.questionMarkRule + [("ctrl+q", "quit (the \(record.noun) is kept)")]
        } else {
            for b in Wizard.globalBindings { lines.append((b.label, b.help)) }
            // Past the ninth step (a latest draft has thirteen) there are no digits left.
            let jump = state.steps.count > 10 ? "jump to steps 1–9 (0: review); the rest: alt+n/alt+p" : "jump to a step (0: review)"
            lines += Wizard.questionMarkRule + [("alt+1 … alt+9, alt+0", jump),
                      ("f2", "show or hide the steps (narrow windows)"),
                      ("ctrl+s", "save now (drafts also save by themselves)"), ("mouse", "click a step or a field; wheel scrolls")]
        }
        let h = min(state.rows - 4, lines.count + 2)
        let box = Rect(row: 2, col: 4, width: state.cols - 8, height: h)
        canvas.fill(box, style: .background)
        canvas.box(box, title: " Keys · any key closes ")
        for (i, l) in lines.prefix(h - 2).enumerated() {
            canvas.put(l.0, row: box.row + 1 + i, col: box.col + 2, maxWidth: 24, style: .accent)
            canvas.put(l.1, row: box.row + 1 + i, col: box.col + 28, maxWidth: box.width - 30, style: .text)
        }
    }
}

/// The rows a frame copies from the last one while what they show is the same.
final class RenderMemo: Sendable {
    let header = RowMemo<Wizard.HeaderKey>()
    let footer = RowMemo<Wizard.FooterKey>()
}
