#if canImport(Glibc)
import Glibc
#endif
import AssistantModel
import Dispatch
import RevoxClient
import TerminalUI

/// Runs the wizard in a real terminal: one loop feeds keys and finished work to `update`, runs the
/// effects it returns off the loop thread, and draws after each batch of events.
public final class WizardRuntime: @unchecked Sendable {
    /// The loop's messages: the wizard's own, and the runtime's timers.
    enum Message: Sendable {
        case wizard(WizardMessage)
        case flushSave
        case startUp
    }

    let api: any RevoxAPI
    let store: DraftStore
    let environment: [String: String]
    let app: App<Message>
    /// Saves run here one after another, so the newest body is always written last.
    let saveQueue = DispatchQueue(label: "assistant-wizard.save")
    var pendingSave: (body: JSONValue, slug: String?)?
    var saveScheduled = false
    var tickScheduled = false
    var sendTask: Task<Void, Never>?
    /// The slug the draft has on disk, once the first save has given it one.
    var savedSlug: String?

    public init(api: any RevoxAPI, store: DraftStore, environment: [String: String], theme: Theme) {
        self.api = api
        self.store = store
        self.environment = environment
        var options = App<Message>.Options()
        options.terminal.theme = theme
        options.minimumCols = Wizard.minimumSize.cols
        options.minimumRows = Wizard.minimumSize.rows
        app = App(options: options)
    }

    /// Runs until the user quits; returns the exit status.
    public func run(_ wizard: Wizard) -> Int32 {
        var wizard = wizard
        savedSlug = wizard.state.slug
        let size = terminalSize()
        _ = wizard.update(.resize(rows: size.rows, cols: size.cols))
        app.schedule(after: 0, .startUp)
        return app.run(state: &wizard, update: { [self] w, event, app in
            let effects: [WizardEffect]
            switch event {
            case .input(let e): effects = w.update(.input(e))
            case .message(.wizard(let m)): effects = w.update(m)
            case .message(.flushSave):
                saveScheduled = false
                w.flushEdits()
                pendingSave?.body = w.state.draft
                writePendingSave()
                effects = []
            case .message(.startUp):
                effects = w.initialEffects
            }
            if case .message(.wizard(.tick)) = event { tickScheduled = false }
            if w.state.isBusy, !tickScheduled {
                tickScheduled = true
                app.schedule(after: 0.1, .wizard(.tick))
            }
            for effect in effects where perform(effect, wizard: &w) == .quit { return .quit(0) }
            return .continue
        }, render: { w, canvas in
            w.render(into: &canvas)
        })
    }

    enum Outcome { case `continue`, quit }

    func post(_ m: WizardMessage) { app.mailbox.post(.wizard(m)) }

    func perform(_ effect: WizardEffect, wizard: inout Wizard) -> Outcome {
        switch effect {
        case .save(let body, let slug):
            pendingSave = (body, slug ?? savedSlug)
            if !saveScheduled {
                saveScheduled = true
                // Debounced: typing never waits on the disk, and a burst of keys is one write.
                app.schedule(after: 0.3, .flushSave)
            }
        case .quit:
            wizard.flushEdits()
            if pendingSave != nil { pendingSave?.body = wizard.state.draft }
            writePendingSave()
            saveQueue.sync {}
            sendTask?.cancel()
            return .quit
        case .loadVoices:
            let api = self.api
            Task { [self] in
                do throws(RevoxError) {
                    let voices = try await api.listVoices().map {
                        VoiceOption(id: $0.id, name: $0.name, language: $0.language, provider: $0.provider, description: $0.description)
                    }
                    post(.voicesLoaded(.success(voices)))
                } catch { post(.voicesLoaded(.failure(error))) }
            }
        case .create(let body, let slug):
            wizard.flushEdits()
            if pendingSave != nil { pendingSave?.body = wizard.state.draft }
            send(slug: slug) { api throws(RevoxError) in try await api.createAssistant(body) }
        case .update(let id, let changes, let slug):
            send(slug: slug) { api throws(RevoxError) in try await api.updateAssistant(id: id, changes: changes) }
        case .cancelSend:
            sendTask?.cancel()
        case .listDrafts:
            let store = self.store
            saveQueue.async { [self] in
                do throws(DraftError) { post(.draftsListed(.success(try store.list()))) } catch { post(.draftsListed(.failure(error))) }
            }
        case .openDraft(let slug):
            let store = self.store
            saveQueue.async { [self] in
                do throws(DraftError) {
                    let body = try store.load(slug)
                    let meta = try? store.metadata(slug)
                    savedSlug = slug
                    post(.draftOpened(.success((slug, body, meta ?? nil))))
                } catch { post(.draftOpened(.failure(error))) }
            }
        case .fetchAssistant(let id):
            let (api, store) = (self.api, self.store)
            Task { [self] in
                do throws(RevoxError) {
                    let a = try await api.assistant(id: id)
                    saveQueue.async { [self] in
                        do throws(DraftError) {
                            let slug = try store.create(.object(a.requestBody))
                            try store.writeMetadata(DraftMetadata(assistantID: a.id, serverCopy: .object(a.json)), slug: slug)
                            savedSlug = slug
                            post(.assistantFetched(.success((slug, a))))
                        } catch {
                            post(.assistantFetched(.failure(RevoxError(kind: .invalidResponse, method: "GET", path: "/assistants/\(id)",
                                message: "Fetched the assistant but could not save it as a draft: \(error)", suggestion: ""))))
                        }
                    }
                } catch { post(.assistantFetched(.failure(error))) }
            }
        case .openEditor(let path, let text):
            let env = environment
            let result = app.withTerminalReleased { ExternalEditor.edit(text, field: path, environment: env) }
            let effects = wizard.update(.editorFinished(path: path, result))
            for e in effects where perform(e, wizard: &wizard) == .quit { return .quit }
        }
        return .continue
    }

    /// Sends a create or an update once; after a success the draft's metadata remembers the
    /// assistant, so a later send updates it instead of creating a second one.
    func send(slug: String?, _ call: @escaping @Sendable (any RevoxAPI) async throws(RevoxError) -> Assistant) {
        let (api, store) = (self.api, self.store)
        writePendingSave()
        sendTask = Task { [self] in
            do throws(RevoxError) {
                let assistant = try await call(api)
                saveQueue.async { [self] in
                    if let slug = slug ?? savedSlug {
                        try? store.recordSubmission(slug: slug, assistantID: assistant.id, serverCopy: .object(assistant.json))
                    }
                    post(.sendFinished(.success(assistant)))
                }
            } catch { post(.sendFinished(.failure(error))) }
        }
    }

    /// Hands the newest body to the save queue. A new draft gets its file (and slug) on its first
    /// save; later saves go to the same file even if the name changes.
    func writePendingSave() {
        guard let pending = pendingSave else { return }
        pendingSave = nil
        let store = self.store
        saveQueue.async { [self] in
            do throws(DraftError) {
                let slug: String
                if let s = pending.slug ?? savedSlug {
                    try store.save(pending.body, slug: s)
                    slug = s
                } else {
                    slug = try store.create(pending.body)
                }
                savedSlug = slug
                post(.saved(.success(slug)))
            } catch { post(.saved(.failure(error))) }
        }
    }

    func terminalSize() -> (rows: Int, cols: Int) {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 { return (Int(ws.ws_row), Int(ws.ws_col)) }
        return (24, 80)
    }
}
