import AssistantModel

/// The wizard's steps, in the order a latest draft walks them. Each owns some top-level keys of
/// the request body (of either API generation), so an issue's path says which step it belongs to
/// and the sidebar can mark the step. Which steps a draft walks, and their numbers and hotkeys,
/// depend on its generation: see `StepList`.
public enum Step: Int, CaseIterable, Sendable, Hashable {
    case basics, voice, firstSentence, callBehaviour, transfer, speech, model, tools, faq, structuredOutput, callRetry,
         calendly, afterCall, review

    public var title: String {
        switch self {
        case .basics: return "Basics"
        case .voice: return "Voice"
        case .firstSentence: return "First sentence"
        case .callBehaviour: return "Call behaviour"
        case .transfer: return "Transfer"
        case .speech: return "Speech"
        case .model: return "Model"
        case .tools: return "Tools"
        case .faq: return "FAQ"
        case .structuredOutput: return "Structured output"
        case .callRetry: return "Call retry"
        case .calendly: return "Calendly"
        case .afterCall: return "After the call"
        case .review: return "Review"
        }
    }

    /// The top-level request keys this step edits, in the order its form shows them, for every
    /// generation at once (a generation's form leaves out the keys it lacks). Each key has one step.
    public var keys: [String] {
        switch self {
        case .basics: return ["name", "prompt", "type", "prompt_flow", "position", "logo_url"]
        case .voice: return ["voice", "cartesia_dictionary_pronunciation_id"]
        case .firstSentence: return ["first_sentence_mode", "first_sentence", "first_sentence_delay_ms"]
        case .callBehaviour:
            return ["end_of_call_sentence", "max_call_duration_secs", "max_duration_end_message", "background_sound",
                    "background_sound_volume", "transfer_phone_number", "from_phone_number", "ivr_navigation_enabled",
                    "voicemail_message", "webhook_url", "precall_lookup_url"]
        case .transfer: return ["transfer_destinations", "human_transfer_mode", "warm_transfer_summary_instructions"]
        case .speech: return ["stt_model", "stt_context", "thinking_sound", "thinking_sound_probability", "thinking_sound_volume"]
        case .model: return ["llm_model"]
        case .tools: return ["custom_tools"]
        case .faq: return ["faq_items"]
        case .structuredOutput: return ["structured_output_config", "structured_output_prompt"]
        case .callRetry: return ["call_retry_config"]
        case .calendly: return ["calendly"]
        case .afterCall:
            return ["voicemail_sms_prompt", "sms_enabled", "sms_template", "after_call_sms_prompt", "after_call_sms_outcomes",
                    "email_notification_address", "email_notification_outcomes", "slack", "zoho"]
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

    /// The step that edits the field at `path`, in any generation: the step listing its key, the
    /// `unlisted` one for a field of the schema no step lists; other keys belong to the review.
    /// (`StepList.owning` also sends keys its generation lacks to the review.)
    public static func owning(path: JSONPath) -> Step {
        guard case .key(let top)? = path.components.first else { return .review }
        if let step = listing(top) { return step }
        return AssistantSchema.current.declared.contains { $0.key == top } ? unlisted : .review
    }

    /// The steps a draft of this generation walks.
    public static func steps(for api: APIGeneration) -> StepList { api == .seed ? seedSteps : latestSteps }
    private static let seedSteps = StepList(.seed)
    private static let latestSteps = StepList(.latest)
}

/// The steps of one API generation, in order, with their numbers and hotkeys. A seed draft walks
/// the seed's nine steps and the review, numbered and keyed as they always were; a latest draft
/// also walks the steps only its fields fill (Transfer, Speech, Tools, After the call).
public struct StepList: Sendable, Hashable {
    public let api: APIGeneration
    public let all: [Step]

    public init(_ api: APIGeneration) {
        self.api = api
        let known = Set(AssistantSchema.fields(for: api).map(\.key))
        all = Step.allCases.filter { $0 == .review || $0.keys.contains(where: known.contains) }
    }

    public var count: Int { all.count }
    public func contains(_ step: Step) -> Bool { all.contains(step) }

    /// 1 for the first step; the review is the last number.
    public func number(_ step: Step) -> Int { (all.firstIndex(of: step) ?? all.count - 1) + 1 }
    public func step(number n: Int) -> Step? { all.indices.contains(n - 1) ? all[n - 1] : nil }

    public func next(_ step: Step) -> Step? { self.step(number: number(step) + 1) }
    public func previous(_ step: Step) -> Step? { self.step(number: number(step) - 1) }

    /// The key that jumps to the step from anywhere (Alt+digit): the first nine by their number,
    /// 0 for the review; later steps have none (Alt+N/P, the sidebar and F5 reach them).
    public func hotkey(_ step: Step) -> Character? {
        if step == .review { return "0" }
        let n = number(step)
        return n <= 9 ? Character(String(n)) : nil
    }

    public func step(hotkey c: Character) -> Step? { all.first { hotkey($0) == c } }

    /// The keys of the step this generation has, in the step's order.
    public func keys(_ step: Step) -> [String] {
        step.keys(among: AssistantSchema.fields(for: api))
    }

    /// The step that edits `path` in this generation; a key the generation lacks (or none edits)
    /// belongs to the review, which lists it.
    public func owning(path: JSONPath) -> Step {
        let step = Step.owning(path: path)
        return contains(step) ? step : .review
    }
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
