import AssistantModel
import Foundation

/// Folders shipped beside the program (`themes/`, `templates/`): `DIR/NAME` or
/// `DIR/share/assistant-wizard/NAME` for the program's folder or one above it (an install prefix,
/// or the source tree of a build in `.build/…`). `override` (an environment variable) wins.
enum ResourceDirectory {
    static func find(_ name: String, override: String?) -> String? {
        if let d = override, !d.isEmpty { return d }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in [name, "share/assistant-wizard/\(name)"] {
                let path = dir.appendingPathComponent(candidate).path
                if FileIO.isDirectory(path) { return path }
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
