import ArgumentParser
import AssistantModel
import Foundation
import RevoxClient

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate a draft, then create the assistant (POST /assistants) and print it as JSON.",
        discussion: """
        The draft is checked first; with any error nothing is sent. The created assistant is printed on \
        stdout; what happened and what to do next goes to stderr.
        Exit status: 0 created; 1 invalid draft or refused by the server (4xx); 2 unusable file or \
        configuration; 3 the server could not be reached, timed out, failed (5xx) or rate-limited; \
        4 the outcome is unknown (the assistant may have been created: check 'assistants list' before sending again).
        """)

    @Argument(help: ArgumentHelp("The draft: a JSON request body.", valueName: "FILE"))
    var file: String

    @OptionGroup var connection: APIConnectionOptions

    @Flag(help: "Print errors as JSON on stdout too (for scripts).")
    var json = false

    func run() async throws {
        let body = try loadDraft()
        let issues = Validator.validate(body)
        for w in issues.warnings where !json {
            APIConsole.err("\(file): \(w.path.isEmpty ? "(body)" : w.path): warning: \(w.message)\n")
        }
        guard !issues.hasErrors else {
            if json {
                let list = issues.errors.map { JSONValue.object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) }
                APIConsole.out(JSONEncoding.pretty(.object(JSONObject([("error", .object(JSONObject([
                    ("kind", "invalidDraft"), ("message", .string("the draft has \(issues.errors.count) error(s); nothing was sent")),
                    ("field_errors", .array(list)),
                ])))]))))
            } else {
                for e in issues.errors { APIConsole.err("\(file): \(e.path.isEmpty ? "(body)" : e.path): error: \(e.message)\n") }
                let n = issues.errors.count
                APIConsole.err("Nothing was sent: the draft has \(n) error\(n == 1 ? "" : "s"). Fix \(n == 1 ? "it" : "them") (see 'assistant-wizard validate \(file)') and submit again.\n")
            }
            throw ExitCode(APIExit.rejected)
        }

        let session = try await APISession.open(connection)
        let target = session.sandbox.map { "the sandbox at \($0.baseURL)" } ?? session.client.configuration.baseURL
        let assistant = try await session.run(json: json) { client throws(RevoxError) in
            try await client.createAssistant(body)
        }
        APIConsole.out(JSONEncoding.pretty(.object(assistant.json)))
        if !json {
            APIConsole.err("Created assistant \"\(assistant.name ?? "")\" with id \(assistant.id) on \(target).\n")
        }
    }

    /// The draft's body, or exit 2 when the file cannot be read and 1 when it is not a JSON object.
    private func loadDraft() throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: file) else {
            APIConsole.error("cannot read \(file): " + (FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"), next: nil)
            throw ExitCode(APIExit.usage)
        }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            APIConsole.error("\(file): line \(error.line), column \(error.column): \(error.reason)", next: "Nothing was sent. Fix the JSON and submit again.")
            throw ExitCode(APIExit.rejected)
        }
    }
}
