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
