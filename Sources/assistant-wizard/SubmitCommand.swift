import ArgumentParser

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("'submit' is not built yet") }
}
