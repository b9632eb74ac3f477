import AssistantModel
import RevoxInterface
import TerminalUI

/// The screen after a send: what happened, the assistant's id, and the server's response.
struct ResultScreen: Sendable {
    var response = TextView([], wrap: false, height: 10)

    /// The response of a send as the screen shows it: the assistant's JSON, or the error's details.
    init(_ send: SendState = .idle) {
        switch send {
        case .succeeded(let assistant, _, _):
            response = TextView(JSONHighlighter.styledLines(JSONEncoding.prettyString(.object(assistant.json))), wrap: false, height: 10)
        case .failed(let error):
            // Line by line: sanitizing the whole text would show its line breaks as "\u{0A}".
            let details = error.details.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).sanitizedForDisplay }
            response = TextView(text: details.joined(separator: "\n"), style: .muted, wrap: true, height: 10)
        default: break
        }
    }

    enum Outcome: Equatable, Sendable {
        case none
        /// Back to the review (Esc, or Enter when there is no field to go to).
        case back
        /// Enter after a 422: to the first field the server named.
        case jumpToFirstFieldError
    }

    mutating func update(_ event: InputEvent, send: SendState) -> Outcome {
        guard let k = event.keyPress, k == .enter || k == .escape else {
            _ = response.handle(event)
            return .none
        }
        if k == .enter, case .failed(let error) = send, !error.fieldErrors.isEmpty { return .jumpToFirstFieldError }
        return .back
    }

    func render(into canvas: inout Canvas, in area: Rect, send: SendState, server: String) {
        var y = area.row
        func line(_ text: String, _ style: Style = .text) {
            guard y < area.bottom else { return }
            canvas.put(text.sanitizedForDisplay, row: y, col: area.col, maxWidth: area.width, style: style)
            y += 1
        }
        switch send {
        case .succeeded(let a, let wasCreate, let recordWarning):
            line(wasCreate ? "Created the assistant." : "Updated the assistant.", .success.with(.bold))
            if let recordWarning { line(recordWarning, .error.with(.bold)) }
            // The id on a row of its own: it is what gets copied, so it is never cut by the name.
            line("id: \(a.id)")
            line("name: \(a.name ?? "")")
            line("voice: \(a.voiceID ?? "default") \(a.voiceProvider.map { "(\($0))" } ?? "")    first sentence: \(a.firstSentenceMode ?? "")")
            line("created: \(a.createdAt ?? "?")    updated: \(a.updatedAt ?? "?")", .muted)
            if recordWarning == nil {
                line("Sending again \(server) updates this assistant, not a new one.", .muted)
            }
        case .failed(let e):
            line(e.mayHaveBeenCreated ? "The outcome is unknown: the assistant MAY have been created." : "The request failed.",
                 .error.with(.bold))
            line(e.message, .error)
            line(e.suggestion, .text)
            if !e.fieldErrors.isEmpty { line("Enter jumps to the first field the server named; its message shows there.", .accent) }
            if e.mayHaveBeenCreated { line("Nothing was sent again. Check `assistant-wizard assistants list` before sending once more.", .warning) }
        default: break
        }
        y += 1
        line("Response:", .muted)
        var view = response
        view.height = max(1, area.bottom - y)
        view.render(into: &canvas, in: Rect(row: y, col: area.col, width: area.width, height: max(1, area.bottom - y)), focused: true)
    }
}
