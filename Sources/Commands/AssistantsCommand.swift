import ArgumentParser
import AssistantModel
import RevoxClient

struct AssistantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistants",
        abstract: "List, show or delete the assistants on the account.",
        subcommands: [List.self, Get.self, Delete.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the assistants (GET /assistants).")
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
        static let configuration = CommandConfiguration(abstract: "Print one assistant as JSON (GET /assistants/ID).")
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
        static let configuration = CommandConfiguration(abstract: "Delete one assistant (DELETE /assistants/ID).")
        @Argument(help: "The assistant's id.") var id: String
        @Flag(help: "Print {\"success\": true, \"id\": …} on stdout.") var json = false
        @OptionGroup var connection: APIConnectionOptions

        func run() async throws {
            let session = try await APISession.open(connection)
            try await session.run(json: json) { client throws(RevoxError) in try await client.deleteAssistant(id: id) }
            if json {
                CLIOutput.stdout(JSONEncoding.pretty(.object(JSONObject([("success", true), ("id", .string(id))]))))
            } else {
                CLIOutput.stderr("Deleted assistant \(id).\n")
            }
        }
    }
}
