import AssistantModel
import Foundation

/// An assistant the sandbox holds: the request fields as last accepted, and the server's own fields.
struct StoredAssistant: Sendable {
    let id: String
    var request: JSONObject
    let createdAt: String
    var updatedAt: String

    static let organizationID = "org_sandbox"

    /// What the API fills in when a field is left out. The SDK 0.1.1 response types require these
    /// five to be present and not null; the other optional fields come back as null.
    /// `max_call_duration_secs` has no published default: 600 s is the sandbox's choice.
    static let defaults: [String: JSONValue] = [
        "first_sentence_mode": "generated",
        "first_sentence_delay_ms": 400,
        "llm_model": ["type": "dedicated-instance", "name": "gpt-4.1"],
        "max_call_duration_secs": 600,
        "ivr_navigation_enabled": false,
    ]

    /// What the latest generation's server fills in besides: the SDK 0.5.0 `Assistant` type
    /// requires these. Where the schema documents a default it is used; the volumes and the
    /// probability have none published, and 0.5 is the sandbox's choice.
    static let latestDefaults: [String: JSONValue] = {
        var d = defaults
        for key in ["sms_enabled", "stt_model", "type"] {
            d[key] = AssistantSchema.fields(for: .latest).first { $0.key == key }?.defaultValue
        }
        for key in ["background_sound_volume", "thinking_sound_probability", "thinking_sound_volume"] {
            d[key] = .number(JSONNumber(literal: "0.5")!)
        }
        return d
    }()

    /// The keys the latest generation added to `call_retry_config`, which its server defaults when
    /// a client leaves them out (as clients of older generations do): from the schema's defaults.
    static let latestRetryDefaults: [(String, JSONValue)] = ["allowed_days", "call_twice_in_a_row"].compactMap { key in
        AssistantSchema.field(at: JSONPath([.key("call_retry_config"), .key(key)]), api: .latest)?.defaultValue.map { (key, $0) }
    }

    /// A latest-generation request with the server's defaults inside `call_retry_config` filled in.
    static func fillingLatestDefaults(_ request: JSONObject) -> JSONObject {
        guard case .object(var retry)? = request["call_retry_config"] else { return request }
        for (key, value) in latestRetryDefaults where retry[key] == nil { retry[key] = value }
        var out = request
        out["call_retry_config"] = .object(retry)
        return out
    }

    /// The response shape in the seed generation.
    var json: JSONObject { json(for: .seed) }

    /// The response shape: `id`, every request field of the generation in canonical order
    /// (defaults filled, absent optional ones null), then the server's fields. FAQ items get the ids the API adds.
    func json(for api: APIGeneration) -> JSONObject {
        let defaults = api == .seed ? Self.defaults : Self.latestDefaults
        var out = JSONObject()
        out["id"] = .string(id)
        for key in CanonicalJSON.requestKeyOrder(for: api) {
            var value = request[key] ?? defaults[key] ?? .null
            if value.isNull, let d = defaults[key] { value = d }
            if key == "faq_items", case .array(let items) = value {
                value = .array(items.enumerated().map { n, item in
                    guard case .object(var o) = item else { return item }
                    if o["id"] == nil { o["id"] = .string("\(id)-faq-\(n + 1)") }
                    if o["needs_human_answer"] == nil { o["needs_human_answer"] = false }
                    if o["source"] == nil { o["source"] = "human" }
                    return .object(o)
                })
            }
            out[key] = value
        }
        out["organization_id"] = .string(Self.organizationID)
        out["created_at"] = .string(createdAt)
        out["updated_at"] = .string(updatedAt)
        out["pending_faq_count"] = 0
        return out
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
