#if canImport(Glibc)
import Glibc
#endif
import AssistantModel

/// Runs `$VISUAL` or `$EDITOR` on a private temporary file and reads it back. The file lives in a
/// fresh 0700 folder with mode 0600, and is kept (and named) when it cannot be read back.
enum ExternalEditor {
    /// The editor command and the variable it came from; nil when neither is set (no guessing).
    static func command(environment: [String: String]) -> (command: String, variable: String)? {
        for v in ["VISUAL", "EDITOR"] {
            if let c = environment[v], !c.allSatisfy(\.isWhitespace) { return (c, v) }
        }
        return nil
    }

    /// Call with the terminal released. Returns the edited text or why it failed.
    static func edit(_ text: String, field: String, environment: [String: String]) -> Result<String, EditorFailure> {
        guard let (command, variable) = command(environment: environment) else {
            return .failure(EditorFailure("Neither $VISUAL nor $EDITOR is set: set one (e.g. export EDITOR=nano) to edit long text in an editor."))
        }
        let base = (environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/assistant-wizard-XXXXXX"
        var template = Array(base.utf8CString)
        guard let dirPtr = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return .failure(EditorFailure("Could not make a private temporary folder for the editor."))
        }
        let dir = String(cString: dirPtr)
        let safeField = String(field.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        let file = "\(dir)/\(safeField).txt"
        do {
            try FileIO.writeAtomically(Array(text.utf8), to: file)
        } catch {
            return .failure(EditorFailure("Could not write \(file) for the editor: \(error)"))
        }
        // `sh -c '$cmd "$1"'`: the command may carry its own arguments (EDITOR="code --wait").
        let status = run(["/bin/sh", "-c", command + " \"$1\"", "sh", file])
        guard status == 0 else {
            return .failure(EditorFailure("\(variable) (\(command)) exited with status \(status); your text is kept in \(file)."))
        }
        do {
            let bytes = try FileIO.read(file)
            guard let edited = String(validating: bytes, as: UTF8.self) else {
                return .failure(EditorFailure("The edited text is not valid UTF-8; it is kept in \(file)."))
            }
            _ = try? FileIO.remove(file)
            rmdir(dir)
            // Editors add a final newline that the field never had.
            return .success(edited.hasSuffix("\n") && !text.hasSuffix("\n") ? String(edited.dropLast()) : edited)
        } catch {
            return .failure(EditorFailure("Could not read the edited text back (\(error)); it is kept in \(file)."))
        }
    }

    /// Variables the editor is not given: it has no use for the API key.
    static let withheld = ["REVOX_API_KEY"]

    /// This process's environment without the withheld variables, as `NAME=value` entries.
    static func childEnvironment() -> [String] {
        var out = [String]()
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            let name = s.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? s
            if !withheld.contains(name) { out.append(s) }
            p += 1
        }
        return out
    }

    private static func run(_ argv: [String]) -> Int32 {
        var pid = pid_t()
        var cargs = argv.map { strdup($0) } + [nil]
        var cenv = childEnvironment().map { strdup($0) } + [nil]
        defer { for p in cargs + cenv { free(p) } }
        guard posix_spawn(&pid, argv[0], nil, nil, &cargs, &cenv) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
