import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Fetch assistants from the server into drafts (one JSON file each, the request fields only).",
        discussion: CLIHelp.discussion("""
        Each assistant becomes a draft (in canonical order) that remembers, for this server, the \
        assistant's id and the server's copy. A draft that already belongs to the assistant is updated \
        when it has no local changes; one with local changes is left as it is and reported. One line a \
        draft on stdout: + new draft, ~ updated, = unchanged, ! kept local changes or failed.
        Exit status: 0 done (drafts with local changes are reported, not an error); 1 an assistant was \
        not found or the server refused; 2 a draft could not be written or a flag is unusable; 3 the \
        server could not be reached.
        """, examples: [
            ("Fetch every assistant on the account into a folder kept in git", "assistant-wizard pull --all --drafts-dir assistants/"),
            ("Fetch one assistant by id", "assistant-wizard pull 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
        ]))

    @Argument(help: ArgumentHelp("Assistant ids to pull.", valueName: "ID"))
    var ids: [String] = []

    @Flag(help: "Pull every assistant on the account.")
    var all = false

    @OptionGroup var drafts: DraftsDirOption
    @OptionGroup var connection: APIConnectionOptions

    func validate() throws {
        if ids.isEmpty && !all { throw ValidationError("name the assistants to pull (their ids), or pass --all") }
        if !ids.isEmpty && all { throw ValidationError("--all pulls every assistant; give ids or --all, not both") }
    }

    func run() async throws {
        let store = drafts.store()
        let api = try await APISession.open(connection)
        let server = api.server
        var exit = ExitPriority()
        var assistants: [Assistant] = []
        if all {
            assistants = try await api.run(json: false) { client throws(RevoxError) in try await client.listAssistants() }
        } else {
            for id in ids {
                do throws(RevoxError) { assistants.append(try await api.client.assistant(id: id)) } catch {
                    CLIOutput.stderr("\(id): ")
                    APIConsole.report(error, json: false)
                    exit.note(APIExit.code(for: error))
                }
            }
            await api.close()
        }
        let index = DraftPull.index(store: store, server: server)
        var kept = 0
        for a in assistants {
            let label = "\(a.id) \"\(CLIText.oneLine(a.name ?? "", max: 40))\""
            switch DraftPull.pull(a, from: server, store: store, slug: index[a.id]) {
            case .created(let slug): CLIOutput.stdout("+ \(slug).json  \(label): new draft\n")
            case .updated(let slug, let fields): CLIOutput.stdout("~ \(slug).json  \(label): updated from the server: \(AsCodeDrafts.fields(fields))\n")
            case .unchanged(let slug): CLIOutput.stdout("= \(slug).json  \(label): unchanged\n")
            case .keptLocalChanges(let slug, let fields):
                kept += 1
                CLIOutput.stdout("! \(slug).json  \(label): not updated, it has local changes: \(AsCodeDrafts.fields(fields))\n")
            case .failed(let slug, let reason):
                CLIOutput.stdout("! \(slug.map { "\($0).json" } ?? "(new draft)")  \(label): not written: \(reason)\n")
                exit.note(APIExit.usage)
            }
        }
        if kept > 0 {
            CLIOutput.stderr("\(kept) draft\(kept == 1 ? " was" : "s were") left as \(kept == 1 ? "it is" : "they are"): push the local changes, or discard them (git checkout) and pull again.\n")
        }
        if all && assistants.isEmpty { CLIOutput.stderr("No assistants \(server.onName).\n") }
        if exit.code != 0 { throw ExitCode(exit.code) }
    }
}

/// The exit status of a command that handles several drafts: the gravest of what happened, the
/// outcome-unknown and not-recorded cases first (each needs the user before anything is re-sent).
struct ExitPriority {
    private(set) var code: Int32 = APIExit.ok
    private static let order: [Int32] = [APIExit.outcomeUnknown, APIExit.notRecorded, APIExit.unreachable, APIExit.usage, APIExit.rejected, APIExit.ok]

    mutating func note(_ c: Int32) {
        let rank = { (x: Int32) in Self.order.firstIndex(of: x) ?? Self.order.count }
        if rank(c) < rank(code) { code = c }
    }
}
