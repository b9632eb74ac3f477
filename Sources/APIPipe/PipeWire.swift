import AssistantModel
import RevoxInterface

/// The messages between the wizard and its networking helper: one JSON document a line (the JSON
/// module's compact encoding escapes every line break inside strings), over a Unix socket pair.
///
/// The first line from the wizard is the hello, the connection to make (the key travels here, never
/// in the helper's argv or environment); then requests `{"id", "call", "assistant_id"?, "body"?}`,
/// each answered by `{"id", "result"}` or `{"id", "error"}`, in any order.
package enum PipeWire {
    package enum Call: String, Sendable {
        case create, update, get, list, delete, voices

        package var method: String {
            switch self {
            case .create: return "POST"
            case .update: return "PATCH"
            case .get, .list, .voices: return "GET"
            case .delete: return "DELETE"
            }
        }
    }

    package struct Request: Sendable, Equatable {
        package let id: Int
        package let call: Call
        package var assistantID: String?
        package var body: JSONValue?

        package init(id: Int, call: Call, assistantID: String? = nil, body: JSONValue? = nil) {
            self.id = id
            self.call = call
            self.assistantID = assistantID
            self.body = body
        }

        /// The API path, for errors made on this side of the pipe.
        package var path: String {
            switch call {
            case .create, .list: return "/assistants"
            case .update, .get, .delete: return "/assistants/\(assistantID ?? "")"
            case .voices: return "/voices"
            }
        }
    }

    /// One line: the value's compact JSON and a newline.
    package static func line(_ value: JSONValue) -> [UInt8] { JSONEncoding.compact(value) + [0x0A] }

    // MARK: - Hello

    package static func hello(_ c: APIConnection) -> JSONValue {
        var o = JSONObject()
        o["timeout_ms"] = .number(JSONNumber(Int(c.timeout.components.seconds * 1000 + c.timeout.components.attoseconds / 1_000_000_000_000_000)))
        switch c {
        case .sandbox(_, let api):
            o["sandbox"] = .bool(true)
            o["api"] = .string(api.rawValue)
        case .remote(let config):
            o["sandbox"] = .bool(false)
            o["base_url"] = .string(config.baseURL)
            o["api_key"] = config.apiKey.map { .string($0.secret) } ?? .null
            let (kind, path): (String, String?) = switch config.keySource {
            case .environment: ("environment", nil)
            case .file(let p): ("file", p)
            case .flagFile(let p): ("flag_file", p)
            case .explicit: ("explicit", nil)
            case .none: ("none", nil)
            }
            o["key_source"] = .string(kind)
            if let path { o["key_path"] = .string(path) }
        }
        return .object(JSONObject([("hello", .object(o))]))
    }

    package static func connection(fromHello value: JSONValue) throws(ConfigurationError) -> APIConnection {
        guard let o = value.objectValue?["hello"]?.objectValue, let ms = o["timeout_ms"]?.numberValue?.intValue else {
            throw ConfigurationError(.invalidBaseURL, "the networking helper was not told what to connect to")
        }
        let timeout = Duration.milliseconds(ms)
        if o["sandbox"]?.boolValue == true {
            return .sandbox(timeout: timeout, api: o["api"]?.stringValue.flatMap(APIGeneration.init(rawValue:)) ?? .default)
        }
        let path = o["key_path"]?.stringValue ?? ""
        let source: RevoxConfiguration.KeySource = switch o["key_source"]?.stringValue {
        case "environment": .environment
        case "file": .file(path)
        case "flag_file": .flagFile(path)
        case "none": .none
        default: .explicit
        }
        return .remote(try RevoxConfiguration(baseURL: o["base_url"]?.stringValue ?? "", apiKey: o["api_key"]?.stringValue.flatMap(APIKey.init),
                                              keySource: source, timeout: timeout))
    }

    // MARK: - Requests

    package static func encode(_ r: Request) -> JSONValue {
        var o = JSONObject([("id", .number(JSONNumber(r.id))), ("call", .string(r.call.rawValue))])
        if let a = r.assistantID { o["assistant_id"] = .string(a) }
        if let b = r.body { o["body"] = b }
        return .object(o)
    }

    package static func request(_ value: JSONValue) -> Request? {
        guard let o = value.objectValue, let id = o["id"]?.numberValue?.intValue,
              let call = o["call"]?.stringValue.flatMap(Call.init(rawValue:)) else { return nil }
        return Request(id: Int(id), call: call, assistantID: o["assistant_id"]?.stringValue, body: o["body"])
    }

    // MARK: - Answers

    package static func answer(id: Int, _ result: Result<JSONValue, RevoxError>) -> JSONValue {
        switch result {
        case .success(let v): return .object(JSONObject([("id", .number(JSONNumber(id))), ("result", v)]))
        case .failure(let e): return .object(JSONObject([("id", .number(JSONNumber(id))), ("error", encode(e))]))
        }
    }

    /// The id and the result of an answer line; nil for a line that is not one.
    package static func answer(_ value: JSONValue) -> (Int, Result<JSONValue, RevoxError>)? {
        guard let o = value.objectValue, let id = o["id"]?.numberValue?.intValue else { return nil }
        if let e = o["error"].flatMap(error(_:)) { return (Int(id), .failure(e)) }
        guard let r = o["result"] else { return nil }
        return (Int(id), .success(r))
    }

    package static func encode(_ e: RevoxError) -> JSONValue {
        var o = JSONObject()
        o["kind"] = .string(e.kind.rawValue)
        o["method"] = .string(e.method)
        o["path"] = .string(e.path)
        if let s = e.status { o["status"] = .number(JSONNumber(s)) }
        o["field_errors"] = .array(e.fieldErrors.map { .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) })
        if let ra = e.retryAfter, let n = JSONNumber(ra) { o["retry_after"] = .number(n) }
        o["raw_body"] = .string(e.rawBody)
        if let m = e.serverMessage { o["server_message"] = .string(m) }
        if let d = e.detail { o["detail"] = .string(d) }
        o["message"] = .string(e.message)
        o["suggestion"] = .string(e.suggestion)
        return .object(o)
    }

    package static func error(_ v: JSONValue) -> RevoxError? {
        guard let o = v.objectValue, let kind = o["kind"]?.stringValue.flatMap(RevoxError.Kind.init(rawValue:)) else { return nil }
        let fields = (o["field_errors"]?.arrayValue ?? []).compactMap { f -> FieldError? in
            guard let p = f.objectValue?["path"]?.stringValue, let m = f.objectValue?["message"]?.stringValue else { return nil }
            return FieldError(path: p, message: m)
        }
        return RevoxError(
            kind: kind, method: o["method"]?.stringValue ?? "", path: o["path"]?.stringValue ?? "",
            status: o["status"]?.numberValue?.intValue.map { Int($0) }, fieldErrors: fields,
            retryAfter: o["retry_after"]?.numberValue?.doubleValue, rawBody: o["raw_body"]?.stringValue ?? "",
            serverMessage: o["server_message"]?.stringValue, detail: o["detail"]?.stringValue,
            message: o["message"]?.stringValue ?? "", suggestion: o["suggestion"]?.stringValue ?? "")
    }
}
