import ArgumentParser
import AssistantModel
import Foundation
import RevoxClient

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate a draft, then create the assistant (POST /assistants) and print it as JSON.",
        discussion: """
        FILE is a JSON request body, or the name of a saved draft. It is checked first; with any error \
        nothing is sent. The created assistant is printed on stdout; what happened and what to do next \
        goes to stderr. The draft then remembers the assistant's id (in a hidden .NAME.meta.json beside \
        it), so submitting it again to the same server is refused unless --update or --create-new says which.
        Exit status: 0 created; 1 invalid draft, already submitted, or refused by the server (4xx); \
        2 unreadable file, not JSON, or unusable configuration; 3 the server could not be reached, timed \
        out, failed (5xx) or rate-limited; 4 the outcome is unknown: the assistant may have been created \
        (check 'assistant-wizard assistants list' before sending again).
        """)

    @Argument(help: ArgumentHelp("The draft: a JSON file, or the name of a saved draft.", valueName: "FILE"))
    var file: String

    @OptionGroup var connection: APIConnectionOptions

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
        let draft = try DraftLocation.resolve(file)
        let body: JSONValue
        do throws(DraftError) { body = try DraftStore.loadBody(file: draft.path) } catch {
            CLIOutput.stderr(CLIReport.line(error))
            CLIOutput.stderr("Nothing was sent.\n")
            throw ExitCode(APIExit.usage)
        }
        try checkValid(body, file: draft.path)

        let session = try await APISession.open(connection)
        let target = session.sandbox.map { "the sandbox at \($0.baseURL)" } ?? session.client.configuration.baseURL
        // The in-process sandbox vanishes with this command: its ids must not replace a real record.
        let remembers = session.sandbox == nil
        let previous = remembers ? draft.metadata : nil
        let alreadyHere = previous.flatMap { m in m.assistantID.map { ($0, m) } }
            .flatMap { id, m in (m.baseURL == nil || m.baseURL == session.client.configuration.baseURL) ? (id, m) : nil }

        if update {
            guard let (id, _) = alreadyHere else {
                await session.close()
                APIConsole.error("--update needs a draft that was submitted to \(target) before, and \(draft.path) was not.",
                                 next: "Run without --update to create the assistant.")
                throw ExitCode(APIExit.rejected)
            }
            let a = try await session.run(json: json) { client throws(RevoxError) in try await client.updateAssistant(id: id, changes: body) }
            CLIOutput.stdout(JSONEncoding.pretty(.object(a.json)))
            draft.record(serverCopy: a, submitted: false, baseURL: session.client.configuration.baseURL)
            if !json { CLIOutput.stderr("Updated assistant \"\(a.name ?? "")\" (id \(a.id)) on \(target). Fields removed from the draft are not cleared on the server.\n") }
            return
        }
        if let (id, m) = alreadyHere, !createNew {
            await session.close()
            APIConsole.error("\(draft.path) was already submitted: it created assistant \(id)\(m.submittedAt.map { " at \($0)" } ?? ""). Nothing was sent.",
                             next: "Use --update to send the draft as a change to that assistant, or --create-new to create a second assistant anyway.")
            throw ExitCode(APIExit.rejected)
        }

        let assistant = try await session.run(json: json) { client throws(RevoxError) in try await client.createAssistant(body) }
        CLIOutput.stdout(JSONEncoding.pretty(.object(assistant.json)))
        if remembers { draft.record(serverCopy: assistant, submitted: true, baseURL: session.client.configuration.baseURL) }
        if !json { CLIOutput.stderr("Created assistant \"\(assistant.name ?? "")\" with id \(assistant.id) on \(target).\n") }
    }

    /// Prints the draft's issues; with an error, says nothing was sent and exits 1.
    private func checkValid(_ body: JSONValue, file: String) throws {
        let issues = Validator.validate(body, api: APIGeneration.resolve(nil, for: body))
        if json {
            guard issues.hasErrors else { return }
            let list = issues.errors.map { JSONValue.object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) }
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

/// A draft file and the store its metadata sidecar lives in: the file's own directory, so any
/// draft file, saved by the wizard or not, remembers what it created.
struct DraftLocation {
    let path: String
    let store: DraftStore
    let slug: String

    /// A path that exists is used as is; otherwise FILE is looked up by name among the saved drafts.
    static func resolve(_ file: String) throws -> DraftLocation {
        if FileManager.default.fileExists(atPath: file) {
            let url = URL(fileURLWithPath: file)
            var slug = url.lastPathComponent
            if slug.hasSuffix(".json") { slug.removeLast(5) }
            return DraftLocation(path: file, store: DraftStore(directory: url.deletingLastPathComponent().path), slug: slug)
        }
        let store = DraftStore(environment: CLIOutput.environment)
        do throws(DraftError) {
            let slug = try store.resolve(file)
            return DraftLocation(path: store.file(for: slug), store: store, slug: slug)
        } catch {
            CLIOutput.stderr("error: no file \(file), and \(error.description)\n")
            throw ExitCode(APIExit.usage)
        }
    }

    /// nil when the draft has no metadata, or its name cannot carry a sidecar (a hidden file).
    var metadata: DraftMetadata? { try? store.metadata(slug) }

    /// Remembers the assistant; a failure to write is reported but does not undo a create.
    func record(serverCopy a: Assistant, submitted: Bool, baseURL: String) {
        do throws(DraftError) {
            if submitted {
                try store.recordSubmission(slug: slug, assistantID: a.id, serverCopy: .object(a.json), baseURL: baseURL)
            } else {
                try store.recordServerCopy(slug: slug, serverCopy: .object(a.json))
            }
        } catch {
            CLIOutput.stderr("warning: the assistant's id \(a.id) could not be saved with the draft (\(error.description)); note it down: a second submit would create a duplicate.\n")
        }
    }
}
