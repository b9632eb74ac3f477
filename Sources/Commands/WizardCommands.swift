import ArgumentParser
import AssistantModel
import Drafts
import Foundation
import RevoxClient
import RevoxSandbox
import TerminalUI
import Wizard

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

/// What the wizard commands were asked for, as plain values (see FastStart.swift for why).
struct WizardSettings: Equatable {
    var sandbox = false
    var baseURL: String?
    var apiKeyFile: String?
    var timeout: String?
    var theme: String?
    var accessible = false
    /// `--api`: the generation every draft opened in this run speaks (recorded with it).
    var api: APIGeneration?
}

struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wizard",
        abstract: "Open the wizard's start screen: new assistant, saved drafts, edit by id (the default command).",
        discussion: CLIHelp.discussion(examples: [
            ("Open the start screen", "assistant-wizard wizard"),
            ("The same, in the light theme", "assistant-wizard wizard --theme light"),
        ]))
    @OptionGroup var options: WizardOptions
    func run() throws { throw ExitCode(try WizardLauncher(settings: options.settings).run(.start)) }
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
    func run() throws { throw ExitCode(try WizardLauncher(settings: options.settings).run(template.map { .newFromTemplate($0) } ?? .new)) }
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
    func run() throws { throw ExitCode(try WizardLauncher(settings: options.settings).run(.edit(draft))) }
}

/// Resolves the connection, the theme and the draft, then hands the terminal to the wizard.
struct WizardLauncher {
    enum Entry: Equatable { case start, new, newFromTemplate(String), edit(String) }
    let settings: WizardSettings
    let environment = CLIOutput.environment

    func run(_ entry: Entry) throws -> Int32 {
        let (api, backend, key) = try connection()
        defer { api.shutdownAndWait() }
        // Drafts refuse the key in use, wherever it came from (not only REVOX_API_KEY).
        let store = DraftStore(environment: environment, key: key)
        var wizard: Wizard
        var session: DraftSession?
        defer { session?.close() }
        switch entry {
        case .start: wizard = .startScreen(backend: backend, templates: Templates(environment: environment).startTemplates())
        case .new:
            session = DraftSession.new(store: store)
            if let api = settings.api { session!.choose(api: api) }
            wizard = Wizard(backend: backend, draft: session!.opened(on: backend.server))
        case .newFromTemplate(let name):
            // The template is a new draft's first body: saved under its own name on the first save.
            switch Templates(environment: environment).load(name) {
            case .failure(let e):
                APIConsole.error(e.description, next: nil)
                return APIExit.usage
            case .success(let body):
                session = DraftSession.new(store: store, body: body)
                if let api = settings.api { session!.choose(api: api) }
                wizard = Wizard(backend: backend, draft: session!.opened(on: backend.server))
            }
        case .edit(let name):
            let isFile = name.contains("/") || (name.hasSuffix(".json") && FileIO.exists(name))
            if isFile && !name.hasSuffix(".json") {
                APIConsole.error("\(name): a draft file's name ends in .json.", next: nil)
                return APIExit.usage
            }
            do throws(SessionError) {
                // A draft outside the store is saved in place, its records beside it.
                if isFile {
                    session = try DraftSession.open(file: name, apiKey: key?.secret)
                } else {
                    let slug: String
                    do throws(DraftError) { slug = try store.resolve(name) } catch {
                        APIConsole.error(error.description, next: "List the saved drafts with `assistant-wizard drafts`.")
                        return APIExit.usage
                    }
                    session = try DraftSession.open(store: store, slug: slug)
                }
                if let api = settings.api, let e = session!.choose(api: api) {
                    APIConsole.error("Could not record --api \(api) with the draft: \(e.description)", next: nil)
                    return APIExit.usage
                }
                wizard = Wizard(backend: backend, draft: session!.opened(on: backend.server))
            } catch {
                switch error {
                case .locked, .unreadable(.file(.notFound)), .unreadable(.invalidName):
                    APIConsole.error(error.description, next: nil)
                    return APIExit.usage
                case .unreadable(let e):
                    // Unreadable JSON opens on a screen that says where; the file is not touched.
                    let file = isFile ? name : store.file(for: (try? store.resolve(name)) ?? name)
                    wizard = .brokenDraft(backend: backend, file: file, message: e.description)
                }
            }
        }
        wizard.request(api: settings.api)
        var lineMode = settings.accessible || environment["ACCESSIBLE"].map({ !$0.isEmpty && $0 != "0" }) == true || environment["TERM"] == "dumb"
        // Keys from a pipe or a file cannot drive the full-screen form (it would draw into the pipe
        // and wait forever at the end of input): they are answers to line prompts.
        if !lineMode, isatty(0) != 1 {
            lineMode = true
            FileHandle.standardError.write(Data("assistant-wizard: standard input is not a terminal: running the line-by-line mode (--accessible).\n".utf8))
        }
        if lineMode { return AccessibleWizard(wizard: wizard, api: api, store: store, session: session).run() }
        let (theme, warnings) = ThemeLoader.resolve(choice: settings.theme, themesDirectories: Self.themesDirectories(environment))
        for w in warnings { FileHandle.standardError.write(Data(("assistant-wizard: " + w + "\n").utf8)) }
        let runtime = WizardRuntime(api: api, store: store, session: session, environment: environment, theme: theme)
        let code = runtime.run(wizard)
        session = nil
        if let farewell = runtime.farewell { FileHandle.standardError.write(Data(("assistant-wizard: " + farewell + "\n").utf8)) }
        return code
    }

