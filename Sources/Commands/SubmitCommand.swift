import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate a draft, then create the assistant (POST /assistants) and print it as JSON.",
        discussion: CLIHelp.discussion("""
        FILE is a JSON request body, or the name of a saved draft. It is checked first; with any error \
        nothing is sent. The created assistant is printed on stdout; what happened and what to do next \
        goes to stderr. The draft then remembers, for that server, the assistant's id (in a hidden \
        .NAME.meta.json beside it), so submitting it again to the same server is refused unless --update \
        (a PATCH of only the changed fields, the same diff the wizard shows) or --create-new says which. \
        Each server has its own record: a draft tried on one server is a create on another.
        Exit status: 0 created; 1 invalid draft, already submitted, or refused by the server (4xx); \
        2 unreadable file, not JSON, or unusable configuration; 3 the server could not be reached, timed \
        out, failed (5xx) or rate-limited; 4 the outcome is unknown: the assistant may have been created \
        (check 'assistant-wizard assistants list' before sending again); 5 sent, but the draft could not \
        remember the assistant (the id is printed: note it, a second submit would create a duplicate).
        """, examples: [
            ("Create the assistant of a saved draft", "assistant-wizard submit front-desk"),
            ("Send the changes of an already submitted draft", "assistant-wizard submit --update front-desk.json"),
            ("Try it offline first", "assistant-wizard submit --sandbox front-desk.json"),
        ]))

    @Argument(help: ArgumentHelp("The draft: a JSON file, or the name of a saved draft.", valueName: "FILE"), completion: CLICompletion.draftsOrFiles)
    var file: String

    @OptionGroup var connection: APIConnectionOptions

    @OptionGroup var apiOption: APIOption

    @Flag(help: "Print errors as JSON on stdout too (for scripts).")
    var json = false

    @Flag(name: .customLong("create-new"), help: "Create a new assistant even though this draft was already submitted to this server.")
    var createNew = false

    @Flag(help: "The draft was already submitted: send it as an update (PATCH) of that assistant instead.")
    var update = false

    func validate() throws {
        if createNew && update { throw ValidationError("--create-new and --update contradict each other; pick one") }
    }

    func run() async throws {
        let session = try DraftLocation.open(file)
        defer { session.close() }
        // `--api` is recorded with the draft, so its check, its plan and later commands agree.
        if let chosen = apiOption.api, let e = session.choose(api: chosen) {
            APIConsole.error("Could not record --api \(chosen) with the draft: \(e.description)", next: nil)
            throw ExitCode(APIExit.usage)
        }
        let generation = APIGeneration.resolve(apiOption.api ?? session.recordedAPI, for: session.body)
        try checkValid(session.body, file: session.file ?? file, api: generation)

        let api = try await APISession.open(connection, sandboxAPI: generation)
        // The in-process sandbox vanishes with this command: what it creates is never recorded.
        let server = api.sandbox == nil ? DraftServer(baseURL: api.client.configuration.baseURL) : .builtInSandbox
        var plan = session.plan(for: server)
        switch plan {
        case .recordUnreadable(let e):
            await api.close()
            APIConsole.error(e.description, next: nil)
            throw ExitCode(APIExit.usage)
        case .invalid:
            await api.close()
            throw ExitCode(APIExit.rejected)
        case .create where update:
            await api.close()
            APIConsole.error("--update needs a draft that was submitted to \(server.name) before, and \(session.file ?? file) was not.",
                             next: "Run without --update to create the assistant.")
            throw ExitCode(APIExit.rejected)
        case .update(let id, _), .nothingToSend(let id):
            if createNew {
                plan = .create(session.body)
            } else if !update {
                await api.close()
                let at = (try? session.record(on: server).get())??.submittedAt.map { " at \($0)" } ?? ""
                APIConsole.error("\(session.file ?? file) was already submitted to \(server.name): it belongs to assistant \(id)\(at). Nothing was sent.",
                                 next: "Use --update to send the changed fields to that assistant, or --create-new to create a second assistant anyway.")
                throw ExitCode(APIExit.rejected)
            }
        case .create: break
        }
        if case .nothingToSend(let id) = plan {
            await api.close()
            if !json { CLIOutput.stderr("Nothing to send: the draft matches assistant \(id) on \(server.name).\n") }
            return
        }
        let outcome = await session.send(plan, to: server, via: api.client)
        await api.close()
        switch outcome {
        case .failed(let e):
            APIConsole.report(e, json: json)
            throw ExitCode(APIExit.code(for: e))
        case .notSent:
            throw ExitCode(APIExit.rejected)
        case .sent(let a, let wasCreate, _):
            CLIOutput.stdout(JSONEncoding.pretty(.object(a.json)))
            if !json {
                if wasCreate {
                    CLIOutput.stderr("Created assistant \"\(a.name ?? "")\" with id \(a.id) \(server.onName).\n")
                } else if case .update(_, let changes) = plan {
                    CLIOutput.stderr("Updated assistant \"\(a.name ?? "")\" (id \(a.id)) \(server.onName): \(changes.keys.joined(separator: ", ")).\n")
                    if !changes.leftAlone.isEmpty {
                        CLIOutput.stderr("Not in the draft, so the server keeps its values: \(changes.leftAlone.joined(separator: ", ")).\n")
                    }
                }
            }
            if let warning = outcome.recordWarning {
                CLIOutput.stderr("error: \(warning)\n")
                throw ExitCode(APIExit.notRecorded)
            }
        }
    }

    /// Prints the draft's issues; with an error, says nothing was sent and exits 1.
    private func checkValid(_ body: JSONValue, file: String, api: APIGeneration) throws {
        let issues = Validator.validate(body, api: api)
        if json {
            guard issues.hasErrors else { return }
            let list = issues.errors.map { JSONValue.object(JSONObject([("path", .string($0.path.description)), ("message", .string($0.message))])) }
            CLIOutput.stdout(JSONEncoding.pretty(.object(JSONObject([("error", .object(JSONObject([
                ("kind", "invalidDraft"), ("message", .string("the draft has \(issues.errors.count) error(s); nothing was sent")),
                ("field_errors", .array(list)),
            ])))]))))
            throw ExitCode(APIExit.rejected)
        }
        for issue in issues { CLIOutput.stderr(CLIReport.line(file: file, issue)) }
        guard issues.hasErrors else { return }
        let n = issues.errors.count
        CLIOutput.stderr("Nothing was sent: the draft has \(n) error\(n == 1 ? "" : "s"). Fix \(n == 1 ? "it" : "them") and submit again.\n")
        throw ExitCode(APIExit.rejected)
    }
}

