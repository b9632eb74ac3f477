import ArgumentParser
import AssistantModel
import TerminalUI

/// What the shell completion scripts (`--generate-completion-script bash|zsh|fish`) offer beyond
/// flag names: the names of saved drafts, templates and themes, read when Tab is pressed (the
/// script runs `assistant-wizard ---completion …`, which calls these), from the same folders the
/// commands read.
enum CLICompletion {
    /// Saved drafts by file name, in the folder the command line's `--drafts-dir` names, else the
    /// environment's (ASSISTANT_WIZARD_DRAFTS, XDG_DATA_HOME, HOME), as the commands decide it.
    static var drafts: CompletionKind {
        .custom { words, _, prefix in draftNames(words: words, prefix: prefix, environment: CLIOutput.environment) }
    }

    /// A saved draft's name, or a draft file (`*.json`, or a folder on the way to one).
    static var draftsOrFiles: CompletionKind {
        .custom { words, _, prefix in
            (prefix.contains("/") ? [] : draftNames(words: words, prefix: prefix, environment: CLIOutput.environment))
                + jsonFiles(prefix: prefix)
        }
    }

    static var templates: CompletionKind {
        .custom { _, _, prefix in Templates(environment: CLIOutput.environment).names().filter { $0.hasPrefix(prefix) } }
    }

    static var themes: CompletionKind {
        .custom { _, _, prefix in
            themeNames(environment: CLIOutput.environment).filter { $0.hasPrefix(prefix) } + (prefix.contains("/") ? jsonFiles(prefix: prefix) : [])
        }
    }

    static func themeNames(environment: [String: String]) -> [String] {
        ThemeLoader.availableThemes(in: WizardLauncher.themesDirectories(environment))
    }

    /// Drafts' file names without `.json`, starting with `prefix`, sorted.
    static func draftNames(words: [String], prefix: String, environment: [String: String]) -> [String] {
        let directory = draftsDirectory(words: words) ?? DraftStore.directory(environment: environment)
        guard let files = try? FileIO.list(directory) else { return [] }
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .filter { $0.hasPrefix(prefix) }
            .sorted()
    }

    /// The value of `--drafts-dir DIR` or `--drafts-dir=DIR` among the words typed so far.
    static func draftsDirectory(words: [String]) -> String? {
        var found: String?
        for (i, w) in words.enumerated() {
            if w == "--drafts-dir", i + 1 < words.count { found = words[i + 1] }
            if w.hasPrefix("--drafts-dir=") { found = String(w.dropFirst("--drafts-dir=".count)) }
        }
        return found.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `*.json` files and folders (with a trailing `/`) under the prefix's folder.
    static func jsonFiles(prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        guard let entries = try? FileIO.list(folder.isEmpty ? "." : folder) else { return [] }
        return entries.filter { !$0.hasPrefix(".") }.compactMap { name in
            let path = folder + name
            guard path.hasPrefix(prefix) else { return nil }
            if FileIO.isDirectory(path) { return path + "/" }
            return name.hasSuffix(".json") ? path : nil
        }.sorted()
    }
}
