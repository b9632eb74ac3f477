#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI
import Wizard

/// Resolves the connection, the theme and the draft, then hands the terminal to the wizard.
/// Foundation-free: the program people start runs this, with the API behind a pipe to the
/// networking helper; the helper's own command line (and the tests) run it with the API in-process.
public struct WizardLauncher {
    public enum Entry: Equatable, Sendable { case start, new, newFromTemplate(String), edit(String) }
    /// Makes the API for a connection; called on the first request, after the first frame.
    public typealias Connector = @Sendable (APIConnection) async throws -> any RevoxAPI
    /// A flag, the configuration or a file is unusable (as APIExit.usage).
    public static let usageExit: Int32 = 2

    public let settings: WizardSettings
    let connector: Connector
    let environment = Console.environment

    public init(settings: WizardSettings, connector: @escaping Connector) {
        self.settings = settings
        self.connector = connector
    }

    public func run(_ entry: Entry) -> Int32 {
        guard let (api, backend, key) = connection() else { return Self.usageExit }
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
                Console.error(e.description, next: nil)
                return Self.usageExit
            case .success(let body):
                session = DraftSession.new(store: store, body: body)
                if let api = settings.api { session!.choose(api: api) }
                wizard = Wizard(backend: backend, draft: session!.opened(on: backend.server))
            }
        case .edit(let name):
            let isFile = name.contains("/") || (name.hasSuffix(".json") && FileIO.exists(name))
            if isFile && !name.hasSuffix(".json") {
                Console.error("\(name): a draft file's name ends in .json.", next: nil)
                return Self.usageExit
            }
            do throws(SessionError) {
                // A draft outside the store is saved in place, its records beside it.
                if isFile {
                    session = try DraftSession.open(file: name, apiKey: key?.secret)
                } else {
                    let slug: String
                    do throws(DraftError) { slug = try store.resolve(name) } catch {
                        Console.error(error.description, next: "List the saved drafts with `assistant-wizard drafts`.")
                        return Self.usageExit
                    }
                    session = try DraftSession.open(store: store, slug: slug)
                }
                if let api = settings.api, let e = session!.choose(api: api) {
                    Console.error("Could not record --api \(api) with the draft: \(e.description)", next: nil)
                    return Self.usageExit
                }
                wizard = Wizard(backend: backend, draft: session!.opened(on: backend.server))
            } catch {
                switch error {
                case .locked, .unreadable(.file(.notFound)), .unreadable(.invalidName):
                    Console.error(error.description, next: nil)
                    return Self.usageExit
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
            Console.write(fd: 2, Array("assistant-wizard: standard input is not a terminal: running the line-by-line mode (--accessible).\n".utf8))
        }
        if lineMode { return AccessibleWizard(wizard: wizard, api: api, store: store, session: session).run() }
        let (theme, warnings) = ThemeLoader.resolve(choice: settings.theme, themesDirectories: Self.themesDirectories(environment),
                                                 shipped: Self.shippedThemesDirectory(environment))
        for w in warnings { Console.write(fd: 2, Array(("assistant-wizard: " + w + "\n").utf8)) }
        let runtime = WizardRuntime(api: api, store: store, session: session, environment: environment, theme: theme)
        let code = runtime.run(wizard)
        session = nil
        if let farewell = runtime.farewell { Console.write(fd: 2, Array(("assistant-wizard: " + farewell + "\n").utf8)) }
        return code
    }

    /// The real API when a key is configured; otherwise (or with --sandbox) the sandbox. Also the
    /// configured key, which drafts must never hold. nil (the reason on stderr) when it cannot load.
    func connection() -> (LazyAPI, Backend, APIKey?)? {
        let config: RevoxConfiguration
        do {
            config = try RevoxConfiguration.load(baseURL: settings.baseURL, apiKeyFile: settings.apiKeyFile,
                                                 timeout: settings.timeout, environment: environment)
        } catch {
            Console.error(error.message, next: nil)
            return nil
        }
        let connector = self.connector
        if settings.sandbox || !config.hasKey {
            // With `--api latest` the sandbox answers as today's API does, so a latest draft can be sent to it.
            let sandboxAPI = settings.api ?? .seed
            let api = LazyAPI { try await connector(.sandbox(timeout: config.timeout, api: sandboxAPI)) }
            return (api, Backend(isSandbox: true, baseURL: "built-in sandbox", maskedKey: nil), config.apiKey)
        }
        let api = LazyAPI { try await connector(.remote(config)) }
        return (api, Backend(isSandbox: false, baseURL: config.baseURL, maskedKey: config.apiKey?.masked), config.apiKey)
    }

    /// Where `--theme NAME` looks, in order: the user's folder, then `themes/` beside the program
    /// or above it (a build in `.build/…`); without either, the built-ins.
    public static func themesDirectories(_ environment: [String: String]) -> [String] {
        [userThemesDirectory(environment), shippedThemesDirectory(environment)].compactMap { $0 }
    }

    public static func shippedThemesDirectory(_ environment: [String: String]) -> String? {
        ResourceDirectory.find("themes", override: environment["ASSISTANT_WIZARD_THEMES_DIR"])
    }

    /// `$XDG_CONFIG_HOME/assistant-wizard/themes` (a relative XDG_CONFIG_HOME is ignored, as the
    /// XDG spec says), else `~/.config/assistant-wizard/themes`.
    public static func userThemesDirectory(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/assistant-wizard/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/assistant-wizard/themes" }
        return nil
    }
}


extension DraftStore {
    /// The store the environment points at, refusing in any body the key actually in use, whatever
    /// its source (`--api-key-file`, REVOX_API_KEY, the key file).
    public init(environment: [String: String], key: APIKey?) {
        self.init(directory: DraftStore.directory(environment: environment), apiKey: key?.secret)
    }
}
