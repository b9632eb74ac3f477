import AssistantModel
import Drafts
import RevoxInterface

/// The start screen's work: the drafts list and its statuses, the server's assistants, pulls.
/// Files are read on the save queue, requests in tasks; the loop thread only posts messages.
extension WizardRuntime {
    func performStart(_ effect: WizardEffect, server: DraftServer) {
        let (api, store) = (self.api, self.store)
        switch effect {
        case .listDrafts:
            statusTask?.cancel()
            statusTask = Task { [self] in
                let pending: [ListedDraft] = await onSaveQueue { [self] in
                    let list: [DraftSummary]
                    do throws(DraftError) { list = try store.list() } catch { post(.draftsListed(.failure(error))); return [] }
                    // What the files tell comes with the list; what needs the server follows, draft by draft.
                    let drafts = ListedDraft.read(list.filter { $0.loadError == nil }.map(\.slug), store: store, server: server)
                    post(.draftStatuses(Dictionary(drafts.map { ($0.slug, $0.local) }) { a, _ in a }))
                    post(.draftsListed(.success(list)))
                    return drafts.filter { $0.local.needsServer }
                }
                await ListedDraft.check(pending, via: api) { [self] slug, status in post(.draftStatuses([slug: status])) }
            }
        case .listAssistants:
            Task { [self] in
                do throws(RevoxError) { post(.assistantsListed(.success(try await api.listAssistants()))) } catch {
                    post(.assistantsListed(.failure(error)))
                }
            }
        case .fetchAssistant(let id):
            Task { [self] in
                do throws(RevoxError) {
                    let a = try await api.assistant(id: id)
                    pull([a], open: true, from: server)
                } catch { post(.assistantFetched(.failure(error))) }
            }
        case .pull(let assistants, let open):
            pull(assistants, open: open, from: server)
        default: break
        }
    }

    /// As `pull` does it, through DraftPull: with `open`, the one assistant's draft is then opened
    /// (the session stays open: the built-in sandbox's record lives only there); else all are reported.
    func pull(_ assistants: [Assistant], open: Bool, from server: DraftServer) {
        let store = self.store
        saveQueue.async { [self] in
            let index = DraftPull.index(store: store, server: server)
            guard open, let a = assistants.first else {
                post(.pulledAll(assistants.map { DraftPull.pull($0, from: server, store: store, slug: index[$0.id]) }))
                return
            }
            let (outcome, session) = DraftPull.pullOpen(a, from: server, store: store, slug: index[a.id])
            if let session {
                app.mailbox.post(.opened(session, .pulled(outcome, session.opened(on: server))))
            } else {
                post(.pulled(outcome, nil))
            }
        }
    }
}
