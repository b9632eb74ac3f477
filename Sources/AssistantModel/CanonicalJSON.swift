/// The bytes of a request body as `preview` prints them and `submit` sends them.
public enum CanonicalJSON {
    /// Top-level keys of `POST /assistants` in the order of the API reference; unknown keys follow.
    public static let requestKeyOrder = [
        "name", "prompt", "first_sentence", "first_sentence_mode", "first_sentence_delay_ms",
        "end_of_call_sentence", "voice", "llm_model", "webhook_url", "max_call_duration_secs",
        "structured_output_config", "call_retry_config", "background_sound", "transfer_phone_number",
        "ivr_navigation_enabled", "voicemail_message", "faq_items", "calendly",
    ]

    public static func encode(_ body: JSONValue) -> [UInt8] {
        guard case .object(let obj) = body else { return JSONEncoding.pretty(body) }
        return JSONEncoding.pretty(.object(obj.ordered(by: requestKeyOrder)))
    }
}
