import ArgumentParser
import AssistantModel
#if canImport(Glibc)
import Glibc
#endif

/// The program's entry. The plain wizard command lines (`assistant-wizard`, `new`, `edit DRAFT`,
/// `wizard`, with the wizard's own flags) skip ArgumentParser and open the wizard at once; every
/// other command line, and anything unusual (help, `--`, a repeated or unknown flag), goes to
/// ArgumentParser as before.
///
/// Why: ArgumentParser finds a command's arguments by reflection (Mirror and dynamic casts), and
/// every first cast to a protocol makes the Swift runtime scan all protocol conformances in the
/// binary, which holds Foundation, NIO and Hummingbird. Measured with callgrind on the release
/// build (`new --sandbox`): 34 M of the 40 M instructions before the first frame, 241 conformance
/// scans, and about 20 MiB of the binary paged in; start-up was 2× dialog's.
public enum AssistantWizardMain {
    public static func main() async {
        guard let (entry, settings) = WizardSettings.fastPath(Array(CommandLine.arguments.dropFirst())) else {
            await AssistantWizardCommand.main()
            return
        }
        do {
            exit(try WizardLauncher(settings: settings).run(entry))
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            AssistantWizardCommand.exit(withError: error)
        }
    }
}

extension WizardSettings {
    /// The entry and settings of a plain wizard command line, or nil to let ArgumentParser decide.
    /// Takes exactly the flags `wizard`, `new` and `edit` declare (WizardOptions with APIOption,
    /// APIConnectionOptions, and `new --template`):
    /// a flag added there must be added here, or its command lines simply take the slower path.
    static func fastPath(_ args: [String]) -> (WizardLauncher.Entry, WizardSettings)? {
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
                    guard let api = APIGeneration(argument: value) else { return nil }
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
