import ArgumentParser
import AssistantModel
import RevoxClient

struct VoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voices",
        abstract: "List the voices an assistant can use (GET /voices).",
        discussion: CLIHelp.discussion(examples: [
            ("The French voices", "assistant-wizard voices --language fr"),
            ("Every Cartesia voice, as JSON", "assistant-wizard voices --provider cartesia --json"),
        ]))

    @Option(help: ArgumentHelp("Only voices of this language (en, fr, es, de, it, pt, ru, zh).", valueName: "xx"), completion: .list(["en", "fr", "es", "de", "it", "pt", "ru", "zh"]))
    var language: String?

    @Option(help: ArgumentHelp("Only voices of this provider (cartesia, elevenlabs).", valueName: "p"), completion: .list(AssistantSchema.voiceProviders.map(\.value)))
    var provider: String?

    @Flag(help: "Print {\"voices\": [...]} as JSON instead of a table.")
    var json = false

    @OptionGroup var connection: APIConnectionOptions

    func run() async throws {
        let session = try await APISession.open(connection)
        let all = try await session.run(json: json) { client throws(RevoxError) in try await client.listVoices() }
        let voices = all.filter { v in
            (language.map { v.language.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (provider.map { v.provider.caseInsensitiveCompare($0) == .orderedSame } ?? true)
        }
        if json {
            CLIOutput.stdout(CLIOutput.terminalSafeJSON(JSONEncoding.pretty(.object(JSONObject([("voices", .array(voices.map { .object($0.json) }))])))))
            return
        }
        if voices.isEmpty {
            let filters = [language.map { "language \($0)" }, provider.map { "provider \($0)" }].compactMap { $0 }
            let langs = Set(all.map(\.language)).sorted().joined(separator: ", ")
            let provs = Set(all.map(\.provider)).sorted().joined(separator: ", ")
            CLIOutput.stderr("No voices match \(filters.joined(separator: " and ")). Languages available: \(langs); providers: \(provs).\n")
            return
        }
        var rows = [["ID", "NAME", "LANG", "PROVIDER", "DESCRIPTION"]]
        for v in voices { rows.append([v.id, CLIText.oneLine(v.name, max: 30), v.language, v.provider, CLIText.oneLine(v.description, max: 90)]) }
        CLIOutput.stdout(CLIText.table(rows))
    }
}
