import ArgumentParser
import AssistantModel
import RevoxClient

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print the exact request body that would be sent (issues go to stderr).",
        discussion: CLIHelp.discussion("""
        The output is byte for byte what submit sends. Exit status as for validate.
        With --curl, prints a curl command for POST $REVOX_BASE_URL/assistants (default \(CLIPreview.defaultBaseURL));
        the key appears as $REVOX_API_KEY, never its value. A plain http:// base URL to another machine is
        refused (exit 2), as by every command that sends.
        """, examples: [
            ("Print the exact body submit would send", "assistant-wizard preview front-desk.json"),
            ("Print a curl command that sends it", "assistant-wizard preview --curl front-desk.json"),
        ]))

    @Argument(help: "A JSON file holding a request body (- reads standard input).", completion: .file(extensions: ["json"]))
    var file: String

    @Flag(name: .long, help: "Print a ready curl command instead of the body.")
    var curl = false

    @OptionGroup var api: APIOption

    func run() async throws {
        let body: JSONValue
        do throws(DraftError) {
            body = try DraftStore.parseFile(file)
        } catch {
            CLIOutput.stderr(CLIReport.line(error))
            throw ExitCode(CLIReport.unreadable)
        }
        let generation = api.generation(for: body)
        let bytes = CanonicalJSON.encode(body, api: generation)
        if curl {
            // The command would send the key: the same URL rules as a real send.
            let url: String
            do throws(ConfigurationError) {
                url = try RevoxConfiguration(baseURL: CLIPreview.baseURL(CLIOutput.environment), apiKey: nil).baseURL
            } catch {
                CLIOutput.stderr("error: \(error.message) (from REVOX_BASE_URL); no curl command printed\n")
                throw ExitCode(CLIReport.unreadable)
            }
            CLIOutput.stdout(CLIPreview.curlCommand(body: bytes, baseURL: url))
        } else {
            CLIOutput.stdout(bytes)
        }
        try CLIReport.reportOnStderr(body, file: file, api: generation)
    }
}

enum CLIPreview {
    static let defaultBaseURL = "https://www.getrevox.com/api"

    static func baseURL(_ env: [String: String]) -> String {
        var url = env["REVOX_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A shell command that sends exactly `body`: the body goes in a quoted here-document (no
    /// expansion inside), the key is left to the shell as "$REVOX_API_KEY".
    static func curlCommand(body: [UInt8], baseURL: String) -> [UInt8] {
        var delimiter = "JSON"
        let text = String(decoding: body, as: UTF8.self)
        while text.split(separator: "\n").contains(where: { $0 == delimiter }) { delimiter += "_END" }
        var out = "curl -sS -X POST \(shellQuote(baseURL + "/assistants")) \\\n"
        out += "  -H \"Authorization: Bearer $REVOX_API_KEY\" \\\n"
        out += "  -H 'Content-Type: application/json' \\\n"
        out += "  --data-binary @- <<'\(delimiter)'\n"
        var bytes = Array(out.utf8) + body
        if bytes.last != 0x0A { bytes.append(0x0A) }
        bytes += Array("\(delimiter)\n".utf8)
        return bytes
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
