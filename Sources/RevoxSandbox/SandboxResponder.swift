import AssistantModel
import Hummingbird
import NIOCore

/// The request context, carrying the connection so the drop-after-create fault can close it.
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// The API's routes, by hand: five paths do not need a router, and doing it here keeps the 404 and
/// 405 answers in the API's JSON error shape.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxContext
    let state: SandboxState
    /// The API generation whose shapes the sandbox answers in and whose rules it validates by.
    var api: APIGeneration = .seed
    static let maxBody = 1 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method.rawValue
        let fullPath = request.uri.string.isEmpty ? "/" : request.uri.string
        let body: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: Self.maxBody)
            body = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            return Self.error(413, "payload_too_large", "the request body is larger than \(Self.maxBody) bytes")
        } catch {
            // Cut off before its Content-Length, or a chunk size that is not hex: the body is malformed, not large.
            return Self.error(400, "bad_request", "the request body could not be read whole (cut off before its Content-Length, or bad chunked encoding)")
        }
        let auth = request.headers[.authorization]
        await state.record(ReceivedRequest(method: method, path: fullPath, body: body, hadAuthorization: auth != nil))

        let faults = await state.faults
        if faults.latency > .zero { try? await Task.sleep(for: faults.latency) }

        guard let auth, auth.lowercased().hasPrefix("bearer "),
              !auth.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces).isEmpty else {
            return Self.error(401, "unauthorized", "missing API key: send 'Authorization: Bearer <key>' (the sandbox accepts any non-empty key)")
        }
        if await state.fires("serverError", \.serverError) {
            return Self.error(500, "internal_error", "sandbox: injected server error")
        }
        if await state.fires("forced", \.forced) {
            return Self.error(faults.forcedStatus, "injected", "sandbox: injected status \(faults.forcedStatus)")
        }
        if await state.fires("rateLimit", \.rateLimit) {
            var r = Self.error(429, "rate_limited", "sandbox: injected rate limit; retry after \(faults.retryAfterSeconds) s")
            r.headers[.retryAfter] = String(faults.retryAfterSeconds)
            return r
        }

        var response = await route(method: method, path: request.uri.path, body: body, context: context)
        if response.status.code < 300, await state.fires("notJSON", \.notJSON) {
            response = Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "<html><body><h1>502 Bad Gateway</h1>\u{1B}[31mupstream\u{7} error</body></html>")))
        }
        return response
    }

    private func route(method: String, path rawPath: String, body: [UInt8], context: Context) async -> Response {
        var path = rawPath
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/").map(String.init)
        switch (method, parts.count, parts.first) {
        case ("GET", 1, "voices"):
            return Self.json(200, .object(JSONObject([("voices", .array(BuiltInVoices.all.map(Self.voiceJSON)))])))
        case ("GET", 1, "assistants"):
            let all = await state.list().map { JSONValue.object($0.json(for: api)) }
            return Self.json(200, .object(JSONObject([("assistants", .array(all))])))
        case ("POST", 1, "assistants"):
            return await create(body, context: context)
        case ("GET", 2, "assistants"):
            guard let a = await state.get(parts[1]) else { return Self.notFound(parts[1]) }
            return Self.json(200, .object(a.json(for: api)))
        case ("PATCH", 2, "assistants"):
            return await update(parts[1], body)
        case ("DELETE", 2, "assistants"):
            guard await state.delete(parts[1]) else { return Self.notFound(parts[1]) }
            return Self.json(200, .object(JSONObject([("success", true)])))
        case (_, 1, "voices"):
            return Self.methodNotAllowed(method, path, allow: "GET")
        case (_, 1, "assistants"):
            return Self.methodNotAllowed(method, path, allow: "GET, POST")
        case (_, 2, "assistants"):
            return Self.methodNotAllowed(method, path, allow: "GET, PATCH, DELETE")
        default:
            return Self.error(404, "not_found", "no route \(method) \(path); the sandbox serves /voices and /assistants")
        }
    }

    private func create(_ body: [UInt8], context: Context) async -> Response {
        let object: JSONObject
        switch Self.parseObject(body) {
        case .failure(let f): return f.response
        case .success(let o): object = o
        }
        let request = api == .latest ? StoredAssistant.fillingLatestDefaults(object) : object
        if let r = Self.unprocessable(Validator.validate(.object(request), api: api)) { return r }
        let stored = await state.create(requestFields(request))
        if await state.fires("dropAfterCreate", \.dropAfterCreate) {
            // Stored, and never answered: the client must not assume it failed.
            try? await context.channel.close()
        }
        return Self.json(200, .object(JSONObject([("assistant", .object(stored.json(for: api)))])))
    }

    private func update(_ id: String, _ body: [UInt8]) async -> Response {
        let changes: JSONObject
        switch Self.parseObject(body) {
        case .failure(let f): return f.response
        case .success(let o): changes = o
        }
        guard let current = await state.get(id) else { return Self.notFound(id) }
        var merged = current.request
        for (k, v) in changes { merged[k] = v }
        merged = merged.ordered(by: CanonicalJSON.requestKeyOrder(for: api))
        if api == .latest { merged = StoredAssistant.fillingLatestDefaults(merged) }
        if let r = Self.unprocessable(Validator.validate(.object(merged), api: api)) { return r }
        guard let updated = await state.replace(id: id, request: requestFields(merged)) else { return Self.notFound(id) }
        return Self.json(200, .object(JSONObject([("assistant", .object(updated.json(for: api)))])))
    }

    /// Only the request fields are kept: the API does not echo keys it does not know.
    private func requestFields(_ o: JSONObject) -> JSONObject {
        var out = JSONObject()
        for k in CanonicalJSON.requestKeyOrder(for: api) { if let v = o[k] { out[k] = v } }
        return out
    }

    private static func parseObject(_ body: [UInt8]) -> Result<JSONObject, ResponseFailure> {
        if body.isEmpty { return .failure(ResponseFailure(error(400, "bad_request", "the request body is empty; send a JSON object"))) }
        do {
            let v = try JSONParser.parse(body)
            guard case .object(let o) = v else {
                return .failure(ResponseFailure(error(400, "bad_request", "the request body must be a JSON object, not \(v.typeDescription)")))
            }
            return .success(o)
        } catch {
            return .failure(ResponseFailure(Self.error(400, "bad_request", "the request body is not valid JSON: \(error.description)")))
        }
    }

    /// 422 with every error the model's validator found, each with its JSON path and message.
    private static func unprocessable(_ issues: [ValidationIssue]) -> Response? {
        let errors = issues.errors
        guard !errors.isEmpty else { return nil }
        let list = errors.map { JSONValue.object(JSONObject([("path", .string($0.path.description)), ("message", .string($0.message))])) }
        let n = errors.count
        return json(422, .object(JSONObject([
            ("error", "validation_error"),
            ("message", .string("\(n) field\(n == 1 ? " is" : "s are") invalid")),
            ("errors", .array(list)),
        ])))
    }

    static func voiceJSON(_ v: BuiltInVoices.Entry) -> JSONValue {
        .object(JSONObject([
            ("id", .string(v.id)), ("name", .string(v.name)), ("description", .string(v.description)),
            ("language", .string(v.language)), ("provider", .string(v.provider)),
        ]))
    }

    static func json(_ status: Int, _ value: JSONValue) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: JSONEncoding.compact(value))))
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> Response {
        json(status, .object(JSONObject([("error", .string(code)), ("message", .string(message))])))
    }

    static func notFound(_ id: String) -> Response {
        error(404, "not_found", "no assistant with id '\(id)'")
    }

    static func methodNotAllowed(_ method: String, _ path: String, allow: String) -> Response {
        var r = error(405, "method_not_allowed", "\(method) is not allowed on \(path); use \(allow)")
        r.headers[.allow] = allow
        return r
    }
}

struct ResponseFailure: Error {
    let response: Response
    init(_ r: Response) { response = r }
}
