#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AssistantModel

/// Folders shipped beside the program (`themes/`, `templates/`): `DIR/NAME` or
/// `DIR/share/assistant-wizard/NAME` for the program's folder or one above it (an install prefix,
/// or the source tree of a build in `.build/…`). `override` (an environment variable) wins.
public enum ResourceDirectory {
    public static func find(_ name: String, override: String?) -> String? {
        if let d = override, !d.isEmpty { return d }
        var dir = programDirectory()
        for _ in 0..<5 {
            for candidate in [name, "share/assistant-wizard/\(name)"] {
                let path = dir + "/" + candidate
                if FileIO.isDirectory(path) { return path }
            }
            dir = parent(dir)
        }
        return nil
    }

    /// The directory of `argv[0]` with symlinks resolved (a link in `~/bin` finds the install);
    /// plain POSIX `realpath`, no Foundation on the start path.
    static func programDirectory() -> String {
        let arg0 = CommandLine.arguments.first ?? "."
        var path = arg0
        if let r = realpath(arg0, nil) { path = String(cString: r); free(r) }
        else if !arg0.hasPrefix("/"), let cwd = getcwd(nil, 0) { path = String(cString: cwd) + "/" + arg0; free(cwd) }
        return parent(path)
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
