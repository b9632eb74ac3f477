/// The one place the request rules live. The command line, the wizard and the sandbox all call it.
/// Most rules come from `AssistantSchema` (types, required, null, choices, ranges, formats, lists);
/// the few that tie fields together are written out below the walk.
public enum Validator {
    /// Every issue in a request body (a draft), errors and warnings, in field order, by the rules
    /// of one API generation (the seed's unless told).
    public static func validate(_ body: JSONValue, api: APIGeneration = .seed) -> [ValidationIssue] {
        guard case .object(let obj) = body else {
            return [.error(JSONPath(), "the request body must be a JSON object, not \(body.typeDescription)")]
        }
        var v = Walk(api: api)
        v.object(obj, fields: AssistantSchema.fields(for: api), at: JSONPath())
        v.firstSentenceRules(obj)
        v.promptSizeRule(obj)
        if api == .latest { v.transferRules(obj); v.promptFlowRules(obj) }
        return v.issues
    }

    /// The issues of one field only (for a form validating as the user types), by concrete path
    /// such as `faq_items[2].answer`. Cross-field rules are included when they concern that path.
    public static func validate(_ body: JSONValue, field path: JSONPath, api: APIGeneration = .seed) -> [ValidationIssue] {
        validate(body, api: api).filter { $0.belongs(to: path) }
    }

    private struct Walk {
        let api: APIGeneration
        var issues = [ValidationIssue]()

        /// `faq_items[2].answer` as the schema names it: `faq_items[].answer`.
        func schemaPath(_ p: JSONPath) -> String {
            p.components.reduce(into: "") { out, c in
                switch c {
                case .index: out += "[]"
                case .key(let k): out += out.isEmpty ? k : "." + k
                }
            }
        }

        /// The generation that has this key (or choice value) when the one in force does not.
        func otherGeneration(_ p: JSONPath, value: JSONValue? = nil) -> APIGeneration? {
            guard let gens = AssistantSchema.generations(ofPath: schemaPath(p), value: value), !gens.contains(api) else { return nil }
            return APIGeneration.allCases.first(where: gens.contains)
        }

        mutating func unknownKey(_ p: JSONPath, _ key: String) {
            if let other = otherGeneration(p) {
                warning(p, "\"\(key)\" is not a field of the \(api) API (the \(other) API has it: use --api \(other)); it is kept and sent as is")
            } else {
                warning(p, "\"\(key)\" is not a field of the API; it is kept and sent as is")
            }
        }

        mutating func error(_ p: JSONPath, _ m: String) { issues.append(.error(p, m)) }
        mutating func warning(_ p: JSONPath, _ m: String) { issues.append(.warning(p, m)) }

        mutating func object(_ obj: JSONObject, fields: [FieldSpec], extra: [String] = [], at path: JSONPath) {
            for spec in fields { field(spec, in: obj, at: path.appending(spec.key)) }
            for (key, _) in obj where !extra.contains(key) && !fields.contains(where: { $0.key == key }) {
                unknownKey(path.appending(key), key)
            }
        }

