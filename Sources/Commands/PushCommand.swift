import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send drafts to the server: a plan first, then create, or PATCH only the changed fields.",
        discussion: CLIHelp.discussion("""
        The plan has one line a draft: + create, ~ update: FIELDS, = unchanged, ! conflict or refused. \
        A draft whose assistant changed on the server since the last pull or push, while the draft \
        changed too, is a conflict: refused unless --force (then the draft's changed fields are sent; \
        the server keeps its other changes, and the draft takes them, so it is in sync after). A draft with errors is never sent. Without --yes the plan \
        is confirmed on the terminal; without a terminal, --yes is required.
        Exit status, as for submit: 0 everything sent or nothing to send; 1 a draft is invalid, a \
        conflict was refused, or the server refused (4xx); 2 a draft or its record cannot be read; 3 \
        the server could not be reached; 4 a create's outcome is unknown; 5 sent, but a draft could not \
        remember its assistant (the id is printed).
        """, examples: [
            ("Show what would be sent, and send nothing", "assistant-wizard push --dry-run --drafts-dir assistants/"),
            ("Send every changed draft without asking (CI)", "assistant-wizard push --yes --drafts-dir assistants/"),
        ]))

    @Argument(help: ArgumentHelp("Drafts (file name, slug or assistant name); default: all.", valueName: "NAME"), completion: CLICompletion.drafts)
    var names: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the plan and send nothing.")
    var dryRun = false

    @Flag(name: [.short, .long], help: "Send without asking.")
    var yes = false

    @Flag(help: "Send a draft's changes even when its assistant also changed on the server.")
    var force = false

    @OptionGroup var drafts: DraftsDirOption
    @OptionGroup var connection: APIConnectionOptions

    /// One draft's line of the plan, and what will be sent for it (nil: nothing).
    struct Step {
        var session: DraftSession
        var file: String
        var line: String
        var send: SendPlan?
        /// Forced over a conflict: what the server changed, taken into the draft once sent.
        var adopt: [String] = []
    }

    func run() async throws {
        let store = drafts.store()
        let slugs = try AsCodeDrafts.slugs(names, in: store)
        let api = try await APISession.open(connection)
        let server = api.server
        var exit = ExitPriority()
        var steps: [Step] = []
        defer { for s in steps { s.session.close() } }

        for slug in slugs {
            let file = "\(slug).json"
            let session: DraftSession
            do throws(SessionError) { session = try DraftSession.open(store: store, slug: slug) } catch {
                CLIOutput.stdout("! \(file): not sent: \(error.description)\n")
                exit.note(APIExit.usage)
                continue
            }
            let status: DraftStatus
            switch await session.status(on: server, via: api.client) {
            case .success(let s): status = s
            case .failure(let e):
                session.close()
                await api.close()
                APIConsole.report(e, json: false)
                throw ExitCode(APIExit.code(for: e))
            }
            var step = Step(session: session, file: file, line: "", send: nil)
            let plan = session.plan(for: server)
            switch (plan, status) {
            case (.invalid(let errors), _):
                step.line = "! \(file): not sent: \(errors.count) error\(errors.count == 1 ? "" : "s")"
                for issue in errors { CLIOutput.stderr(CLIReport.line(file: session.file ?? file, issue)) }
                exit.note(APIExit.rejected)
            case (.recordUnreadable(let e), _):
                step.line = "! \(file): not sent: \(e.description)"
                exit.note(APIExit.usage)
            case (_, .gone(let id)):
                step.line = "! \(file): not sent: its assistant \(id) is gone from the server (delete the draft, or its record .\(slug).meta.json to create it again)"
                exit.note(APIExit.rejected)
            case (.update(_, let changes), .conflict(_, _, let there)):
                if force {
                    step.line = "! conflict: \(AsCodeDrafts.fields(there)) changed on the server; sending anyway (--force): \(AsCodeDrafts.fields(changes.keys))  \(file)"
                    step.send = plan
                    step.adopt = there
                } else {
                    step.line = "! conflict: \(AsCodeDrafts.fields(there)) changed on the server  \(file) (pull after keeping your changes elsewhere, or --force to send \(AsCodeDrafts.fields(changes.keys)))"
                    exit.note(APIExit.rejected)
                }
            case (.create, _):
                step.line = "+ create  \(file)"
                step.send = plan
            case (.update(_, let changes), _):
                step.line = "~ update: \(AsCodeDrafts.fields(changes.keys))  \(file)"
                step.send = plan
            case (.nothingToSend, .changedOnServer(_, let there)):
                step.line = "= unchanged  \(file) (the server changed \(AsCodeDrafts.fields(there)): pull to take it)"
            case (.nothingToSend, _):
                step.line = "= unchanged  \(file)"
            }
            steps.append(step)
        }

        for s in steps { CLIOutput.stdout(s.line + "\n") }
        let sending = steps.filter { $0.send != nil }
        if dryRun {
            await api.close()
            CLIOutput.stderr("Dry run: nothing was sent.\n")
            if exit.code != 0 { throw ExitCode(exit.code) }
            return
        }
        if sending.isEmpty {
            await api.close()
            CLIOutput.stderr("Nothing to send \(server.onName).\n")
            if exit.code != 0 { throw ExitCode(exit.code) }
            return
        }
        if !yes {
            guard CLIOutput.stdinIsTerminal else {
                await api.close()
                CLIOutput.stderr("error: nothing was sent: stdin is not a terminal, so there is no one to confirm; pass --yes to send without asking\n")
                throw ExitCode(APIExit.rejected)
            }
            CLIOutput.stderr("Send \(sending.count) draft\(sending.count == 1 ? "" : "s") to \(server.name)? [y/N] ")
            let answer = CLIOutput.readLine()?.lowercased().trimmingSpaces ?? ""
            guard answer == "y" || answer == "yes" else {
                await api.close()
                CLIOutput.stderr("Nothing was sent.\n")
                throw ExitCode(APIExit.rejected)
            }
        }
        for s in sending {
            let outcome = await s.session.send(s.send!, to: server, via: api.client)
            switch outcome {
            case .failed(let e):
                CLIOutput.stderr("\(s.file): ")
                APIConsole.report(e, json: false)
                exit.note(APIExit.code(for: e))
            case .notSent:
                exit.note(APIExit.rejected)
            case .sent(let a, let wasCreate, _):
                if wasCreate {
                    CLIOutput.stderr("\(s.file): created assistant \(a.id) \(server.onName).\n")
                } else if case .update(_, let changes)? = s.send {
                    CLIOutput.stderr("\(s.file): updated assistant \(a.id): \(AsCodeDrafts.fields(changes.keys)).\n")
                }
                // The server kept its own changes: the draft takes them, so it is in sync again.
                switch s.session.adopt(s.adopt, from: a) {
                case .success(let moved) where !moved.isEmpty:
                    CLIOutput.stderr("\(s.file): took from the server: \(AsCodeDrafts.fields(moved)).\n")
                case .success: break
                case .failure(let e):
                    CLIOutput.stderr("error: \(s.file): sent, but the server's changes (\(AsCodeDrafts.fields(s.adopt))) could not be written into the draft: \(e.description); pull it before pushing again\n")
                    exit.note(APIExit.usage)
                }
                if let warning = outcome.recordWarning {
                    CLIOutput.stderr("error: \(s.file): \(warning)\n")
                    exit.note(APIExit.notRecorded)
                }
            }
        }
        await api.close()
        if exit.code != 0 { throw ExitCode(exit.code) }
    }
}