/// Opens the draft a command names: a file that exists is opened where it is (its records beside
/// it), anything else is looked up by name among the saved drafts.
enum DraftLocation {
    static func open(_ file: String, environment: [String: String] = CLIOutput.environment) throws -> DraftSession {
        let store = DraftStore.withConfiguredKey(environment: environment)
        // A body on standard input has no file of its own: it is saved as a new draft, which then
        // remembers what it created (so nothing sent is forgotten).
        if file == "-" {
            do throws(DraftError) { return DraftSession.new(store: store, body: try DraftStore.loadBody(file: "-")) } catch {
                CLIOutput.stderr("error: \(error.description)\nNothing was sent.\n")
                throw ExitCode(APIExit.usage)
            }
        }
        var slug: String?
        if !FileIO.exists(file) {
            do throws(DraftError) { slug = try store.resolve(file) } catch {
                CLIOutput.stderr("error: no file \(file), and \(error.description)\n")
                throw ExitCode(APIExit.usage)
            }
        }
        do throws(SessionError) {
            if let slug { return try DraftSession.open(store: store, slug: slug) }
            return try DraftSession.open(file: file, apiKey: store.apiKey)
        } catch {
            CLIOutput.stderr("error: \(error.description)\n")
            CLIOutput.stderr("Nothing was sent.\n")
            throw ExitCode(APIExit.usage)
        }
    }
}
