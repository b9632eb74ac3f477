import AssistantModel

/// What the wizard commands were asked for, as plain values (see FastStart.swift for why).
public struct WizardSettings: Equatable, Sendable {
    public var sandbox = false
    public var baseURL: String?
    public var apiKeyFile: String?
    public var timeout: String?
    public var theme: String?
    public var accessible = false
    /// `--api`: the generation every draft opened in this run speaks (recorded with it).
    public var api: APIGeneration?

    public init(sandbox: Bool = false, baseURL: String? = nil, apiKeyFile: String? = nil, timeout: String? = nil,
                theme: String? = nil, accessible: Bool = false, api: APIGeneration? = nil) {
        self.sandbox = sandbox
        self.baseURL = baseURL
        self.apiKeyFile = apiKeyFile
        self.timeout = timeout
        self.theme = theme
        self.accessible = accessible
        self.api = api
    }
}

extension WizardSettings {
    /// The entry and settings of a plain wizard command line, or nil to let ArgumentParser decide.
    /// Takes exactly the flags `wizard`, `new` and `edit` declare (WizardOptions with APIOption,
    /// APIConnectionOptions, and `new --template`):
    /// a flag added there must be added here, or its command lines simply take the slower path.
    public static func fastPath(_ args: [String]) -> (WizardLauncher.Entry, WizardSettings)? {
        var rest = args[...]
        var command = "wizard"
        if let first = rest.first, ["wizard", "new", "edit"].contains(first) {
            command = first
            rest = rest.dropFirst()
        }
        var settings = WizardSettings()
        var draft: String?
        var template: String?
        var seen: Set<String> = []
        while let arg = rest.popFirst() {
            guard arg.hasPrefix("-") else {
                guard command == "edit", draft == nil else { return nil }
                draft = arg
                continue
            }
            var name = arg, value: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--sandbox", "--accessible":
                guard value == nil else { return nil }
                if name == "--sandbox" { settings.sandbox = true } else { settings.accessible = true }
            case "--theme", "--base-url", "--api-key-file", "--timeout", "--template", "--api":
                guard name != "--template" || command == "new" else { return nil }
                if value == nil {
                    guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                    value = next
                }
                guard let value, !value.isEmpty else { return nil }
                switch name {
                case "--theme": settings.theme = value
                case "--base-url": settings.baseURL = value
                case "--timeout": settings.timeout = value
                case "--template": template = value
                case "--api":
                    // A value ArgumentParser would refuse goes there, for its message.
                    guard let api = APIGeneration(rawValue: value.lowercased()) else { return nil }
                    settings.api = api
                default: settings.apiKeyFile = value
                }
            default: return nil
            }
        }
        switch command {
        case "new": return (template.map { .newFromTemplate($0) } ?? .new, settings)
        case "edit": return draft.map { (.edit($0), settings) }
        default: return (.start, settings)
        }
    }
}
