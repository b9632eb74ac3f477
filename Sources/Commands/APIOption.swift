import ArgumentParser
import AssistantModel

extension APIGeneration: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--api seed|latest`: which generation of the API a draft is read, checked and sent as. Without
/// it, a draft holding keys only one generation has speaks that one; otherwise the seed's.
struct APIOption: ParsableArguments {
    @Option(name: .customLong("api"), help: ArgumentHelp(
        "The API generation: seed (SDK revox 0.1.1, the default for new drafts) or latest (0.5.0). Default: detected from the draft's keys, else seed.",
        valueName: "seed|latest"))
    var api: APIGeneration?

    /// The generation for this body: the flag, else detected, else seed.
    func generation(for body: JSONValue) -> APIGeneration { APIGeneration.resolve(api, for: body) }
}
