import AssistantModel

/// Reads an error body whose shape the API does not document: finds a human message and the field
/// messages, whichever common convention the server used.
enum ErrorBody {
    /// Field errors from shapes seen in the wild:
    /// - the sandbox's `{"errors": [{"path": "voice.speed", "message": …}]}`
    /// - FastAPI/pydantic `{"detail": [{"loc": ["body", "voice", "speed"], "msg": …}]}`
    /// - zod `{"issues": [{"path": ["voice", "speed"], "message": …}]}` (also nested under `error`)
    /// - JSON Schema `{"errors": [{"instancePath": "/voice/speed", "message": …}]}`
    /// - `{"errors": {"name": ["is required"]}}` and zod's flatten `{"fieldErrors": {"name": [...]}}`
    static func fieldErrors(in body: JSONValue) -> [FieldError] {
        var found = [FieldError]()
        collect(body, depth: 0, into: &found)
        var seen = Set<FieldError>()
        return found.filter { seen.insert($0).inserted }
    }

    private static func collect(_ v: JSONValue, depth: Int, into out: inout [FieldError]) {
        guard depth < 4 else { return }
        switch v {
        case .array(let items):
            for item in items {
                if let fe = fieldError(item) { out.append(fe) } else { collect(item, depth: depth + 1, into: &out) }
            }
        case .object(let obj):
            for (key, value) in obj {
                if ["errors", "fieldErrors", "field_errors"].contains(key), case .object(let map) = value {
                    for (field, msgs) in map {
                        for m in messages(msgs) { out.append(FieldError(path: field, message: m)) }
                    }
                } else if case .array = value {
                    collect(value, depth: depth + 1, into: &out)
                } else if case .object = value, ["error", "detail", "details"].contains(key) {
                    collect(value, depth: depth + 1, into: &out)
                }
            }
        default:
            break
        }
    }

    private static func fieldError(_ item: JSONValue) -> FieldError? {
        guard case .object(let o) = item else { return nil }
        guard let message = (o["message"] ?? o["msg"] ?? o["detail"])?.stringValue else { return nil }
        for key in ["path", "loc", "field", "instancePath", "pointer", "param"] {
            guard let p = o[key] else { continue }
            if let path = jsonPath(p) { return FieldError(path: path, message: message) }
        }
        return nil
    }

    /// `["body", "faq_items", 2, "answer"]`, `"/faq_items/2/answer"` or `"faq_items.2.answer"` →
    /// `faq_items[2].answer`. Built from the parts, so a key the server names with a dot or a space
    /// in it (`["voice", "a.b"]`) stays one key: `voice["a.b"]`.
    static func jsonPath(_ v: JSONValue) -> String? {
        var parts = [JSONValue]()
        switch v {
        case .array(let a):
            parts = a
        case .string(let s):
            if s.isEmpty { return "" }
            if s.contains("[") { return s }
            let separator: Character = s.hasPrefix("/") ? "/" : "."
            parts = s.split(separator: separator).map { seg in
                if let n = Int(seg) { return .number(JSONNumber(n)) }
                return .string(String(seg))
            }
        default:
            return nil
        }
        if case .string("body")? = parts.first, parts.count > 1 { parts.removeFirst() }
        var path = JSONPath()
        for p in parts {
            switch p {
            case .number(let n): guard let i = n.intValue else { return nil }; path = path.appending(Int(i))
            case .string(let s) where Int(s) != nil && !path.isRoot: path = path.appending(Int(s)!)
            case .string(let s): path = path.appending(s)
            default: return nil
            }
        }
        return path.description
    }

    private static func messages(_ v: JSONValue) -> [String] {
        switch v {
        case .string(let s): return [s]
        case .array(let a): return a.compactMap { $0.stringValue ?? $0.objectValue?["message"]?.stringValue }
        default: return []
        }
    }

    /// The server's own summary: `message`, `error` (string, or an object with `message`), or a
    /// string `detail` or `errors`.
    static func message(in body: JSONValue) -> String? {
        guard case .object(let o) = body else { return body.stringValue }
        if let m = o["message"]?.stringValue, !m.isEmpty { return m }
        if let e = o["error"] {
            if let s = e.stringValue, !s.isEmpty { return s }
            if let m = e.objectValue?["message"]?.stringValue, !m.isEmpty { return m }
        }
        if let d = o["detail"]?.stringValue, !d.isEmpty { return d }
        if let e = o["errors"]?.stringValue, !e.isEmpty { return e }
        return nil
    }
}
