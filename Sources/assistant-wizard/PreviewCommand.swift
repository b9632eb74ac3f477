import ArgumentParser

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("'preview' is not built yet") }
}
