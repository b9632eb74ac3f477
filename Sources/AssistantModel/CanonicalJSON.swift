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
        reorder(body, AssistantSchema.body(for: api))
    }

    private static func reorder(_ value: JSONValue, _ spec: FieldSpec) -> JSONValue {
        switch (value, spec.kind) {
        case (.object(let o), .object), (.object(let o), .variants):
            let order = AssistantSchema.keyOrder(spec, value: o)
            var out = o.ordered(by: order)
            for child in spec.children where child.children.isEmpty == false {
                if let v = out[child.key] { out[child.key] = reorder(v, child) }
            }
            return .object(out)
        case (.array(let items), .records(let fields, _)):
            let item = FieldSpec(key: "", path: spec.path + "[]", label: spec.label, help: "", kind: .object(fields))
            return .array(items.map { reorder($0, item) })
        default:
            return value
        }
    }
}
