import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The start menu: a new assistant, a saved draft, an existing assistant by id, or quit.
extension AccessibleSession {
    /// Returns with a draft open; throws `.quit` (or `.endOfInput`) when the user leaves.
    func startMenu() throws(AccessibleJump) {
        while true {
            say("")
            say("Start. What would you like to do?")
            for (i, entry) in StartScreen.entries.enumerated() { say("  \(i + 1). \(entry)") }
            say("Type \(Self.numberChoice(StartScreen.entries.count)).")
            let line: String?
            do throws(AccessibleJump) { line = try read("Start") } catch {
                if error == .quit || error == .endOfInput { throw error }
                say("That command works once an assistant is open.")
                continue
            }
            switch line?.trimmingSpaces {
            case "1"?:
                session = DraftSession.new(store: store)
                return
            case "2"?: if try openDraft() { return }
            case "3"?: if try fetchAssistant() { return }
            case "4"?: throw .quit
            default: say("Please type \(Self.numberChoice(StartScreen.entries.count)).")
            }
        }
    }

    /// The saved drafts, newest first, numbered and filtered by typing; false to go back to the menu.
    func openDraft() throws(AccessibleJump) -> Bool {
        var screen = StartScreen()
        do throws(DraftError) { screen.showDrafts(try store.list()) } catch {
            say("Could not list the drafts: \(error.description.sanitizedForDisplay).")
            return false
        }
        let all = screen.drafts
        if all.isEmpty { say("No saved drafts yet."); return false }
        var shown = all
        while true {
            say("\(shown.count) draft\(shown.count == 1 ? "" : "s"):")
            for (i, d) in shown.enumerated() {
                let state = d.loadError != nil ? "unreadable" : d.errorCount == 0 ? "no errors" : "\(d.errorCount) error\(d.errorCount == 1 ? "" : "s")"
                let changed = d.modified.map { ", changed \(FileIO.iso8601($0))" } ?? ""
                say("  \(i + 1). \((d.name ?? "no name").sanitizedForDisplay)\(changed), \(state), \(d.isSubmitted ? "submitted" : "not submitted"); file \(d.slug).json")
            }
            say("Type \(Self.numberChoice(shown.count)) to open a draft, text to filter the list, or back for the start menu.")
            let line: String?
            do throws(AccessibleJump) { line = try read("Draft") } catch {
                if error == .back { return false }
                throw error
            }
            guard let text = line?.trimmingSpaces, !text.isEmpty else { continue }
            if let n = Int(text), shown.indices.contains(n - 1) {
                let slug = shown[n - 1].slug
                do throws(SessionError) {
                    session = try DraftSession.open(store: store, slug: slug)
                    say("Opened the draft \(slug).")
                    return true
                } catch {
                    say("Cannot open it: \(error.description.sanitizedForDisplay). The file was left untouched.")
                    continue
                }
            }
            let needle = text.lowercased()
            let found = all.filter { ($0.name ?? "").lowercased().contains(needle) || $0.slug.contains(needle) }
            if found.isEmpty { say("No draft matches \"\(text.sanitizedForDisplay)\".") } else { shown = found }
        }
    }

    /// An existing assistant fetched into a new draft, with the server's copy kept for the PATCH diff.
    func fetchAssistant() throws(AccessibleJump) -> Bool {
        say("The assistant's id, or back for the start menu.")
        let line: String?
        do throws(AccessibleJump) { line = try read("Assistant id") } catch {
            if error == .back { return false }
            throw error
        }
        guard let id = line?.trimmingSpaces, !id.isEmpty else { return false }
        say("Fetching \(id.sanitizedForDisplay)…")
        let api = self.api
        switch waitFor({ () async throws(RevoxError) in try await api.assistant(id: id) }) {
        case .failure(let error):
            say("Could not fetch it: \(error.message.sanitizedForDisplay) \(error.suggestion.sanitizedForDisplay)")
            return false
        case .success(let a):
            do throws(SessionError) {
                session = try DraftSession.fetched(a, from: server, store: store)
                say("Fetched \((a.name ?? a.id).sanitizedForDisplay) into the draft \(session.slug ?? "").")
                return true
            } catch {
                say("Fetched the assistant but could not save it as a draft: \(error.description.sanitizedForDisplay)")
                return false
            }
        }
    }
}
