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

    /// The response shape: `id`, every request field in reference order (defaults filled, absent
    /// optional ones null), then the server's fields. FAQ items get the ids the API adds.
    var json: JSONObject {
        var out = JSONObject()
        out["id"] = .string(id)
        for key in CanonicalJSON.requestKeyOrder {
            var value = request[key] ?? Self.defaults[key] ?? .null
            if value.isNull, let d = Self.defaults[key] { value = d }
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
