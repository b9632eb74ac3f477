import AssistantModel
import Foundation
import RevoxClient
import Testing
@testable import Wizard

@Suite("Accessible mode")
struct AccessibleWizardTests {
    /// Every step, both kinds of list, null choices, a filtered voice pick, a multi-line prompt.
    static let fullScript: [String] = [
        // 1 Basics
        "Dental clinic",
        "\"\"\"", "You answer calls for {{company}}.", "Be brief: ☎️ 日本語.", "\"\"\"",
        // 2 Voice: filter, pick, keep the provider, speed
        "fr", "2", "", "1.1",
        // 3 First sentence: static, the sentence, the delay
        "3", "Hello, this is the Dental clinic.", "600",
        // 4 Call behaviour
        "Goodbye!", "900",
        "2",                     // background sound: none (null)
        "3", "+14155550100",     // transfer: set a value
        "yes",                   // IVR navigation
        "null",                  // voicemail: hang up without a message
        "https://example.com/hook",
        // 5 Model: OpenRouter
        "OpenRouter", "openai/gpt-4.1", "openai",
        // 6 FAQ
        "add", "What are your hours?", "9 to 5.",
        "add", "Do you take walk-ins?", "Yes.",
        "done",
        // 7 Structured output: three fields, one an enum; the last moved up
        "add", "email", "", "yes", "The caller's email",
        "add", "size", "4", "no", "", "small, medium, large",
        "add", "callback", "3", "", "",
        "move 3 up", "done",
        // 8 Call retry: two windows, retries, a time zone found by part of its name
        "2",
        "add", "09:00", "", "",
        "add", "14:00", "17:00", "3600",
        "",
        "4",
        "3", "paris", "1",
        // 9 Calendly
        "2", "conn_1", "https://api.calendly.com/event_types/abc",
        // 10 Review
        "yes",
    ]

    static let expectedBody: JSONValue = [
        "name": "Dental clinic",
        "prompt": "You answer calls for {{company}}.\nBe brief: ☎️ 日本語.",
        "first_sentence": "Hello, this is the Dental clinic.",
        "first_sentence_mode": "static",
        "first_sentence_delay_ms": 600,
        "end_of_call_sentence": "Goodbye!",
        "voice": ["id": "v-julien", "provider": "elevenlabs", "speed": .number(JSONNumber(literal: "1.1")!)],
        "llm_model": ["type": "openrouter", "openrouter_model_id": "openai/gpt-4.1", "openrouter_provider": "openai"],
        "webhook_url": "https://example.com/hook",
        "max_call_duration_secs": 900,
        "structured_output_config": [
            ["name": "email", "type": "string", "required": true, "description": "The caller's email"],
            ["name": "callback", "type": "boolean", "required": false],
            ["name": "size", "type": "enum", "required": false, "enum_options": ["small", "medium", "large"]],
        ],
        "call_retry_config": [
            "calling_windows": [
                ["calling_window_start_time": "09:00", "calling_window_end_time": "18:00", "retry_delay_seconds": 7200],
                ["calling_window_start_time": "14:00", "calling_window_end_time": "17:00", "retry_delay_seconds": 3600],
            ],
            "max_retry_attempts": 4,
            "timezone": "Europe/Paris",
        ],
        "background_sound": nil,
        "transfer_phone_number": "+14155550100",
        "ivr_navigation_enabled": true,
        "voicemail_message": nil,
        "faq_items": [
            ["question": "What are your hours?", "answer": "9 to 5."],
            ["question": "Do you take walk-ins?", "answer": "Yes."],
        ],
        "calendly": ["connection_id": "conn_1", "event_type_id": "https://api.calendly.com/event_types/abc"],
    ]

