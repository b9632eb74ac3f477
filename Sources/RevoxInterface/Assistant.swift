import AssistantModel

/// An assistant as the server returned it: the whole JSON object (unknown keys kept, so nothing the
/// server sends is lost) with typed accessors for what screens and commands use.
public struct Assistant: Sendable, Hashable {
    public let json: JSONObject

    /// nil unless the object has a non-empty string `id`: an assistant without one is not usable.
    public init?(json: JSONObject) {
        guard let id = json["id"]?.stringValue, !id.isEmpty else { return nil }
        self.json = json
    }

    public var id: String { json["id"]?.stringValue ?? "" }
    public var name: String? { json["name"]?.stringValue }
    public var prompt: String? { json["prompt"]?.stringValue }
    public var organizationID: String? { json["organization_id"]?.stringValue }
    /// Opaque strings (ISO-8601 in practice); shown as sent.
    public var createdAt: String? { timestamp("created_at") }
    public var updatedAt: String? { timestamp("updated_at") }
    public var voiceID: String? { json["voice"]?.objectValue?["id"]?.stringValue }
    public var voiceProvider: String? { json["voice"]?.objectValue?["provider"]?.stringValue }
    public var firstSentenceMode: String? { json["first_sentence_mode"]?.stringValue }
    public var pendingFAQCount: Int? { json["pending_faq_count"]?.numberValue?.doubleValue.map { Int($0) } }

    /// The API generation this assistant's server speaks, told by the keys it sent.
    public var generation: APIGeneration { APIGeneration.resolve(nil, for: .object(json)) }

    /// The request fields of this assistant as a body that could be sent again: every request key
    /// of its generation (the seed's 18, the latest's 45), nulls dropped except where null means
    /// something (`background_sound`, `voicemail_message`, …), server-added keys inside FAQ items
    /// removed. For "server copy" views, for editing by id and for diffing a draft against the server.
    public var requestBody: JSONObject {
        let fields = AssistantSchema.fields(for: generation)
        let nullable = Set(fields.filter(\.nullable).map(\.key))
        var out = JSONObject()
        for key in fields.map(\.key) {
            guard let v = json[key] else { continue }
            if v.isNull && !nullable.contains(key) { continue }
            if key == "faq_items", case .array(let items) = v {
                out[key] = .array(items.map { item in
                    guard case .object(var o) = item else { return item }
                    for k in ["id", "needs_human_answer", "source"] { o[k] = nil }
                    return .object(o)
                })
            } else {
                out[key] = v
            }
        }
        return out
    }

    private func timestamp(_ key: String) -> String? {
        switch json[key] {
        case .string(let s)?: return s
        case .number(let n)?: return n.literal
        default: return nil
        }
    }
}

/// A voice from `GET /voices`. The five documented fields are always present (empty when the server
/// left one out); newer servers' extras are kept when they come.
public struct Voice: Sendable, Hashable {
    public let id: String
    public let name: String
    public let description: String
    public let language: String
    public let provider: String
    public let accent: String?
    public let gender: String?
    public let isCloned: Bool?
    /// The whole object as received, for anything not decoded above.
    public let json: JSONObject

    public init(id: String, name: String, description: String, language: String, provider: String,
                accent: String? = nil, gender: String? = nil, isCloned: Bool? = nil, json: JSONObject? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.language = language
        self.provider = provider
        self.accent = accent
        self.gender = gender
        self.isCloned = isCloned
        self.json = json ?? JSONObject([
            ("id", .string(id)), ("name", .string(name)), ("description", .string(description)),
            ("language", .string(language)), ("provider", .string(provider)),
        ])
    }

    /// nil unless `id` is a non-empty string: a voice without an id cannot be chosen.
    public init?(json: JSONObject) {
        guard let id = json["id"]?.stringValue, !id.isEmpty else { return nil }
        self.init(
            id: id,
            name: json["name"]?.stringValue ?? id,
            description: json["description"]?.stringValue ?? "",
            language: json["language"]?.stringValue ?? "",
            provider: json["provider"]?.stringValue ?? "",
            accent: json["accent"]?.stringValue,
            gender: json["gender"]?.stringValue,
            isCloned: json["isCloned"]?.boolValue,
            json: json)
    }
}
