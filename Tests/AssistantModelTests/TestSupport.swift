import Testing
@testable import AssistantModel

/// A valid body with every field set, the base the rule tests change one thing in.
func fullBody() -> JSONValue {
    try! JSONParser.parse("""
    {
      "name": "Dental clinic",
      "prompt": "You book appointments for {{clinic}}.",
      "first_sentence": "Hello, this is the clinic.",
      "first_sentence_mode": "static",
      "first_sentence_delay_ms": 400,
      "end_of_call_sentence": "Goodbye!",
      "voice": {"id": "voice-1", "provider": "cartesia", "speed": 1.0},
      "llm_model": {"type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "openai"},
      "webhook_url": "https://example.com/hooks/revox",
      "max_call_duration_secs": 600,
      "structured_output_config": [
        {"name": "email", "type": "string", "required": true, "description": "Caller email"},
        {"name": "plan", "type": "enum", "required": false, "enum_options": ["basic", "pro"]}
      ],
      "call_retry_config": {
        "calling_windows": [{"calling_window_start_time": "09:00", "calling_window_end_time": "6pm", "retry_delay_seconds": 7200}],
        "max_retry_attempts": 3,
        "timezone": "Europe/Paris"
      },
      "background_sound": "audio/office.ogg",
      "transfer_phone_number": "+14155550100",
      "ivr_navigation_enabled": true,
      "voicemail_message": "Please call back.",
      "faq_items": [{"question": "Open on Sunday?", "answer": "No."}],
      "calendly": {"connection_id": "conn-1", "event_type_id": "https://api.calendly.com/event_types/abc"}
    }
    """)
}

/// The full body with one change at a path (nil unsets).
func body(_ path: String, _ value: JSONValue?, base: JSONValue = fullBody()) -> JSONValue {
    var b = base
    try! b.set(path, to: value)
    return b
}

func json(_ text: String) -> JSONValue { try! JSONParser.parse(text) }

/// The issues at exactly this path.
func issues(_ b: JSONValue, at path: String) -> [ValidationIssue] { Validator.validate(b).filter { $0.path == JSONPath(parsing: path) } }
