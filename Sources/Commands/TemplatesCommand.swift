import ArgumentParser
import AssistantModel
import WizardLaunch

struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the assistant templates, or print one (start a draft with 'new --template NAME').",
        discussion: CLIHelp.discussion("Templates are request bodies in templates/ beside the program ($ASSISTANT_WIZARD_TEMPLATES picks another folder). Exit status: 0 listed or printed; 1 no such template; 2 a template cannot be read.", examples: [
            ("List the templates", "assistant-wizard templates"),
            ("Print one as JSON", "assistant-wizard templates receptionist"),
        ]))

    @Argument(help: ArgumentHelp("A template to print as JSON.", valueName: "NAME"), completion: CLICompletion.templates)
    var name: String?

    func run() async throws {
        let templates = Templates()
        if let name {
            switch templates.load(name) {
            case .success(let body): CLIOutput.stdout(CanonicalJSON.encode(body))
            case .failure(let e):
                CLIOutput.stderr("error: \(e.description)\n")
                if case .unreadable = e { throw ExitCode(CLIReport.unreadable) }
                throw ExitCode(CLIReport.invalid)
            }
            return
        }
        let names = templates.names()
        guard !names.isEmpty else {
            CLIOutput.stderr("error: \(templates.directory == nil ? TemplateError.noFolder.description : "no templates in \(templates.directory!)")\n")
            throw ExitCode(CLIReport.invalid)
        }
        var rows = [["TEMPLATE", "ASSISTANT NAME", "PROMPT"]]
        for n in names {
            let body = try? templates.load(n).get()
            let o = body?.objectValue
            rows.append([n, CLIText.oneLine(o?["name"]?.stringValue ?? "(unreadable)", max: 30),
                         CLIText.oneLine(o?["prompt"]?.stringValue ?? "", max: 60)])
        }
        CLIOutput.stdout(CLIText.table(rows))
        CLIOutput.stdout("Start a draft from one with: assistant-wizard new --template \(names[0])\n")
    }
}
