import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

struct AssistantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistants",
        abstract: "List, show or delete the assistants on the account.",
        discussion: CLIHelp.discussion(examples: [
            ("List the assistants", "assistant-wizard assistants list"),
            ("Print one as JSON", "assistant-wizard assistants get 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
        ]),
        subcommands: [List.self, Get.self, Delete.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the assistants (GET /assistants).",
            discussion: CLIHelp.discussion(examples: [
                ("A table of id, name, voice and last change", "assistant-wizard assistants list"),
                ("As JSON, for a script", "assistant-wizard assistants list --json"),
            ]))
        @Flag(help: "Print {\"assistants\": [...]} as JSON instead of a table.") var json = false
        @OptionGroup var connection: APIConnectionOptions

        func run() async throws {
            let session = try await APISession.open(connection)
            let list = try await session.run(json: json) { client throws(RevoxError) in try await client.listAssistants() }
            if json {
                CLIOutput.stdout(JSONEncoding.pretty(.object(JSONObject([("assistants", .array(list.map { .object($0.json) }))]))))
                return
            }
            if list.isEmpty {
                CLIOutput.stderr("No assistants yet. Create one with 'assistant-wizard submit FILE'.\n")
                return
            }
            var rows = [["ID", "NAME", "VOICE", "UPDATED"]]
            for a in list {
                rows.append([a.id, CLIText.oneLine(a.name ?? "", max: 40), a.voiceID.map { "\(a.voiceProvider ?? "?")/\($0)" } ?? "-", a.updatedAt ?? "-"])
            }
            CLIOutput.stdout(CLIText.table(rows))
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one assistant as JSON (GET /assistants/ID).",
            discussion: CLIHelp.discussion(examples: [
                ("Print an assistant", "assistant-wizard assistants get 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
                ("With errors as JSON on stdout too (for scripts)", "assistant-wizard assistants get --json 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
            ]))
        @Argument(help: "The assistant's id.") var id: String
        @Flag(help: "Print errors as JSON on stdout too.") var json = false
        @OptionGroup var connection: APIConnectionOptions

        func run() async throws {
            let session = try await APISession.open(connection)
            let a = try await session.run(json: json) { client throws(RevoxError) in try await client.assistant(id: id) }
            CLIOutput.stdout(JSONEncoding.pretty(.object(a.json)))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete one assistant (DELETE /assistants/ID) after confirmation.",
            discussion: CLIHelp.discussion("""
            Asks on the terminal, naming the assistant and the server; without a terminal on stdin, --yes \
            is required (otherwise nothing is deleted, exit 1). Drafts that were submitted as it are kept.
            """, examples: [
                ("Delete an assistant, after a question", "assistant-wizard assistants delete 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
                ("Delete without asking (scripts)", "assistant-wizard assistants delete -y 3f2c9a10-5b7e-4c1d-9e2f-8a6b4c2d1e0f"),
            ]))
        @Argument(help: "The assistant's id.") var id: String
        @Flag(name: [.short, .long], help: "Delete without asking.") var yes = false
        @Flag(help: "Print {\"success\": true, \"id\": …} on stdout.") var json = false
        @OptionGroup var connection: APIConnectionOptions

        func run() async throws {
            let session = try await APISession.open(connection)
            let server = session.server
            // A deletion on the server cannot be undone: a script must say so with --yes.
            guard yes || CLIOutput.stdinIsTerminal else {
                await session.close()
                CLIOutput.stderr("error: not deleting assistant \(id) \(server.onName): stdin is not a terminal, so there is no one to confirm; pass --yes to delete without asking\n")
                throw ExitCode(APIExit.rejected)
            }
            let deleted = try await session.run(json: json) { client throws(RevoxError) -> Bool in
                if !yes {
                    // The question names what goes: fetched first, so a wrong id fails here (404).
                    let a = try await client.assistant(id: id)
                    CLIOutput.stderr("Delete assistant '\(CLIText.oneLine(a.name ?? "(no name)", max: 60))' (\(id)) \(server.onName)? [y/N] ")
                    let answer = CLIOutput.readLine()?.lowercased().trimmingSpaces ?? ""
                    guard answer == "y" || answer == "yes" else { return false }
                }
                try await client.deleteAssistant(id: id)
                return true
            }
            guard deleted else {
                CLIOutput.stderr("Not deleted.\n")
                throw ExitCode(APIExit.rejected)
            }
            if json {
                CLIOutput.stdout(JSONEncoding.pretty(.object(JSONObject([("success", true), ("id", .string(id))]))))
            } else {
                CLIOutput.stderr("Deleted assistant \(id) \(server.onName).\n")
            }
        }
    }
}
