/// The generations of the Revox API the schema describes. Each field, choice and variant of
/// `AssistantSchema` says which generations have it; everything else reads one generation's view.
public enum APIGeneration: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The seed document's API: the request types of SDK `revox==0.1.1` (18 fields).
    case seed
    /// The newest published API: the request types of SDK `revox==0.5.0` (45 fields).
    case latest

    public static let all = Set(allCases)
    /// What a new draft speaks when nothing says otherwise.
    public static let `default` = APIGeneration.seed

    public var description: String { rawValue }

    /// The SDK release whose request types this generation follows.
    public var sdkVersion: String {
        switch self {
        case .seed: return "0.1.1"
        case .latest: return "0.5.0"
        }
    }

    /// The generation a body speaks, judged by the keys (and choice values) only one generation
    /// knows: the generation that knows more of them wins. Nil when nothing tells them apart, a
    /// body with only shared fields for instance; callers then use their setting or `default`.
    public static func detect(_ body: JSONValue) -> APIGeneration? {
        var unknown = [APIGeneration: Int]()
        AssistantSchema.walkDeclared(body) { gens in
            for g in allCases where !gens.contains(g) { unknown[g, default: 0] += 1 }
        }
        let scores = allCases.map { ($0, unknown[$0] ?? 0) }
        guard let best = scores.min(by: { $0.1 < $1.1 }), scores.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    /// Whether `detect` answers the same for `new` as for `old`, told without walking either:
    /// they have the same top-level keys, and each value that may differ is a scalar whose value
    /// tells the same generations (a character typed into the name or the prompt). False means
    /// only "walk again". Containers are compared by `==`, which is immediate for a list or
    /// object the edit did not touch (the same storage).
    ///
    /// A top-level key added or removed is alike too when it tells nothing: a scalar under a key
    /// every generation has, or none declares (the first letter typed into an empty name).
    public static func detectsAlike(_ old: JSONValue, _ new: JSONValue) -> Bool {
        guard case .object(let a) = old, case .object(let b) = new else { return false }
        let schema = AssistantSchema.current
        let byPath = schema.declaredByPath
        if a.keys != b.keys {
            for k in a.keys where !b.contains(k) { guard tellsNothing(k, a[k]!, schema) else { return false } }
            for k in b.keys where !a.contains(k) { guard tellsNothing(k, b[k]!, schema) else { return false } }
        }
        for k in b.keys {
            guard let v = b[k] else { return false }
            guard let u = a[k] else { continue }
            if u.isScalar, v.isScalar, schema.sharedScalarKeys.contains(k) { continue }
            switch (u, v) {
            case (.string(let x), .string(let y)):
                // An untouched string is the same storage: equal at once.
                if x != y, AssistantSchema.generations(ofPath: k, value: u, in: byPath) != AssistantSchema.generations(ofPath: k, value: v, in: byPath) { return false }
            case (.number, .number), (.bool, .bool), (.null, .null): continue
            default: if u != v { return false }
            }
        }
        return true
    }

    /// Whether `detect`'s walk visits nothing under top-level `key` holding `value` that counts
    /// against a generation (see `AssistantSchema.walkDeclared`).
    private static func tellsNothing(_ key: String, _ value: JSONValue, _ schema: Schema) -> Bool {
        guard value.isScalar else { return false }
        if schema.sharedScalarKeys.contains(key) { return true }
        let byPath = schema.declaredByPath
        guard let gens = AssistantSchema.generations(ofPath: key, in: byPath) else { return true }
        guard gens == all else { return false }
        guard case .string = value, let g = AssistantSchema.generations(ofPath: key, value: value, in: byPath) else { return true }
        return g == all
    }

    /// The generation to use: the explicit choice, else the detected one, else the default.
    public static func resolve(_ explicit: APIGeneration?, for body: JSONValue) -> APIGeneration {
        explicit ?? detect(body) ?? .default
    }
}

private extension JSONValue {
    /// A string, number, boolean or null: nothing `detect`'s walk goes into.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool, .null: return true
        case .array, .object: return false
        }
    }
}
