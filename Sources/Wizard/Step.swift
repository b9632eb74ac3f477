import AssistantModel

/// The wizard's steps, in order. Each owns some top-level keys of the request body, so an issue's
/// path says which step it belongs to and the sidebar can mark the step.
public enum Step: Int, CaseIterable, Sendable, Hashable {
    case basics, voice, firstSentence, callBehaviour, model, faq, structuredOutput, callRetry, calendly, review

    public var title: String {
        switch self {
        case .basics: return "Basics"
        case .voice: return "Voice"
        case .firstSentence: return "First sentence"
        case .callBehaviour: return "Call behaviour"
        case .model: return "Model"
        case .faq: return "FAQ"
        case .structuredOutput: return "Structured output"
        case .callRetry: return "Call retry"
        case .calendly: return "Calendly"
        case .review: return "Review"
        }
    }

    /// The key that jumps here from anywhere (Alt+digit; 0 is the review).
    public var hotkey: Character { self == .review ? "0" : Character(String(rawValue + 1)) }

    /// The top-level request keys this step edits, in the order its form shows them.
    public var keys: [String] {
        switch self {
        case .basics: return ["name", "prompt"]
        case .voice: return ["voice"]
        case .firstSentence: return ["first_sentence_mode", "first_sentence", "first_sentence_delay_ms"]
        case .callBehaviour:
            return ["end_of_call_sentence", "max_call_duration_secs", "background_sound", "transfer_phone_number",
                    "ivr_navigation_enabled", "voicemail_message", "webhook_url"]
        case .model: return ["llm_model"]
        case .faq: return ["faq_items"]
        case .structuredOutput: return ["structured_output_config"]
        case .callRetry: return ["call_retry_config"]
        case .calendly: return ["calendly"]
        case .review: return []
        }
    }

    /// Where a field the schema has and no step lists is edited, so a field added to the schema
    /// is in the forms at once, before anyone places it.
    public static let unlisted: Step = .callBehaviour

    /// The top-level keys this step edits among `fields` (a generation's), in its form's order:
    /// its own, and on the `unlisted` step every field no step lists, in schema order.
    public func keys(among fields: [FieldSpec]) -> [String] {
        let known = Set(fields.map(\.key))
        var out = keys.filter(known.contains)
        if self == Step.unlisted { out += fields.map(\.key).filter { Step.listing($0) == nil } }
        return out
    }

    static func listing(_ key: String) -> Step? { allCases.first { $0.keys.contains(key) } }

    /// The step that edits the field at `path`; keys the schema does not know belong to the review.
    public static func owning(path: String) -> Step {
        let top = String(path.prefix { $0 != "." && $0 != "[" })
        if let step = listing(top) { return step }
        return AssistantSchema.current.declared.contains { $0.key == top } ? unlisted : .review
    }

    public var next: Step? { Step(rawValue: rawValue + 1) }
    public var previous: Step? { Step(rawValue: rawValue - 1) }
}

/// How the sidebar marks a step.
public enum StepMark: Sendable, Hashable {
    case current, errors, warnings, done, untouched

    public var symbol: String {
        switch self {
        case .current: return "▸"
        case .errors: return "✗"
        case .warnings: return "!"
        case .done: return "✓"
        case .untouched: return "·"
        }
    }
}

extension Step {
    /// Errors win over warnings; a step that was visited and is clean is done.
    public func mark(current: Step, issues: [ValidationIssue], visited: Set<Step>) -> StepMark {
        let mine = issues.filter { Step.owning(path: $0.path) == self }
        if self == current { return .current }
        // Marks speak only of steps the user has been to: an untouched form is not a wall of red.
        if mine.contains(where: { $0.severity == .error }) && visited.contains(self) { return .errors }
        if mine.contains(where: { $0.severity == .warning }) && visited.contains(self) { return .warnings }
        return visited.contains(self) ? .done : .untouched
    }
}
