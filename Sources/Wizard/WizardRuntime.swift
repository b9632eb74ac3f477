#if canImport(Glibc)
import Glibc
#endif
import AssistantModel
import Dispatch
import Drafts
import RevoxInterface
import TerminalUI

/// Runs the wizard in a real terminal: one loop feeds keys and finished work to `update`, runs the
/// effects it returns off the loop thread, and draws after each batch of events. The draft itself
/// (file, lock, saves, what was sent where) is the `DraftSession`'s; this only schedules its work.
public final class WizardRuntime: @unchecked Sendable {
    /// The loop's messages: the wizard's own, and the runtime's timers.
    enum Message: Sendable {
        case wizard(WizardMessage)
        /// The start screen opened (or fetched) a draft: the runtime takes its session, then the
        /// wizard gets the message.
        case opened(DraftSession, WizardMessage)
        case flushSave
        case startUp
    }

    let api: any RevoxAPI
    let store: DraftStore
    let environment: [String: String]
    let app: App<Message>
    /// Saves run here one after another, so the newest body is always written last.
    let saveQueue = DispatchQueue(label: "assistant-wizard.save")
    var saveScheduled = false
    var tickScheduled = false
    var sendTask: Task<Void, Never>?
    /// The drafts list's status requests; a new listing cancels the last one's.
    var statusTask: Task<Void, Never>?
    /// The open draft; nil on the start screen until one is chosen. Set on the loop thread only.
    var session: DraftSession?
    /// Said on stderr once the terminal is back (where a rescued draft went).
    public private(set) var farewell: String?

    /// On the real terminal, or on `screen` with `input` (tests run the real loop without one).
    public init(api: any RevoxAPI, store: DraftStore, session: DraftSession?, environment: [String: String], theme: Theme,
                screen: (any Screen)? = nil, input: (any InputSource)? = nil) {
        self.api = api
        self.store = store
        self.session = session
        self.environment = environment
        var options = App<Message>.Options()
        options.terminal.theme = theme
        options.minimumCols = Wizard.minimumSize.cols
        options.minimumRows = Wizard.minimumSize.rows
        options.handlesTermination = true
        if let screen, let input { app = App(options: options, screen: screen, input: input) } else { app = App(options: options) }
    }

    /// Runs until the user quits; returns the exit status.
    public func run(_ wizard: Wizard) -> Int32 {
        var wizard = wizard
        let size = app.size.rows > 0 ? app.size : terminalSize()
        _ = wizard.update(.resize(rows: size.rows, cols: size.cols))
        app.schedule(after: 0, .startUp)
        let code = app.run(state: &wizard, update: { [self] w, event, app in
            let effects: [WizardEffect]
            switch event {
            case .input(let e): effects = w.update(.input(e))
            case .message(.wizard(let m)): effects = w.update(m)
            case .message(.opened(let s, let m)):
                session?.close()
                session = s
                effects = w.update(m)
            case .message(.flushSave):
                saveScheduled = false
                writeSave(w)
                effects = []
            case .message(.startUp):
                effects = w.initialEffects
            case .terminate(let sig):
                return .quit(terminate(&w, signal: sig))
            }
            if case .message(.wizard(.tick)) = event { tickScheduled = false }
            if w.state.isBusy, !tickScheduled {
                tickScheduled = true
                app.schedule(after: 0.1, .wizard(.tick))
            }
            for effect in effects {
                if case .quit(let code) = perform(effect, wizard: &w) { return .quit(code) }
            }
            return .continue
        }, render: { w, canvas in
            w.render(into: &canvas)
        })
        session?.close()
        return code
    }

    enum Outcome: Equatable { case `continue`, quit(Int32) }

    func post(_ m: WizardMessage) { app.mailbox.post(.wizard(m)) }

