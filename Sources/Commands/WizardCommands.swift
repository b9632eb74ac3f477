import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient
import RevoxSandbox
import TerminalUI
import Wizard
import WizardLaunch

/// Options of the commands that open the wizard.
struct WizardOptions: ParsableArguments {
    @OptionGroup var connection: APIConnectionOptions

    @Option(help: ArgumentHelp("Colour theme: default, dark, light, high-contrast, mono, a NAME.json of yours in $XDG_CONFIG_HOME/assistant-wizard/themes/ (default ~/.config/…), or a theme file (also $ASSISTANT_WIZARD_THEME; NO_COLOR forces mono).", valueName: "NAME|PATH"), completion: CLICompletion.themes)
    var theme: String?

    @OptionGroup var apiOption: APIOption

    @Flag(help: "Plain line prompts instead of the full-screen UI (screen readers, dumb terminals, scripts); also ACCESSIBLE=1 or TERM=dumb.")
    var accessible = false

    var settings: WizardSettings {
        WizardSettings(sandbox: connection.sandbox, baseURL: connection.baseURL, apiKeyFile: connection.apiKeyFile,
                       timeout: connection.timeout, theme: theme, accessible: accessible, api: apiOption.api)
    }
}

struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wizard",
        abstract: "Open the wizard's start screen: new assistant, saved drafts, edit by id (the default command).",
        discussion: CLIHelp.discussion(examples: [
            ("Open the start screen", "assistant-wizard wizard"),
            ("The same, in the light theme", "assistant-wizard wizard --theme light"),
        ]))
    @OptionGroup var options: WizardOptions
    func run() throws { throw ExitCode(WizardLauncher(inProcess: options.settings).run(.start)) }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a new assistant in the wizard.",
        discussion: CLIHelp.discussion(examples: [
            ("Start from a template", "assistant-wizard new --template receptionist"),
            ("Line-by-line prompts, for a screen reader", "assistant-wizard new --accessible"),
        ]))
    @OptionGroup var options: WizardOptions
    @Option(help: ArgumentHelp("Start from a template (see `assistant-wizard templates`).", valueName: "NAME"), completion: CLICompletion.templates)
    var template: String?
    func run() throws { throw ExitCode(WizardLauncher(inProcess: options.settings).run(template.map { .newFromTemplate($0) } ?? .new)) }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Open a saved draft (by name, slug or file) in the wizard.",
        discussion: CLIHelp.discussion(examples: [
            ("Edit a saved draft by its name", "assistant-wizard edit front-desk"),
            ("Edit a draft file kept elsewhere", "assistant-wizard edit ./assistants/front-desk.json"),
        ]))
    @Argument(help: ArgumentHelp("A draft's name or slug (see `drafts`), or a path to a draft file (.json).", valueName: "DRAFT-NAME-OR-FILE"), completion: CLICompletion.draftsOrFiles)
    var draft: String
    @OptionGroup var options: WizardOptions
    func run() throws { throw ExitCode(WizardLauncher(inProcess: options.settings).run(.edit(draft))) }
}

/// The API inside this process: the HTTP client, or the sandbox started here and a client to it.
/// The networking helper serves the lean wizard with it; the helper's own wizard commands use it directly.
public enum InProcessAPI {
    @Sendable public static func connect(_ connection: APIConnection) async throws -> any ShutdownableAPI {
        switch connection {
        case .remote(let config):
            return RevoxHTTPClient(configuration: config)
        case .sandbox(let timeout, let api):
            let sb = try await Sandbox.start(SandboxOptions(api: api))
            return SandboxBackedClient(sandbox: sb, client: RevoxHTTPClient(configuration:
                try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey), keySource: .explicit, timeout: timeout)))
        }
    }
}

extension WizardLauncher {
    /// The wizard with its API in this process (the helper's own wizard commands, the tests).
    init(inProcess settings: WizardSettings) {
        self.init(settings: settings, connector: { try await InProcessAPI.connect($0) })
    }
}

/// Keeps the in-process sandbox alive as long as the client that talks to it.
struct SandboxBackedClient: ShutdownableAPI {
    func shutdown() async {
        await client.shutdown()
        await sandbox.stop()
    }
    let sandbox: Sandbox
    let client: RevoxHTTPClient
    func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant { try await client.createAssistant(body) }
    func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant { try await client.updateAssistant(id: id, changes: changes) }
    func assistant(id: String) async throws(RevoxError) -> Assistant { try await client.assistant(id: id) }
    func listAssistants() async throws(RevoxError) -> [Assistant] { try await client.listAssistants() }
    func deleteAssistant(id: String) async throws(RevoxError) { try await client.deleteAssistant(id: id) }
    func listVoices() async throws(RevoxError) -> [RevoxClient.Voice] { try await client.listVoices() }
}
