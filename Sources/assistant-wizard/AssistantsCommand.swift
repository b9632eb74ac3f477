import ArgumentParser

struct AssistantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assistants", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("'assistants' is not built yet") }
}
