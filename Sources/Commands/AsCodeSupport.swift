import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

/// `--drafts-dir`, shared by pull, status and push: the folder of drafts kept in git.
struct DraftsDirOption: ParsableArguments {
    @Option(name: .customLong("drafts-dir"), help: ArgumentHelp("The folder of drafts (default: $ASSISTANT_WIZARD_DRAFTS, else the saved drafts folder).", valueName: "DIR"))
    var directory: String?

    func store(environment: [String: String] = CLIOutput.environment) -> DraftStore {
        guard let directory, !directory.isEmpty else { return DraftStore(environment: environment) }
        return DraftStore(directory: directory, apiKey: environment["REVOX_API_KEY"])
    }
}

extension APISession {
    /// The server the records are kept for: the base URL in use, or the built-in sandbox (whose
    /// records last only as long as the command).
    var server: DraftServer {
        sandbox == nil ? DraftServer(baseURL: client.configuration.baseURL) : .builtInSandbox
    }
}

/// The drafts a command works on: the ones named (by file name, slug or assistant name), or all.
enum AsCodeDrafts {
    static func slugs(_ names: [String], in store: DraftStore) throws -> [String] {
        if names.isEmpty {
            do throws(DraftError) { return try store.list().map(\.slug) } catch {
                // A folder that does not exist yet holds no drafts.
                if !FileIO.exists(store.directory) { return [] }
                CLIOutput.stderr("error: \(error.description)\n")
                throw ExitCode(APIExit.usage)
            }
        }
        return try names.map { name in
            do throws(DraftError) { return try store.resolve(name) } catch {
                CLIOutput.stderr("error: \(error.description)\n")
                throw ExitCode(APIExit.usage)
            }
        }
    }

    /// `a, b` or `nothing`.
    static func fields(_ keys: [String]) -> String { keys.isEmpty ? "nothing" : keys.joined(separator: ", ") }
}