    @Test func aScriptedSessionCreatesTheWholeAssistant() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let server = Backend(isSandbox: false, baseURL: "https://api.example.test", maskedKey: nil)
        let run = await runAccessible(Wizard(backend: server), api: api, store: store, Self.fullScript)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.io.unread == 0)
        try #require(api.created.count == 1, "\(run.output)")
        let sent = api.created[0]
        #expect(CanonicalJSON.encode(sent) == CanonicalJSON.encode(Self.expectedBody), "\(JSONEncoding.prettyString(sent))")
        #expect(Validator.validate(sent).isEmpty)
        // The review showed the exact bytes that were sent.
        #expect(run.output.contains(String(decoding: CanonicalJSON.encode(sent), as: UTF8.self)))
        #expect(run.output.contains("Created assistant asst_new on https://api.example.test."))
        // The draft is saved and now belongs to the assistant, on that server.
        let meta = try #require(try store.metadata("dental-clinic"))
        #expect(meta["https://api.example.test"]?.assistantID == "asst_new" && meta.servers.count == 1)
        #expect(try store.load("dental-clinic") == sent)
        let seed = Step.steps(for: .seed)
        for step in seed.all { #expect(run.output.contains("Step \(seed.number(step)) of 10: \(step.title).")) }
    }

    @Test func promptsSayWhatEachFieldIsAndNeverWordRangesBadly() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store, Self.fullScript)
        let out = run.output
        #expect(out.contains("SANDBOX"))
        #expect(out.contains("Name. Required. Text."))
        #expect(out.contains("First sentence delay. Optional. A whole number, 0 or more, in milliseconds."))
        #expect(out.contains("Current value: not set, so the server uses 400."))
        #expect(out.contains("Speed. Optional. A number from 0.7 to 1.2, where 1 is normal speed."))  // ElevenLabs' range
        #expect(out.contains("Max retries. Required. A whole number, more than 0."))
        #expect(out.contains("2. No background sound (null): sent as null"))
        #expect(out.contains("Type unset to leave it out of the request."))
        #expect(!out.contains("from 1 to 1"))
        #expect(!out.contains("\u{1B}"), "control characters from the server reach the terminal escaped")
        #expect(out.contains("Energetic \\u{1B}[31mred"))
    }

    @Test func endOfInputMidwayLeavesTheTypedValuesInTheDraft() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store,
                                      ["Night line", "\"\"\"", "First line", "second line"])
        #expect(run.status == 0)
        #expect(run.output.contains("End of input."))
        #expect(run.output.contains("The draft is saved in \(store.file(for: "night-line"))"))
        let body = try store.load("night-line")
        #expect(body.value(at: "name") == "Night line")
        #expect(body.value(at: "prompt") == "First line\nsecond line")
        #expect(api.created.isEmpty)
    }

    /// The status tells a script whether the draft it fed is complete: a name alone is not.
    @Test func endOfInputWithErrorsLeftExitsWithTheIncompleteStatus() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store, ["Night line"])
        #expect(run.output.contains("End of input."))
        #expect(run.status == AccessibleWizard.incomplete)
        #expect(try store.load("night-line").value(at: "name") == "Night line")
        let none = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: try temporaryStore(), [])
        #expect(none.status == AccessibleWizard.incomplete, "nothing typed is no complete draft")
    }

    @Test func errorsBlockSendingAndLeadToTheField() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store,
                                      ["review", "", "Fixed name", "quit"])
        #expect(api.created.isEmpty)
        #expect(run.output.contains("Errors block sending; fix them first."))
        #expect(run.output.contains("Error, Name, step 1 Basics: Name is required"))
        #expect(!run.output.contains("Send it to create"))
        // Enter went to the first error: the name, whose answer was saved.
        #expect(try store.load("fixed-name").value(at: "name") == "Fixed name")
        // Quitting with errors left says so in the status: the draft is saved, not complete.
        #expect(run.status == AccessibleWizard.incomplete)
    }

    @Test func a422PrintsTheFieldMessagesAndGoesToTheField() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        api.createFailure = RevoxError(kind: .invalidFields, method: "POST", path: "/assistants", status: 422,
                                       fieldErrors: [FieldError(path: "voice.id", message: "unknown voice \u{1B}x")],
                                       message: "The server rejected 1 field.", suggestion: "Fix it and send again.")
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store,
                                      ["Front desk", "Hello.", "id nope", "2", "", "review", "yes", "yes", "quit"])
        #expect(run.output.contains("Not sent: The server rejected 1 field."))
        #expect(run.output.contains("1. Voice, step 2 Voice: unknown voice \\u{1B}x."))
        // "yes" went to the voice, which shows the server's message.
        #expect(run.output.contains("The server said: server: unknown voice \\u{1B}x."))
        #expect(run.status == 1)
        #expect(api.created.isEmpty)
    }

    @Test func anUnknownOutcomeIsNotSentAgain() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        api.createFailure = RevoxError(kind: .outcomeUnknown, method: "POST", path: "/assistants",
                                       message: "No answer after sending.", suggestion: "")
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: api, store: store,
                                      ["Front desk", "Hello.", "review", "yes"])
        #expect(run.output.contains("may have been created. It was not sent again."))
        #expect(run.output.components(separatedBy: "Sending…").count == 2)
        #expect(run.status == 1)
    }

    @Test func editingAnExistingAssistantSendsOnlyTheChangedFields() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let server: JSONValue = ["id": "asst_9", "name": "Old name", "prompt": "Be kind.", "first_sentence_mode": "generated",
                                  "created_at": "2025-01-01T00:00:00Z"]
        api.existing["asst_9"] = server.objectValue
        let run = await runAccessible(.startScreen(backend: sandboxBackend), api: api, store: store,
                                      ["3", "asst_9", "New name", "", "review", "yes"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("name: was \"Old name\", now \"New name\"."))
        try #require(api.updates.count == 1)
        #expect(api.updates[0].id == "asst_9")
        #expect(api.updates[0].changes == ["name": "New name"])
        #expect(api.created.isEmpty)
    }

    @Test func theStartMenuOpensASavedDraft() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        try store.create(["name": "Saved one", "prompt": "Hi."])
        let run = await runAccessible(.startScreen(backend: sandboxBackend), api: api, store: store,
                                      ["2", "saved", "1", "", "Changed prompt", "quit"])
        #expect(run.output.contains("1. Saved one, changed"))
        #expect(try store.load("saved-one").value(at: "prompt") == "Changed prompt")
    }

    @Test func listsAddEditDeleteAndMove() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(Wizard(backend: sandboxBackend, body: ["name": "L", "prompt": "P"], slug: nil),
                                      api: api, store: store,
                                      ["go 6", "add", "Q1", "A1", "add", "Q2", "A2", "add", "Q3", "A3",
                                       "delete 2", "yes", "move 2 up", "2", "Q1 edited", "", "done", "quit"])
        let faq = try store.load("l").value(at: "faq_items")
        #expect(faq == [["question": "Q3", "answer": "A3"], ["question": "Q1 edited", "answer": "A1"]], "\(run.output)")
    }

    @Test func aBrokenDraftIsReportedAndLeftAlone() async throws {
        let api = RecordingAPI(), store = try temporaryStore()
        let run = await runAccessible(.brokenDraft(backend: sandboxBackend, file: "/x/bad.json", message: "line 2, column 3: expected a value"),
                                      api: api, store: store, [])
        #expect(run.status == 2)
        #expect(run.output.contains("Cannot open the draft /x/bad.json: line 2, column 3: expected a value"))
    }

    @Test func helpListsTheCommands() async throws {
        let run = await runAccessible(Wizard(backend: sandboxBackend), api: RecordingAPI(), store: try temporaryStore(), ["help", "quit"])
        for word in ["next", "back", "skip", "go N", "review", "quit", "unset", "null", "\\back"] {
            #expect(run.output.contains(word))
        }
        #expect(run.output.contains("Nothing was typed, so no draft was saved."))
    }
}