        mutating func field(_ spec: FieldSpec, in parent: JSONObject, at path: JSONPath) {
            guard let value = parent[spec.key] else {
                if spec.required { error(path, "\(spec.label) is required (\(spec.expectedType))") }
                return
            }
            if case .null = value {
                if !spec.nullable {
                    error(path, "must not be null: expected \(spec.expectedType) (remove the key to leave it unset)")
                }
                return
            }
            if let cond = spec.appliesWhen, !cond.holds(in: parent) {
                warning(path, "\(spec.label) is \(cond.explanation); it will be ignored")
            }
            switch spec.kind {
            case .text, .longText:
                guard case .string(let s) = value else { return wrongType(spec, value, path) }
                if spec.nonBlank && TextFormats.isBlank(s) { error(path, "\(spec.label) must not be blank") }
                else if let f = spec.format, !s.isEmpty { format(f, s, spec, path) }
            case .choice(let choices):
                guard case .string(let s) = value else { return wrongType(spec, value, path) }
                if !choices.contains(where: { $0.value == s }) {
                    let hint = otherGeneration(path, value: value).map { " in the \(api) API (the \($0) API has it: use --api \($0))" } ?? ""
                    error(path, "\"\(s)\" is not a valid \(spec.label.lowercased())\(hint): use \(list(choices.map(\.value)))")
                }
            case .toggle:
                guard case .bool = value else { return wrongType(spec, value, path) }
            case .number(let rule):
                guard case .number(let n) = value else { return wrongType(spec, value, path) }
                number(n, rule, spec, parent, path)
            case .stringList(let rule):
                guard case .array(let items) = value else { return wrongType(spec, value, path) }
                stringList(items, rule, spec, path)
            case .object(let fields):
                guard case .object(let o) = value else { return wrongType(spec, value, path) }
                object(o, fields: fields, at: path)
            case .records(let fields, let rule):
                guard case .array(let items) = value else { return wrongType(spec, value, path) }
                records(items, fields, rule, spec, path)
            case .variants(let disc, let variants):
                guard case .object(let o) = value else { return wrongType(spec, value, path) }
                field(disc, in: o, at: path.appending(disc.key))
                let chosen = o[disc.key]?.stringValue.flatMap { t in variants.first { $0.value == t } }
                if let chosen {
                    object(o, fields: chosen.fields, extra: [disc.key], at: path)
                } else {
                    // Without a known shape, only keys of no shape at all are called unknown.
                    let all = variants.flatMap(\.fields).map(\.key) + [disc.key]
                    for (key, _) in o where !all.contains(key) { unknownKey(path.appending(key), key) }
                }
            }
        }

        mutating func wrongType(_ spec: FieldSpec, _ value: JSONValue, _ path: JSONPath) {
            error(path, "expected \(spec.expectedType), found \(value.typeDescription)")
        }

        mutating func number(_ n: JSONNumber, _ rule: NumberRule, _ spec: FieldSpec, _ parent: JSONObject, _ path: JSONPath) {
            if rule.integer && !n.isIntegerLiteral {
                let whole = n.literal.split(separator: ".").first.map(String.init) ?? n.literal
                let hint = n.literal.hasSuffix(".0") ? " (write \(whole), not \(n.literal))" : ""
                return error(path, "must be a whole number, found \(n.literal)\(hint)")
            }
            guard let d = n.doubleValue, d.isFinite else { return error(path, "\(n.literal) is too large to be a finite number") }
            let (lo, hi) = rule.range(in: parent)
            let provider = rule.rangeBySibling.flatMap { parent[$0.key]?.stringValue }.map { " for \($0)" } ?? ""
            if rule.integer, n.intValue == nil {
                return error(path, "\(n.literal) is out of range: at most \(fmt(hi ?? AssistantSchema.maxSafeInteger))")
            }
            if let lo, rule.minExclusive ? d <= lo : d < lo {
                if let hi, !rule.minExclusive { return error(path, "must be between \(fmt(lo)) and \(fmt(hi))\(provider), found \(n.literal)") }
                return error(path, "must be greater than \(fmt(lo)), found \(n.literal)")
            }
            if let hi, d > hi {
                if let lo, !rule.minExclusive { return error(path, "must be between \(fmt(lo)) and \(fmt(hi))\(provider), found \(n.literal)") }
                return error(path, "must be at most \(fmt(hi)), found \(n.literal)")
            }
        }

