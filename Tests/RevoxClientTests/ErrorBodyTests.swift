@testable import RevoxClient
import AssistantModel
import Testing

@Suite("422 bodies mapped to JSON paths")
struct ErrorBodyTests {
    @Test func sandboxShape() {
        let body = parse(#"{"error":"validation_error","errors":[{"path":"voice.speed","message":"too fast"},{"path":"faq_items[1].answer","message":"required"}]}"#)
        #expect(ErrorBody.fieldErrors(in: body) == [FieldError(path: "voice.speed", message: "too fast"), FieldError(path: "faq_items[1].answer", message: "required")])
    }

    @Test func fastAPIShape() {
        let body = parse(#"{"detail":[{"loc":["body","voice","speed"],"msg":"Input should be less than 1.5","type":"less_than"},{"loc":["body","faq_items",0,"answer"],"msg":"Field required"}]}"#)
        #expect(ErrorBody.fieldErrors(in: body).map(\.path) == ["voice.speed", "faq_items[0].answer"])
    }

    /// A key with a dot in it is one key of the path, not two (it was joined as `voice.a.b`).
    @Test func aKeyWithADotStaysOneKey() {
        let body = parse(#"{"detail":[{"loc":["body","voice","a.b"],"msg":"Extra inputs are not permitted"}]}"#)
        let found = ErrorBody.fieldErrors(in: body)
        #expect(found.map(\.path) == [#"voice["a.b"]"#])
        #expect(found.first?.issue.path == JSONPath([.key("voice"), .key("a.b")]))
        #expect(found.first?.issue.belongs(to: "voice") == true && found.first?.issue.belongs(to: "voice.a") == false)
    }

    /// A server's field error becomes an issue at the path it names, however it is spelled.
    @Test func aFieldErrorIsAnIssueAtItsPath() {
        let bracketed = FieldError(path: #"voice["speed"]"#, message: "too fast").issue
        #expect(bracketed == .error("voice.speed", "server: too fast"))
        #expect(FieldError(path: "", message: "bad").issue.path.isRoot)
        // Not a path at all: kept whole as one key, so it is shown and claims no field.
        #expect(FieldError(path: "voice[", message: "m").issue.path == JSONPath([.key("voice[")]))
    }

    @Test func zodAndJSONSchemaAndMapShapes() {
        let zod = parse(#"{"error":{"issues":[{"path":["call_retry_config","calling_windows",0,"retry_delay_seconds"],"message":"Expected number"}]}}"#)
        #expect(ErrorBody.fieldErrors(in: zod).map(\.path) == ["call_retry_config.calling_windows[0].retry_delay_seconds"])
        let schema = parse(#"{"errors":[{"instancePath":"/structured_output_config/2/name","message":"must match pattern"}]}"#)
        #expect(ErrorBody.fieldErrors(in: schema).map(\.path) == ["structured_output_config[2].name"])
        let rails = parse(#"{"errors":{"name":["can't be blank"],"prompt":["is too long"]}}"#)
        #expect(ErrorBody.fieldErrors(in: rails) == [FieldError(path: "name", message: "can't be blank"), FieldError(path: "prompt", message: "is too long")])
    }

    @Test func messagesAndNoFields() {
        #expect(ErrorBody.message(in: parse(#"{"message":"Invalid API key"}"#)) == "Invalid API key")
        #expect(ErrorBody.message(in: parse(#"{"error":{"message":"nope"}}"#)) == "nope")
        #expect(ErrorBody.message(in: parse(#"{"detail":"Not authenticated"}"#)) == "Not authenticated")
        #expect(ErrorBody.fieldErrors(in: parse(#"{"detail":"Not authenticated"}"#)).isEmpty)
    }

    @Test func sanitisingStripsControlsKeepsLinesAndMasksAnEchoedKey() {
        let key = APIKey("sk_live_abcdefghijkl9z9z")!
        let s = ResponseText.sanitised(Array("a\u{1B}[2Jb\u{7}\nc\td\u{9B}e key=sk_live_abcdefghijkl9z9z".utf8), maskingKey: key)
        #expect(s == "a[2Jb\nc\tde key=sk_…9z9z")
    }
}
