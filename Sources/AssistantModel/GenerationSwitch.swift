/// What switching a draft from one API generation to the other changes, worked out before the
/// switch so a front end can show it and the user can decide. The switch itself rewrites only
/// what has a clear counterpart (a transfer number becomes a one-entry destination list and back)
/// and fills new required fields that have a documented default; every other value the target
/// lacks is listed, and kept (sent as is, with a warning) unless the user drops it.
public struct GenerationSwitch: Sendable, Equatable {
    public var from: APIGeneration
    public var to: APIGeneration
    /// Top-level fields the target has and the source lacks: they appear in the form.
    public var appearing: [String]
    /// Top-level fields the source has and the target lacks: they leave the form.
    public var disappearing: [String]
    /// "transfer_phone_number → transfer_destinations": values carried over to their counterpart.
    public var converted: [String]
    /// Required fields of the target filled with their documented defaults.
    public var filled: [JSONPath]
    /// Concrete paths of set values the target does not know (after the conversions). Keeping
    /// them sends them as is; `dropping` leaves them out.
    public var unknownThere: [JSONPath]
    /// Choice values the target does not accept, at these paths (kept as they are either way:
    /// the field itself exists there, and only the user can pick another value).
    public var valuesUnknownThere: [JSONPath]
    /// The draft after the switch, keeping the values the target lacks.
    public var body: JSONValue

    /// The draft after the switch with the values the target lacks left out.
    public var dropping: JSONValue {
        var b = body
        // Deepest first, so an index or a parent never moves under a later removal.
        for path in unknownThere.reversed() { try? b.set(path, to: nil) }
        return b
    }

    public init(_ draft: JSONValue, from: APIGeneration, to: APIGeneration) {
        self.from = from; self.to = to
        let fromKeys = AssistantSchema.fields(for: from).map(\.key), toKeys = AssistantSchema.fields(for: to).map(\.key)
        appearing = toKeys.filter { !fromKeys.contains($0) }
        disappearing = fromKeys.filter { !toKeys.contains($0) }
        converted = []; filled = []; unknownThere = []; valuesUnknownThere = []
        body = draft
        convertTransfer()
        fillDefaults(AssistantSchema.body(for: to), at: JSONPath())
        findUnknown(body, concrete: JSONPath(), schema: "")
    }

    /// The seed's one transfer number and the latest's destination list say the same thing when
    /// the list has one entry.
    private mutating func convertTransfer() {
        guard var o = body.objectValue else { return }
        if to == .latest, let number = o["transfer_phone_number"]?.stringValue, o["transfer_destinations"] == nil {
            o["transfer_destinations"] = .array([.object(JSONObject([("label", "Transfer"), ("phone_number", .string(number))]))])
            o["transfer_phone_number"] = nil
            converted.append("transfer_phone_number → transfer_destinations")
        } else if to == .seed, o["transfer_phone_number"] == nil, let list = o["transfer_destinations"]?.arrayValue, list.count == 1,
                  let number = list[0].objectValue?["phone_number"]?.stringValue {
            o["transfer_phone_number"] = .string(number)
            o["transfer_destinations"] = nil
            converted.append("transfer_destinations → transfer_phone_number")
        } else { return }
        body = .object(o)
    }

    /// Inside objects the draft has, the target's required fields it lacks get their defaults
    /// (`call_retry_config.allowed_days`), so the switch itself does not make errors.
    private mutating func fillDefaults(_ spec: FieldSpec, at path: JSONPath) {
        guard case .object(let fields) = spec.kind else { return }
        guard let here = body[path: path]?.objectValue else { return }
        for f in fields {
            let p = path.appending(f.key)
            if here[f.key] == nil {
                // Only inside an object the draft has: a missing top-level field stays unset.
                if f.required, !path.isRoot, let d = f.defaultValue {
                    try? body.set(p, to: d)
                    filled.append(p)
                }
            } else {
                fillDefaults(f, at: p)
            }
        }
    }

    /// `schema` is the path as the schema names it (`faq_items[].answer`), `concrete` the draft's.
    private mutating func findUnknown(_ v: JSONValue, concrete: JSONPath, schema: String) {
        switch v {
        case .object(let o):
            for (k, child) in o {
                let c = concrete.appending(k), s = schema.isEmpty ? k : schema + "." + k
                guard let gens = AssistantSchema.generations(ofPath: s) else { continue }
                if !gens.contains(to) { unknownThere.append(c); continue }
                if case .string = child, let g = AssistantSchema.generations(ofPath: s, value: child), !g.contains(to) {
                    valuesUnknownThere.append(c)
                }
                findUnknown(child, concrete: c, schema: s)
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                let c = concrete.appending(i)
                if case .string = item, let g = AssistantSchema.generations(ofPath: schema, value: item), !g.contains(to) {
                    valuesUnknownThere.append(c)
                } else {
                    findUnknown(item, concrete: c, schema: schema + "[]")
                }
            }
        default: break
        }
    }

    /// Nothing set in the draft changes or goes.
    public var isLossless: Bool { unknownThere.isEmpty && valuesUnknownThere.isEmpty }

    /// The changes in a few sentences, for a dialog or a line prompt.
    public var summary: [String] {
        var out = ["Switch from \(from) (SDK revox \(from.sdkVersion)) to \(to) (SDK revox \(to.sdkVersion))?"]
        func names(_ paths: [JSONPath]) -> String { names(paths.map(\.description)) }
        func names(_ list: [String]) -> String {
            list.count <= 6 ? list.joined(separator: ", ") : list.prefix(5).joined(separator: ", ") + " and \(list.count - 5) more"
        }
        if !appearing.isEmpty { out.append("\(appearing.count) field\(appearing.count == 1 ? "" : "s") appear: \(names(appearing)).") }
        if !disappearing.isEmpty { out.append("Gone from the form: \(names(disappearing)).") }
        if !converted.isEmpty { out.append("Carried over: \(converted.joined(separator: "; ")).") }
        if !filled.isEmpty { out.append("Filled with defaults: \(names(filled)).") }
        if !valuesUnknownThere.isEmpty { out.append("Values \(to) does not accept (kept; pick others): \(names(valuesUnknownThere)).") }
        if unknownThere.isEmpty {
            out.append("Nothing set in the draft is lost.")
        } else {
            out.append("Set values \(to) does not have: \(names(unknownThere)). Keep sends them as is (with warnings); drop leaves them out of the request.")
        }
        return out
    }
}