        mutating func stringList(_ items: [JSONValue], _ rule: ListRule, _ spec: FieldSpec, _ path: JSONPath) {
            if items.count < rule.minItems {
                error(path, "needs at least \(rule.minItems) \(rule.itemLabel)\(rule.minItems == 1 ? "" : "s")")
            }
            var seen = Set<String>()
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    error(path.appending(i), "expected a string, found \(item.typeDescription)"); continue
                }
                if rule.nonBlankItems && TextFormats.isBlank(s) { error(path.appending(i), "an \(rule.itemLabel) must not be blank"); continue }
                if let choices = rule.choices, !choices.contains(where: { $0.value == s }) {
                    error(path.appending(i), "\"\(s)\" is not a valid \(rule.itemLabel): use \(list(choices.map(\.value)))"); continue
                }
                if let sev = rule.duplicateSeverity, !seen.insert(s).inserted {
                    issues.append(.init(path: path.appending(i), severity: sev, message: "duplicate \(rule.itemLabel) \"\(s)\""))
                }
            }
        }

        mutating func records(_ items: [JSONValue], _ fields: [FieldSpec], _ rule: ListRule, _ spec: FieldSpec, _ path: JSONPath) {
            if items.count < rule.minItems {
                error(path, "needs at least \(rule.minItems) \(rule.itemLabel)\(rule.minItems == 1 ? "" : "s")")
            }
            var seen = [String: Int]()
            for (i, item) in items.enumerated() {
                let p = path.appending(i)
                guard case .object(let o) = item else {
                    error(p, "expected an object (a \(rule.itemLabel)), found \(item.typeDescription)"); continue
                }
                object(o, fields: fields, at: p)
                recordRules(o, spec: spec, at: p)
                if let key = rule.uniqueKey, let sev = rule.duplicateSeverity, case .string(let s)? = o[key], !TextFormats.isBlank(s) {
                    if let first = seen[s] {
                        issues.append(.init(path: p.appending(key), severity: sev,
                                            message: "duplicate \(key) \"\(s)\" (also in \(path.appending(first).description))"))
                    } else {
                        seen[s] = i
                    }
                }
            }
        }

        mutating func format(_ f: TextFormat, _ s: String, _ spec: FieldSpec, _ path: JSONPath) {
            switch f {
            case .webURL:
                switch TextFormats.checkWebURL(s) {
                case .ok: break
                case .insecure: warning(path, "uses plain http; the call data will travel unencrypted (use https://)")
                case .invalid(let why): error(path, why)
                }
            case .e164:
                if let why = TextFormats.e164Problem(s) { error(path, why) }
            case .clockTime:
                if TextFormats.clockMinutes(s) == nil {
                    error(path, "\"\(s)\" is not a time: write HH:mm in 24-hour form (09:30, 17:00) or 12-hour like 10am or 6:30pm")
                }
            case .ianaTimeZone:
                if !IANATimeZones.contains(s) {
                    let hint = IANATimeZones.suggestion(for: s).map { " (did you mean \($0)?)" } ?? " (e.g. Europe/Paris, America/New_York)"
                    error(path, "\"\(s)\" is not a known IANA time zone\(hint)")
                }
            case .emailList:
                if let why = TextFormats.emailListProblem(s) { error(path, why) }
            case .webURLWith(let placeholder):
                format(.webURL, s, spec, path)
                if !s.contains(placeholder) { error(path, "must contain \(placeholder), where the caller's number goes") }
            case .identifier:
                if !TextFormats.isIdentifier(s) {
                    warning(path, "\"\(s)\" is not an identifier (letters, digits and _, not starting with a digit); code reading the extracted data may trip on it")
                }
            }
        }

        /// Rules across the fields of one record.
        mutating func recordRules(_ o: JSONObject, spec: FieldSpec, at path: JSONPath) {
            switch spec.key {
            case "structured_output_config", "input_schema":
                if o["type"]?.stringValue == "enum" {
                    let options = o["enum_options"]
                    if options == nil || options?.arrayValue?.isEmpty == true {
                        error(path.appending("enum_options"), "an enum field needs at least one option in enum_options")
                    }
                }
            case "calling_windows":
                if let a = o["calling_window_start_time"]?.stringValue.flatMap(TextFormats.clockMinutes),
                   let b = o["calling_window_end_time"]?.stringValue.flatMap(TextFormats.clockMinutes), a >= b {
                    error(path.appending("calling_window_end_time"),
                          "the window must end after it starts (\(o["calling_window_start_time"]!.stringValue!) to \(o["calling_window_end_time"]!.stringValue!))")
                }
            default: break
            }
        }

        /// first_sentence depends on the mode: required words for static, a hint for generated.
        mutating func firstSentenceRules(_ obj: JSONObject) {
            let mode = obj["first_sentence_mode"].map { $0.stringValue } ?? "generated"
            let sentence = obj["first_sentence"]
            let path = JSONPath().appending("first_sentence")
            switch (mode, sentence) {
            case ("static", nil):
                error(path, "first_sentence is required when first_sentence_mode is \"static\" (it is spoken word for word)")
            case ("static", .string(let s)?) where TextFormats.isBlank(s):
                error(path, "first_sentence must not be blank when first_sentence_mode is \"static\" (it is spoken word for word)")
            case ("generated", .string(let s)?) where TextFormats.isBlank(s):
                warning(path, "first_sentence is blank: the LLM gets no instruction for its opener")
            default: break
            }
        }

        /// A prompt the model cannot take in whole is sent all the same (the server may cut it or
        /// refuse the call), so it is a warning that gives the sizes.
        mutating func promptSizeRule(_ obj: JSONObject) {
            guard case .string(let prompt)? = obj["prompt"] else { return }
            let size = prompt.utf8.count
            let chosen = ModelContext.of(obj)
            let window = chosen ?? ModelContext.largest
            guard size > window.bytes else { return }
            let tokens = Double(size / ModelContext.bytesPerToken) / 1_000_000
            let limit = "\(ModelContext.grouped(window.tokens)) tokens, about \(ModelContext.megabytes(window.bytes))"
            let over = chosen.map { "\($0.model)'s context window (\(limit)), so the model cannot read it whole" }
                ?? "the largest context window of the models the API offers (\(window.model)'s, \(limit)), so no model can read it whole"
            warning(JSONPath().appending("prompt"),
                    "the prompt is \(ModelContext.megabytes(size)), about \(fmt1(tokens)) million tokens (at \(ModelContext.bytesPerToken) bytes a token): more than \(over); shorten it")
        }

        func fmt1(_ d: Double) -> String {
            let tenths = Int((d * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }

        /// A transfer mode means nothing without a destination.
        mutating func transferRules(_ obj: JSONObject) {
            guard case .string? = obj["human_transfer_mode"] else { return }
            let destinations = obj["transfer_destinations"]?.arrayValue ?? []
            if destinations.isEmpty {
                warning(JSONPath().appending("human_transfer_mode"),
                        "human_transfer_mode is only used when transfer_destinations has a destination; it will be ignored")
            }
        }

        /// Links must join blocks that exist.
        mutating func promptFlowRules(_ obj: JSONObject) {
            guard let flow = obj["prompt_flow"]?.objectValue, let edges = flow["edges"]?.arrayValue else { return }
            let ids = Set((flow["nodes"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue })
            for (i, edge) in edges.enumerated() {
                for end in ["source", "target"] {
                    guard let id = edge.objectValue?[end]?.stringValue, !TextFormats.isBlank(id), !ids.contains(id) else { continue }
                    error(JSONPath().appending("prompt_flow").appending("edges").appending(i).appending(end),
                          "no block has the id \"\(id)\" (the link's \(end == "source" ? "start" : "end") must be one of prompt_flow.nodes)")
                }
            }
        }

        func list(_ values: [String]) -> String {
            let quoted = values.map { "\"\($0)\"" }
            return quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        }

        func fmt(_ d: Double) -> String {
            if d == d.rounded(.towardZero), abs(d) < 1e16 { return String(Int64(d)) }
            return String(d)
        }
    }
}
