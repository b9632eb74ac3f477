@testable import RevoxClient
import Testing

/// Issue 12: a server that echoes the key spelled another way (one JSON escape, percent-encoding,
/// an invisible character inside) does not get it printed.
@Suite("Key masking after decoding")
struct KeyMaskTests {
    static let key = APIKey("sk_live_ECHOKEY_1234567890abcdef")!

    @Test(arguments: [
        #"{"message": "bad key sk_live_EC\u0048OKEY_1234567890abcdef"}"#,
        #"{"message": "bad key \u0073\u006b\u005flive_ECHOKEY_1234567890abcdef"}"#,
        "GET /x?key=sk_live_ECHOKEY%5F1234567890abcdef",
        "key=sk%5flive%5fECHOKEY_1234567890abcde%66 and more",
        "key sk_live_ECHO\u{200B}KEY_1234567890abcdef",
        #"layered sk_live_ECHOKEY%5Cu005F1234567890abcdef"#,
        "twice: sk_live_ECHOKEY_1234567890abcdef and sk_live_EC\\u0048OKEY_1234567890abcdef",
    ])
    func theKeyIsMaskedHoweverItIsSpelled(body: String) {
        let shown = ResponseText.sanitised(Array(body.utf8), maskingKey: Self.key)
        #expect(!shown.contains("ECHOKEY_1234567890"), "\(shown)")
        #expect(!shown.contains("EC\\u0048OKEY"), "\(shown)")
        #expect(!shown.contains("1234567890abcde"), "\(shown)")
        #expect(shown.contains(Self.key.masked), "\(shown)")
    }

    @Test func textAroundTheKeyIsKeptAsSent() {
        let shown = ResponseText.sanitised(#"{"message": "bad key sk_live_EC\u0048OKEY_1234567890abcdef", "x": "\u00e9 50%"}"#, maskingKey: Self.key)
        #expect(shown == #"{"message": "bad key sk_…cdef", "x": "\u00e9 50%"}"#)
    }

    @Test func textWithoutTheKeyIsUnchanged() {
        let text = #"{"a": "\u0041 %41 sk_live_OTHER"}"#
        #expect(ResponseText.sanitised(text, maskingKey: Self.key) == text)
    }
}