    func perform(_ effect: WizardEffect, wizard: inout Wizard) -> Outcome {
        switch effect {
        case .save:
            if !saveScheduled {
                saveScheduled = true
                // Debounced: typing never waits on the disk, and a burst of keys is one write.
                app.schedule(after: 0.3, .flushSave)
            }
        case .quit:
            return quit(&wizard)
        case .quitDiscarding:
            sendTask?.cancel()
            return .quit(1)
        case .saveElsewhere(let path):
            guard let session else { return .quit(0) }
            do throws(DraftError) {
                try session.saveElsewhere(path)
                farewell = "The draft could not be saved in its own file, so it was saved to \(path)."
                return .quit(0)
            } catch {
                _ = wizard.update(.quitBlocked(error, rescuePath: path))
            }
        case .resolveConflict(let choice):
            guard let session else { break }
            saveQueue.async { [self] in
                switch choice {
                case .reload:
                    if case .failed(let e) = session.reload() { post(.saved(.failed(e))) } else { post(.draftReloaded(session.body)) }
                case .keepMine: post(.saved(session.overwrite()))
                case .saveCopy: post(.saved(session.saveAsCopy()))
                }
            }
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
        case .newDraft:
            session?.close()
            session = DraftSession.new(store: store)
        case .send(let plan):
            guard let session else { break }
            session.edit(wizard.bodyForSaving)
            let (api, server) = (self.api, wizard.state.backend.server)
            sendTask = Task { [self] in
                let saved = await onSaveQueue { session.save() }
                post(.saved(saved))
                let outcome = await session.send(plan, to: server, via: api)
                post(.sendFinished(outcome, record: try? session.record(on: server).get()))
            }
        case .cancelSend:
            sendTask?.cancel()
        case .listDrafts, .fetchAssistant, .listAssistants, .pull:
            performStart(effect, server: wizard.state.backend.server)
        case .openDraft(let slug):
            let (store, server) = (self.store, wizard.state.backend.server)
            saveQueue.async { [self] in
                do throws(SessionError) {
                    let s = try DraftSession.open(store: store, slug: slug)
                    app.mailbox.post(.opened(s, .draftOpened(.success(s.opened(on: server)))))
                } catch { post(.draftOpened(.failure(error))) }
            }
        case .chooseAPI(let api):
            if let session, let e = session.choose(api: api) { post(.saved(.failed(e))) }
        case .openEditor(let path, let text):
            let env = environment
            let result = app.withTerminalReleased { ExternalEditor.edit(text, field: path, environment: env) }
            let effects = wizard.update(.editorFinished(path: path, result))
            for e in effects {
                if case .quit(let code) = perform(e, wizard: &wizard) { return .quit(code) }
            }
        }
        return .continue
    }

    /// Saves what was typed last, waiting for it; quits only when it is on disk. Otherwise the
    /// wizard asks what to do (retry, save elsewhere, quit and lose) and the program stays open.
    func quit(_ wizard: inout Wizard) -> Outcome {
        sendTask?.cancel()
        guard let session else { return .quit(0) }
        wizard.flushEdits()
        session.edit(wizard.bodyForSaving)
        let outcome = saveQueue.sync { session.save() }
        switch outcome {
        case .saved, .nothingToSave: return .quit(0)
        case .failed(let error):
            _ = wizard.update(.quitBlocked(error, rescuePath: rescuePath(for: wizard.state.slug)))
        case .changedOnDisk:
            _ = wizard.update(.saved(outcome))
        }
        return .continue
    }

    /// TERM or HUP (the terminal closed): what was typed last is saved, with no one to ask. A
    /// failed save goes to the rescue file, and a change on disk is kept apart as a copy.
    func terminate(_ wizard: inout Wizard, signal: Int32) -> Int32 {
        sendTask?.cancel()
        guard let session else { return 128 + signal }
        wizard.flushEdits()
        session.edit(wizard.bodyForSaving)
        switch saveQueue.sync(execute: { session.save() }) {
        case .saved, .nothingToSave: break
        case .changedOnDisk: _ = saveQueue.sync { session.saveAsCopy() }
        case .failed(let error):
            let rescue = rescuePath(for: wizard.state.slug)
            if (try? session.saveElsewhere(rescue)) != nil {
                farewell = "The draft could not be saved (\(error.description)), so it was saved to \(rescue)."
            } else {
                farewell = "The draft could not be saved: \(error.description)."
            }
        }
        return 128 + signal
    }

    /// Where a draft goes when its own folder cannot be written: the temporary folder.
    func rescuePath(for slug: String?) -> String {
        let dir = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(dir)/assistant-wizard-\(slug ?? "untitled")-\(getpid()).json"
    }

    /// Hands the newest body to the session and saves it on the save queue.
    func writeSave(_ wizard: Wizard) {
        guard let session else { return }
        session.edit(wizard.bodyForSaving)
        saveQueue.async { [self] in post(.saved(session.save())) }
    }

    func onSaveQueue<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in saveQueue.async { c.resume(returning: body()) } }
    }

    func terminalSize() -> (rows: Int, cols: Int) {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 { return (Int(ws.ws_row), Int(ws.ws_col)) }
        return (24, 80)
    }
}

extension DraftSession {
    /// The draft as the wizard shows it, with what it created on `server`.
    public func opened(on server: DraftServer) -> OpenedDraft {
        switch record(on: server) {
        case .success(let r): return OpenedDraft(slug: slug, body: body, record: r, api: recordedAPI)
        case .failure(let e): return OpenedDraft(slug: slug, body: body, recordProblem: e)
        }
    }
}
