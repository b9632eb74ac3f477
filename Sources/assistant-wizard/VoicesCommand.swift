import ArgumentParser

struct VoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voices", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("'voices' is not built yet") }
}