    /// The real API when a key is configured; otherwise (or with --sandbox) the in-process sandbox.
    /// Also the configured key, which drafts must never hold.
    func connection() throws -> (LazyAPI, Backend, APIKey?) {
        let config: RevoxConfiguration
        do {
            config = try RevoxConfiguration.load(baseURL: settings.baseURL, apiKeyFile: settings.apiKeyFile,
                                                 timeout: settings.timeout, environment: environment)
        } catch {
            APIConsole.error(error.message, next: nil)
            throw ExitCode(APIExit.usage)
        }
        if settings.sandbox || !config.hasKey {
            // With `--api latest` the sandbox answers as today's API does, so a latest draft can be sent to it.
            let sandboxAPI = settings.api ?? .seed
            let api = LazyAPI {
                let sb = try await Sandbox.start(SandboxOptions(api: sandboxAPI))
                return SandboxBackedClient(sandbox: sb, client: RevoxHTTPClient(configuration:
                    try RevoxConfiguration(baseURL: sb.baseURL, apiKey: APIKey(sb.apiKey), keySource: .explicit, timeout: config.timeout)))
            }
            return (api, Backend(isSandbox: true, baseURL: "built-in sandbox", maskedKey: nil), config.apiKey)
        }
        let api = LazyAPI { RevoxHTTPClient(configuration: config) }
        return (api, Backend(isSandbox: false, baseURL: config.baseURL, maskedKey: config.apiKey?.masked), config.apiKey)
    }

    /// Where `--theme NAME` looks, in order: the user's folder, then `themes/` beside the program
    /// or above it (a build in `.build/…`); without either, the built-ins.
    static func themesDirectories(_ environment: [String: String]) -> [String] {
        [userThemesDirectory(environment), ResourceDirectory.find("themes", override: environment["ASSISTANT_WIZARD_THEMES_DIR"])].compactMap { $0 }
    }

    /// `$XDG_CONFIG_HOME/assistant-wizard/themes` (a relative XDG_CONFIG_HOME is ignored, as the
    /// XDG spec says), else `~/.config/assistant-wizard/themes`.
    static func userThemesDirectory(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/assistant-wizard/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/assistant-wizard/themes" }
        return nil
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
