import TerminalUI

enum DemoMessage: Sendable {
    case spinnerTick
    case firstFrameDone(crash: Bool)
}

struct FAQ: Sendable { var question: String; var answer: String }

enum Focus: Int, CaseIterable { case name, apiKey, prompt, enabled, speed, voice, faq }

struct DemoState {
    var name = TextInput(placeholder: "your name")
    var apiKey = TextInput(placeholder: "sk-…", masked: true)
    var prompt: TextArea
    var enabled = Toggle(true, onLabel: "enabled", offLabel: "disabled")
    var speed = NumberInput(1.0, minimum: 0.5, maximum: 2.0, step: 0.1, allowsDecimal: true)
    var voice = SelectList([
        SelectItem("Ana", columns: ["pt-BR", "cartesia"]), SelectItem("Bruno", columns: ["fr-FR", "elevenlabs"]),
        SelectItem("Chen", columns: ["zh-CN", "cartesia"]), SelectItem("Dalia", columns: ["es-ES", "azure"]),
        SelectItem("Émile", columns: ["fr-FR", "cartesia"]), SelectItem("Farah", columns: ["ar-EG", "elevenlabs"]),
        SelectItem("Grace", columns: ["en-US", "cartesia"]), SelectItem("Hiro 広", columns: ["ja-JP", "azure"]),
    ], height: 4)
    var faq = ListEditor([FAQ(question: "Opening hours?", answer: "9 to 5"), FAQ(question: "Parking?", answer: "Yes")],
                         noun: "FAQ item", height: 3) { [$0.question, $0.answer] }
    var focus: Focus = .name
    var dialog: ConfirmDialog?
    var message: MessageDialog?
    /// Sub-form for a FAQ row: the row index (nil: new) and its question field.
    var editing: (index: Int?, question: TextInput)?
    var spinner = Spinner(label: "working…")
    var spinning = false
    var lastEvent = "none"
    var pastes = 0
    var lastPaste = ""
    var notice: String?
    var themeName: String
    var size = (rows: 0, cols: 0)

    init(theme: String, preload: String) {
        themeName = theme
        prompt = TextArea(preload, width: 40, height: 6, placeholder: "Type a prompt. {{variables}} are highlighted.")
        prompt.highlighter = highlightVariables
        if !preload.isEmpty { _ = prompt.handle(.key(KeyPress(.home, .ctrl))) }
    }

    /// Text of roughly `bytes` bytes: prose lines with some wide characters.
    static func sampleText(bytes: Int) -> String {
        guard bytes > 0 else { return "" }
        let line = "Hello {{name}}, this is line of sample text with 中文 and é to wrap nicely."
        var out = ""
        var n = 0
        while out.utf8.count < bytes { out += "\(n) " + line + "\n"; n += 1 }
        return out
    }

    var focusedBindings: [KeyBinding] {
        if let dialog { return dialog.bindings }
        if let message { return message.bindings }
        if editing != nil { return [KeyBinding(.enter, "save"), KeyBinding(.escape, "cancel")] + TextInput.keyBindings }
        switch focus {
        case .name, .apiKey: return TextInput.keyBindings
        case .prompt: return prompt.bindings
        case .enabled: return enabled.bindings
        case .speed: return speed.bindings
        case .voice: return voice.bindings
        case .faq: return faq.bindings
        }
    }

    static let globalBindings = [KeyBinding(.ctrl("q"), "quit"), KeyBinding([.tab, .backTab], "field"),
                                 KeyBinding(KeyPress(.function(2)), "dialog"), KeyBinding(KeyPress(.function(3)), "spinner")]

    mutating func update(_ event: AppEvent<DemoMessage>, app: App<DemoMessage>) -> LoopAction {
        switch event {
        case .message(.spinnerTick):
            guard spinning else { return .continue }
            spinner.tick()
            app.schedule(after: 0.1, .spinnerTick)
            return .continue
        case .message(.firstFrameDone(let crash)):
            if crash { fatalError("crash requested (tui-demo --crash-after-first-frame)") }
            return .quit(0)
        case .terminate(let sig):
            return .quit(128 + sig)
        case .input(let input):
            lastEvent = describe(input)
            return handle(input, app: app)
        }
    }

