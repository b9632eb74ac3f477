/// The examples every command's help ends with, in one layout (as gh shows them): a comment line
/// saying what it does, then the command line. A test parses every example line as a command line
/// of the command it belongs to, so an example cannot name a flag that is gone.
enum CLIHelp {
    /// The heading the examples go under; the help test and the man page look for it.
    static let examplesHeading = "EXAMPLES:"

    /// `text` (may be empty), then the examples.
    static func discussion(_ text: String = "", examples: [(what: String, line: String)]) -> String {
        let block = examples.map { "  # \($0.what)\n  $ \($0.line)" }.joined(separator: "\n")
        return (text.isEmpty ? "" : text + "\n\n") + examplesHeading + "\n" + block
    }
}
