import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The start menu: a new assistant, a saved draft, an existing assistant by id, a template, a
/// pull from the server, or quit.
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
            case "4"?: if try startFromTemplate() { return }
            case "5"?: if try pullFromServer() { return }
            case "6"?: throw .quit
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
        // What the files tell is said with the list; what needs the server comes after it.
        let listed = ListedDraft.read(all.filter { $0.loadError == nil }.map(\.slug), store: store, server: server)
        var statuses = Dictionary(listed.map { ($0.slug, $0.local) }) { a, _ in a }
        var shown = all
        var checked = false
        while true {
            say("\(shown.count) draft\(shown.count == 1 ? "" : "s"), with their status \(server.onName.sanitizedForDisplay):")
            for (i, d) in shown.enumerated() {
                let changed = d.modified.map { ", changed \(FileIO.iso8601($0))" } ?? ""
                let status = statuses[d.slug].map { ", \($0.text.sanitizedForDisplay)" } ?? ""
                say("  \(i + 1). \((d.name ?? "no name").sanitizedForDisplay)\(changed), \(StartScreen.problems(d))\(status); file \(d.slug).json")
            }
            if !checked {
                checked = true
                let pending = listed.filter { $0.local.needsServer }
                if !pending.isEmpty {
                    say("Checking \(pending.count) with the server…")
                    let api = self.api
                    let answers = waitFor { () async throws(RevoxError) in await ListedDraft.check(pending, via: api) }
                    if case .success(let found) = answers {
                        statuses.merge(found) { _, b in b }
                        for (i, d) in shown.enumerated() where found[d.slug] != nil {
                            say("  \(i + 1). \((d.name ?? "no name").sanitizedForDisplay): \(found[d.slug]!.text.sanitizedForDisplay)")
                        }
                    }
                }
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

    /// An existing assistant by id, pulled into its draft (a new one unless a draft already has it
    /// on this server), with the server's copy kept for the PATCH diff.
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
            return openPulled(a)
        }
    }

    /// Pulls `a` as `pull` does (into the draft that has it, else a new one) and opens that draft.
    func openPulled(_ a: Assistant) -> Bool {
        let (outcome, opened) = DraftPull.pullOpen(a, from: server, store: store, slug: DraftPull.index(store: store, server: server)[a.id])
        say(outcome.sentence.sanitizedForDisplay)
        guard let opened else { return false }
        session = opened
        return true
    }

    /// The templates `new --template` takes; the one chosen is a new draft's first body.
    func startFromTemplate() throws(AccessibleJump) -> Bool {
        let templates = wizard.state.start.templates
        if templates.isEmpty {
            say("No templates were found beside the program (set ASSISTANT_WIZARD_TEMPLATES to their folder).")
            return false
        }
        say("\(templates.count) templates:")
        for (i, t) in templates.enumerated() {
            say("  \(i + 1). \(t.name)\((t.body.objectValue?["name"]?.stringValue).map { ": \($0.sanitizedForDisplay)" } ?? "")")
        }
        while true {
            say("Type \(Self.numberChoice(templates.count)) to start from a template, or back for the start menu.")
            let line: String?
            do throws(AccessibleJump) { line = try read("Template") } catch {
                if error == .back { return false }
                throw error
            }
            guard let text = line?.trimmingSpaces, let n = Int(text), templates.indices.contains(n - 1) else { continue }
            session = DraftSession.new(store: store, body: templates[n - 1].body)
            say("A new draft from the template \(templates[n - 1].name); it is saved under its own name on the first save.")
            return true
        }
    }

    /// The server's assistants, numbered: one is pulled into its draft and opened, or all of them
    /// are pulled and the drafts listed.
    func pullFromServer() throws(AccessibleJump) -> Bool {
        say("Listing the assistants \(server.onName.sanitizedForDisplay)…")
        let api = self.api
        let assistants: [Assistant]
        switch waitFor({ () async throws(RevoxError) in try await api.listAssistants() }) {
        case .failure(let error):
            say("Could not list them: \(error.message.sanitizedForDisplay) \(error.suggestion.sanitizedForDisplay)")
            return false
        case .success(let list): assistants = list
        }
        if assistants.isEmpty { say("No assistants \(server.onName.sanitizedForDisplay) to pull."); return false }
        say("\(assistants.count) assistant\(assistants.count == 1 ? "" : "s"):")
        for (i, a) in assistants.enumerated() {
            say("  \(i + 1). \((a.name ?? "no name").sanitizedForDisplay), id \(a.id.sanitizedForDisplay)")
        }
        while true {
            say("Type \(Self.numberChoice(assistants.count)) to pull that assistant into a draft and open it, all to pull every one, or back for the start menu.")
            let line: String?
            do throws(AccessibleJump) { line = try read("Pull") } catch {
                if error == .back { return false }
                throw error
            }
            guard let text = line?.trimmingSpaces.lowercased(), !text.isEmpty else { continue }
            if text == "all" {
                let index = DraftPull.index(store: store, server: server)
                let outcomes = assistants.map { DraftPull.pull($0, from: server, store: store, slug: index[$0.id]) }
                for o in outcomes { say(o.sentence.sanitizedForDisplay) }
                say(PullOutcome.summary(outcomes).sanitizedForDisplay)
                return try openDraft()
            }
            if let n = Int(text), assistants.indices.contains(n - 1) {
                if openPulled(assistants[n - 1]) { return true }
                continue
            }
            say("Please type \(Self.numberChoice(assistants.count)), all, or back.")
        }
    }
}
