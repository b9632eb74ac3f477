import ArgumentParser
import AssistantModel

struct DraftsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "List, show and delete saved drafts.",
        discussion: CLIHelp.discussion("Drafts live in $XDG_DATA_HOME/assistant-wizard/drafts/ (default ~/.local/share/assistant-wizard/drafts/).", examples: [
            ("List the saved drafts", "assistant-wizard drafts"),
            ("Print one draft's body", "assistant-wizard drafts show front-desk"),
        ]),
        subcommands: [List.self, Show.self, Remove.self],
        defaultSubcommand: List.self)

    static var store: DraftStore { DraftStore.withConfiguredKey(environment: CLIOutput.environment) }

    static func resolve(_ name: String, in store: DraftStore) throws -> String {
        do throws(DraftError) { return try store.resolve(name) } catch {
            CLIOutput.stderr("error: \(error.description)\n")
            throw ExitCode(CLIReport.unreadable)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List saved drafts (the default).",
            discussion: CLIHelp.discussion(examples: [
                ("A table of the saved drafts", "assistant-wizard drafts list"),
                ("As JSON, for a script", "assistant-wizard drafts list --json"),
            ]))

        @Flag(name: .long, help: "Print a JSON array instead of a table.")
        var json = false

        func run() async throws {
            let store = DraftsCommand.store
            let drafts: [DraftSummary]
            do throws(DraftError) { drafts = try store.list() } catch {
                CLIOutput.stderr("error: \(error.description)\n")
                throw ExitCode(CLIReport.unreadable)
            }
            if json {
                CLIOutput.stdout(JSONEncoding.pretty(.array(drafts.map(record))))
                return
            }
            if drafts.isEmpty {
                CLIOutput.stdout("No drafts in \(store.directory).\n")
                return
            }
            let rows = [["NAME", "FILE", "LAST CHANGE", "ERRORS", "SUBMITTED"]] + drafts.map { d in
                [d.name.map { CLIText.oneLine($0, max: 40) } ?? "(no name)", d.slug + ".json",
                 d.modified.map(FileIO.iso8601) ?? "-",
                 d.loadError == nil ? String(d.errorCount) : "unreadable",
                 d.assistantID ?? "no"]
            }
            CLIOutput.stdout(CLIText.table(rows))
            CLIOutput.stdout("\(drafts.count) draft\(drafts.count == 1 ? "" : "s") in \(store.directory)\n")
        }

        func record(_ d: DraftSummary) -> JSONValue {
            var o = JSONObject()
            o["name"] = d.name.map(JSONValue.string) ?? .null
            o["slug"] = .string(d.slug)
            o["file"] = .string(d.file)
            o["last_change"] = d.modified.map { .string(FileIO.iso8601($0)) } ?? .null
            o["errors"] = .number(JSONNumber(d.errorCount))
            o["warnings"] = .number(JSONNumber(d.warningCount))
            o["assistant_id"] = d.assistantID.map(JSONValue.string) ?? .null
            if let e = d.loadError { o["load_error"] = .string(e.description) }
            return .object(o)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print a draft's request body (canonical; issues on stderr).",
            discussion: CLIHelp.discussion("NAME is the file name (with or without .json) or the assistant's name. Exit status as for validate.", examples: [
                ("By file name", "assistant-wizard drafts show front-desk"),
                ("By the assistant's name", "assistant-wizard drafts show 'Front desk'"),
            ]))

        @Argument(help: "The draft: file name or assistant name.", completion: CLICompletion.drafts)
        var name: String

        func run() async throws {
            let store = DraftsCommand.store
            let slug = try DraftsCommand.resolve(name, in: store)
            let body: JSONValue
            do throws(DraftError) { body = try store.load(slug) } catch {
                CLIOutput.stderr(CLIReport.line(error))
                throw ExitCode(CLIReport.unreadable)
            }
            CLIOutput.stdout(CanonicalJSON.encode(body, api: APIGeneration.resolve(nil, for: body)))
            for (server, r) in ((try? store.metadata(slug))??.servers ?? [:]).sorted(by: { $0.key < $1.key }) {
                CLIOutput.stderr("submitted to \(server) as \(r.assistantID)\(r.submittedAt.map { " at \($0)" } ?? "")\n")
            }
            try CLIReport.reportOnStderr(body, file: store.file(for: slug))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a draft after confirmation.",
            discussion: CLIHelp.discussion("Asks on the terminal; without a terminal on stdin, --yes is required.", examples: [
                ("Delete a draft, after a question", "assistant-wizard drafts rm front-desk"),
                ("Delete without asking (scripts)", "assistant-wizard drafts rm --yes front-desk"),
            ]))

        @Argument(help: "The draft: file name or assistant name.", completion: CLICompletion.drafts)
        var name: String

        @Flag(name: [.short, .long], help: "Delete without asking.")
        var yes = false

        func run() async throws {
            let store = DraftsCommand.store
            let slug = try DraftsCommand.resolve(name, in: store)
            let file = store.file(for: slug)
            if !yes {
                guard CLIOutput.stdinIsTerminal else {
                    CLIOutput.stderr("error: not deleting \(file): stdin is not a terminal, so there is no one to confirm; pass --yes to delete without asking\n")
                    throw ExitCode(CLIReport.invalid)
                }
                let ids = ((try? store.metadata(slug))??.servers.values.map(\.assistantID) ?? []).sorted()
                let submitted = ids.isEmpty ? "" : " (submitted as \(ids.joined(separator: ", ")); the assistant on the server is not deleted)"
                CLIOutput.stderr("Delete draft \(slug).json\(submitted)? [y/N] ")
                let answer = CLIOutput.readLine()?.lowercased().trimmingSpaces ?? ""
                guard answer == "y" || answer == "yes" else {
                    CLIOutput.stderr("Not deleted.\n")
                    throw ExitCode(CLIReport.invalid)
                }
            }
            do throws(DraftError) { try store.remove(slug) } catch {
                CLIOutput.stderr("error: \(error.description)\n")
                throw ExitCode(CLIReport.unreadable)
            }
            CLIOutput.stdout("Deleted \(file)\n")
        }
    }
}
