import ArgumentParser
import AssistantModel

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check request bodies (drafts) against the API's rules.",
        discussion: CLIHelp.discussion("""
        Prints one line an issue: FILE: PATH: error|warning: message.
        Exit status: 0 no errors (warnings allowed), 1 a file has an error, 2 a file cannot be read or is not JSON.
        """, examples: [
            ("Check one draft file", "assistant-wizard validate front-desk.json"),
            ("Check every draft in a folder, as JSON for a script", "assistant-wizard validate --json drafts/*.json"),
            ("Check a body piped from another program (- reads standard input)", "assistant-wizard validate -"),
        ]))

    @Argument(help: "JSON files holding request bodies (- reads standard input).", completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .long, help: "Print a JSON array of {file, path, severity, message} instead of lines.")
    var json = false

    @OptionGroup var api: APIOption

    func run() async throws {
        var status = CLIReport.ok
        var records = [JSONValue]()
        for file in files {
            let body: JSONValue, readWarnings: [ValidationIssue]
            do throws(DraftError) {
                (body, readWarnings) = try DraftStore.readFile(file)
            } catch {
                status = CLIReport.unreadable
                if json { records.append(CLIReport.jsonRecord(file: file, error)) } else { CLIOutput.stderr(CLIReport.line(error)) }
                continue
            }
            let issues = readWarnings + Validator.validate(body, api: api.generation(for: body))
            if issues.hasErrors && status == CLIReport.ok { status = CLIReport.invalid }
            for issue in issues {
                if json {
                    records.append(CLIReport.jsonRecord(file: file, path: issue.path.description, severity: issue.severity, message: issue.message))
                } else {
                    CLIOutput.stdout(CLIReport.line(file: file, issue))
                }
            }
        }
        if json { CLIOutput.stdout(JSONEncoding.pretty(.array(records))) }
        if status != CLIReport.ok { throw ExitCode(status) }
    }
}
