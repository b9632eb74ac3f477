import ArgumentParser

struct DraftsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drafts", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("'drafts' is not built yet") }
}