    func describe(_ e: InputEvent) -> String {
        switch e {
        case .key(let k): return "key \(k)"
        case .paste(let s): return "paste \(s.count) chars"
        case .mouse(let m): return "mouse \(m.kind) at \(m.row),\(m.col)"
        case .resize(let r, let c): return "resize \(c)×\(r)"
        }
    }

    mutating func handle(_ input: InputEvent, app: App<DemoMessage>) -> LoopAction {
        if case .resize(let r, let c) = input { size = (r, c); return .continue }
        if case .paste(let s) = input {
            pastes += 1
            lastPaste = "\(s.split(separator: "\n", omittingEmptySubsequences: false).count) lines, \(s.count) chars"
        }
        if let k = input.keyPress {
            if k == .ctrl("q") || k == .ctrl("c") { return .quit(0) }
            if k == .ctrl("x") { fatalError("crash requested (tui-demo Ctrl-X)") }
        }
        if var d = dialog {
            let r = d.handle(input)
            dialog = d
            if r == .submit { dialog = nil; if d.confirmed { return .quit(0) } }
            if r == .cancel { dialog = nil }
            return .continue
        }
        if var m = message {
            let r = m.handle(input)
            message = r == .submit || r == .cancel ? nil : m
            return .continue
        }
        if var e = editing {
            if input.keyPress == .escape { editing = nil; return .continue }
            if input.keyPress == .enter {
                var row = e.index.map { faq.rows[$0] } ?? FAQ(question: "", answer: "")
                row.question = e.question.value
                faq.commit(row, at: e.index)
                editing = nil
                return .continue
            }
            _ = e.question.handle(input)
            editing = e
            return .continue
        }
        if let k = input.keyPress {
            if k == KeyPress(.function(2)) {
                dialog = ConfirmDialog(title: "Quit?", message: "Leave the demo? Nothing here is saved.", confirmLabel: "Quit", cancelLabel: "Stay")
                return .continue
            }
            if k == KeyPress(.function(3)) {
                spinning.toggle()
                if spinning { app.schedule(after: 0.1, .spinnerTick) }
                return .continue
            }
            if k == KeyPress(.function(4)) {
                message = MessageDialog(title: "About", message: "TerminalUI widgets demo. 中文 and emoji 😀 are two columns wide.")
                return .continue
            }
        }
        let result: WidgetResult
        switch focus {
        case .name: result = name.handle(input)
        case .apiKey: result = apiKey.handle(input)
        case .prompt: result = prompt.handle(input)
        case .enabled: result = enabled.handle(input)
        case .speed: result = speed.handle(input)
        case .voice: result = voice.handle(input)
        case .faq: result = faq.handle(input)
        }
        switch result {
        case .focusNext, .submit: moveFocus(1)
        case .focusPrevious: moveFocus(-1)
        case .edit(let index):
            editing = (index, TextInput(index.map { faq.rows[$0].question } ?? "", placeholder: "question"))
        case .unhandled:
            if input.keyPress == .backTab { moveFocus(-1) } else if input.keyPress == .tab { moveFocus(1) }
        default: break
        }
        return .continue
    }

    mutating func moveFocus(_ d: Int) {
        let all = Focus.allCases
        focus = all[(focus.rawValue + d + all.count) % all.count]
    }

