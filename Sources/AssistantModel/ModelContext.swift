/// How much text the models a draft can name take in at once (their context window), for the one
/// rule that ties the prompt to the model: a prompt longer than the window cannot be read whole.
/// The figures are the makers' published windows; text is counted at about 4 bytes a token, the
/// usual figure for English with these tokenizers (other scripts take more tokens a byte, so this
/// errs towards saying nothing).
public struct ModelContext: Sendable, Equatable {
    /// How messages name the model.
    public var model: String
    public var tokens: Int

    public static let bytesPerToken = 4
    /// The prompt size past which the model cannot take it, at `bytesPerToken`.
    public var bytes: Int { tokens * Self.bytesPerToken }

    /// OpenAI's GPT-4.1: 1,047,576 tokens (about 4.2 MB of text).
    public static let gpt41 = ModelContext(model: "gpt-4.1", tokens: 1_047_576)
    /// Mistral's Ministral 3 8B (2512): 256k tokens.
    public static let ministral3_8B = ModelContext(model: "ministral-3-8b-instruct", tokens: 262_144)
    /// The largest window of the models the API offers: what a body without a known model is held to.
    public static let largest = gpt41

    /// By `llm_model.name` (dedicated instances) and `llm_model.openrouter_model_id`.
    static let known: [String: ModelContext] = [
        "gpt-4.1": gpt41, "openai/gpt-4.1": gpt41,
        "ministral-3-8b-instruct": ministral3_8B,
    ]

    /// The window of the model a body names; nil without a model or for one with no figure here.
    public static func of(_ body: JSONObject) -> ModelContext? {
        guard let model = body["llm_model"]?.objectValue else { return nil }
        let id = model["type"]?.stringValue == "openrouter" ? model["openrouter_model_id"] : model["name"]
        return id?.stringValue.flatMap { known[$0] }
    }

    /// `30.0 MB`: decimal megabytes, one decimal.
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// `1,047,576`.
    public static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
