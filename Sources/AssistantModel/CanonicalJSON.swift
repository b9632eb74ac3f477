/// The bytes of a request body as `preview` prints them and `submit` sends them.
public enum CanonicalJSON {
    /// Top-level keys of `POST /assistants` in the order of the API reference; unknown keys follow.
    public static var requestKeyOrder: [String] { AssistantSchema.fields.map(\.key) }

    /// One generation's top-level keys, in canonical order.
    public static func requestKeyOrder(for api: APIGeneration) -> [String] {
        api == .seed ? requestKeyOrder : AssistantSchema.fields(for: api).map(\.key)
    }

    /// The top-level keys of every generation, in declaration order: what a body read from a
    /// server of either generation may hold and a copy of it should keep.
    public static var allRequestKeys: [String] { AssistantSchema.current.allKeys }

    /// Known keys in schema order at every level (voice, llm_model, structured output fields, call
    /// retry config and its windows, FAQ items, Calendly), unknown keys after them in their given
    /// order, values and number literals untouched. The same body always gives the same bytes.
    public static func encode(_ body: JSONValue, api: APIGeneration = .seed) -> [UInt8] {
        JSONEncoding.pretty(ordered(body, api: api))
    }

    /// The body with its keys in canonical order (the generation's schema order).
    public static func ordered(_ body: JSONValue, api: APIGeneration = .seed) -> JSONValue {
        reorder(body, AssistantSchema.body(for: api)) ?? body
    }

    /// The value in canonical order, or nil when it is in that order already: a draft saved by
    /// this program is, so encoding it copies nothing (1,000 FAQ items were 1,000 new objects).
    private static func reorder(_ value: JSONValue, _ spec: FieldSpec) -> JSONValue? {
        switch (value, spec.kind) {
        case (.object(let o), .object), (.object(let o), .variants):
            let order = AssistantSchema.keyOrder(spec, value: o)
            var out: JSONObject? = isOrdered(o.keys, by: order) ? nil : o.ordered(by: order)
            for child in spec.children where child.children.isEmpty == false {
                if let v = (out ?? o)[child.key], let r = reorder(v, child) {
                    if out == nil { out = o }
                    out![child.key] = r
                }
            }
            return out.map { .object($0) }
        case (.array(let items), .records(let fields, _)):
            let item = FieldSpec(key: "", path: spec.path + "[]", label: spec.label, help: "", kind: .object(fields))
            var out: [JSONValue]?
            for (n, v) in items.enumerated() {
                guard let r = reorder(v, item) else { continue }
                if out == nil { out = items }
                out![n] = r
            }
            return out.map { .array($0) }
        default:
            return nil
        }
    }

    /// True when `keys` are already as `JSONObject.ordered(by:)` would put them: the preferred
    /// ones in their order, all before the others.
    static func isOrdered(_ keys: [String], by preferred: [String]) -> Bool {
        var next = 0
        var sawOther = false
        for k in keys {
            // A key placed before the last preferred one seen (or named twice there) is out of order.
            if preferred[..<next].contains(k) { return false }
            if let at = preferred[next...].firstIndex(of: k) {
                if sawOther { return false }
                next = at + 1
            } else {
                sawOther = true
            }
        }
        return true
    }
}
