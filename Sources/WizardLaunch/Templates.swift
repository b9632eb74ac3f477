import AssistantModel
import Wizard

/// The starting points shipped in `templates/`: one request body a file, valid for both API
/// generations (only fields both accept). `ASSISTANT_WIZARD_TEMPLATES` names another folder.
public struct Templates {
    public let directory: String?

    public init(environment: [String: String] = Console.environment) {
        directory = ResourceDirectory.find("templates", override: environment["ASSISTANT_WIZARD_TEMPLATES"])
    }

    /// Template names (file names without `.json`), sorted.
    public func names() -> [String] {
        guard let directory, let files = try? FileIO.list(directory) else { return [] }
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Every template that can be read, for the start screen's "Start from a template" (one that
    /// cannot is left out there; `templates NAME` says why).
    func startTemplates() -> [StartTemplate] {
        names().compactMap { n in (try? load(n).get()).map { StartTemplate(name: n, body: $0) } }
    }

    /// The template's body, or a message saying which templates there are.
    public func load(_ name: String) -> Result<JSONValue, TemplateError> {
        var n = name
        if n.hasSuffix(".json") { n.removeLast(5) }
        guard let directory else { return .failure(.noFolder) }
        guard !n.isEmpty, !n.contains("/"), !n.hasPrefix("."), names().contains(n) else {
            return .failure(.unknown(name: name, known: names()))
        }
        do throws(DraftError) { return .success(try DraftStore.loadBody(file: "\(directory)/\(n).json")) } catch {
            return .failure(.unreadable(error))
        }
    }
}

public enum TemplateError: Error, CustomStringConvertible {
    case noFolder
    case unknown(name: String, known: [String])
    case unreadable(DraftError)

    public var description: String {
        switch self {
        case .noFolder: return "no templates folder was found beside the program (set ASSISTANT_WIZARD_TEMPLATES to the folder)"
        case .unknown(let n, let known): return "no template named \"\(n)\"; the templates are: \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case .unreadable(let e): return e.description
        }
    }
}