    func render(into canvas: inout Canvas) {
        let b = canvas.bounds
        canvas.fill(b, style: .background)
        let title = "tui-demo — TerminalUI widgets"
        StatusBar(left: title, right: "\(b.width)×\(b.height) · theme \(themeName)", style: .selection)
            .render(into: &canvas, row: 0, width: b.width)
        let body = Rect(row: 1, col: 0, width: b.width, height: b.height - 3)
        let (left, right) = body.splitLeft(b.width / 2)
        var y = left.row
        func field(_ label: String, _ h: Int, _ f: Focus, hint: String? = nil, message: FieldMessage? = nil,
                   _ draw: (inout Canvas, Rect, Bool) -> Void) {
            let rect = Rect(row: y, col: left.col, width: left.width - 1, height: h + 1 + (message == nil ? 0 : 1))
            drawField(into: &canvas, in: rect, label: label, focused: focus == f && editing == nil, message: message, hint: hint) { c, r in
                draw(&c, r, focus == f && dialog == nil && message == nil && editing == nil)
            }
            y += rect.height
        }
        let nameMessage: FieldMessage? = name.value.isEmpty ? nil : FieldMessage("\(displayWidth(name.value)) columns", severity: .info)
        field("Name", 1, .name, message: nameMessage) { c, r, f in name.render(into: &c, in: r, focused: f) }
        field("API key", 1, .apiKey, hint: "masked") { c, r, f in apiKey.render(into: &c, in: r, focused: f) }
        let promptHeight = max(3, left.bottom - y - 1 - 4)
        field("Prompt", promptHeight, .prompt) { c, r, f in prompt.render(into: &c, in: r, focused: f) }
        field("Enabled", 1, .enabled) { c, r, f in enabled.render(into: &c, in: r, focused: f) }
        field("Speed", 1, .speed) { c, r, f in speed.render(into: &c, in: r, focused: f) }

        var ry = right.row
        let voiceRect = Rect(row: ry, col: right.col, width: right.width, height: 6)
        drawField(into: &canvas, in: voiceRect, label: "Voice", focused: focus == .voice, hint: voice.selectedItem?.title) { c, r in
            voice.render(into: &c, in: r, focused: focus == .voice && dialog == nil && editing == nil)
        }
        ry += voiceRect.height
        let faqRect = Rect(row: ry, col: right.col, width: right.width, height: 5)
        drawField(into: &canvas, in: faqRect, label: "FAQ", focused: focus == .faq) { c, r in
            faq.render(into: &c, in: r, focused: focus == .faq && editing == nil)
        }
        ry += faqRect.height + 1
        canvas.put("Name: [" + name.value + "]|", row: ry, col: right.col + 2, maxWidth: right.width - 2, style: .muted)
        canvas.put("Last: \(lastEvent)", row: ry + 1, col: right.col + 2, maxWidth: right.width - 2, style: .muted)
        canvas.put("Pastes: \(pastes) (\(lastPaste))", row: ry + 2, col: right.col + 2, maxWidth: right.width - 2, style: .muted)
        canvas.put("Prompt: \(prompt.lineCount) lines", row: ry + 3, col: right.col + 2, maxWidth: right.width - 2, style: .muted)
        if spinning { spinner.render(into: &canvas, row: ry + 4, col: right.col + 2, width: right.width - 2) }
        if let notice { canvas.put(notice, row: ry + 5, col: right.col + 2, maxWidth: right.width - 2, style: .warning) }

        let json = "{\"name\": \"\(name.value)\", \"speed\": \(speed.text.isEmpty ? "null" : speed.text), \"enabled\": \(enabled.isOn)}"
        let jsonRow = ry + 6
        if jsonRow < body.bottom {
            TextView(JSONHighlighter.styledLines(json), height: 1)
                .render(into: &canvas, in: Rect(row: jsonRow, col: right.col + 2, width: right.width - 2, height: 1), focused: false)
        }

        StatusBar(left: "focus: \(focus)", right: spinning ? spinner.text : "", style: .muted)
            .render(into: &canvas, row: b.height - 2, width: b.width)
        HelpLine.render(Self.globalBindings + focusedBindings, into: &canvas, row: b.height - 1, width: b.width)

        if let e = editing {
            let box = b.centered(width: 50, height: 5)
            canvas.fill(box, style: .text)
            canvas.box(box, style: .accent, title: e.index == nil ? "New FAQ item" : "Edit FAQ item")
            canvas.put("Question:", row: box.row + 1, col: box.col + 2, style: .text)
            e.question.render(into: &canvas, in: Rect(row: box.row + 2, col: box.col + 2, width: box.width - 4, height: 1), focused: true)
            canvas.put("enter save · esc cancel", row: box.row + 3, col: box.col + 2, style: .muted)
        }
        if let dialog { dialog.render(into: &canvas, in: b, focused: true) }
        if let message { message.render(into: &canvas, in: b, focused: true) }
    }
}

/// Colours `{{variables}}` in the prompt.
@Sendable func highlightVariables(_ line: String) -> [HighlightSpan] {
    guard line.contains("{{") else { return [] }
    var spans: [HighlightSpan] = []
    let chars = Array(line)
    var i = 0
    while i + 1 < chars.count {
        if chars[i] == "{", chars[i + 1] == "{" {
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
            if j + 1 < chars.count { spans.append(HighlightSpan(i..<(j + 2), .accent)); i = j + 2; continue }
        }
        i += 1
    }
    return spans
}
