import Testing
@testable import AssistantModel
@testable import JSON

@Suite struct JSONParserTests {
    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }
    func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do { _ = try JSONParser.parse(bytes); return nil } catch { return error }
    }

    @Test func keepsKeyOrderAndLiterals() throws {
        let v = try JSONParser.parse(#"{"b": 600, "a": 1.50, "c": -0.0e+10, "d": [true, false, null], "e": "x"}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c", "d", "e"])
        #expect(v.value(at: "a")?.numberValue?.literal == "1.50")
        #expect(String(decoding: JSONEncoding.compact(v), as: UTF8.self) == #"{"b":600,"a":1.50,"c":-0.0e+10,"d":[true,false,null],"e":"x"}"#)
    }

    @Test func decodesEscapesAndUnicode() throws {
        let v = try JSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 ünï""#)
        #expect(v == .string("a\"b\\c/d\n\té😀 ünï"))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
        ("[1, 2", 1, 1, "']' is missing"),
        ("{\"a\": tru}", 1, 7, "expected 'true'"),
        ("{\"a\": 01}", 1, 7, "must not start with 0"),
        ("{\"a\": 1.}", 1, 9, "after the decimal point"),
        ("{\"a\": \"x\n\"}", 1, 9, "not closed before the end of the line"),
        ("", 1, 1, "empty"),
        ("   \n ", 2, 2, "empty"),
        ("{} {}", 1, 4, "after the end"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("{a: 1}", 1, 2, "key in double quotes"),
        ("\"\\x\"", 1, 2, "not a valid escape"),
        ("\"\\ud83d\"", 1, 2, "surrogate"),
        ("{\"é\": x}", 1, 7, "expected a value"),
    ] as [(String, Int, Int, String)])
    func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ says: String) {
        let e = syntaxError(text)
        #expect(e?.line == line && e?.column == column, "\(String(describing: e))")
        #expect(e?.reason.contains(says) == true, "\(String(describing: e))")
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        _ = try JSONParser.parse(ok)
        let deep = String(repeating: "[", count: 100_000)
        #expect(syntaxError(deep)?.reason.contains("nested more than 512") == true)
        let deepObj = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        #expect(syntaxError(deepObj)?.reason.contains("nested") == true)
    }

    @Test func invalidUTF8IsPlaced() {
        let bytes: [UInt8] = Array("{\"name\": \"ab".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let e = syntaxError(bytes)
        #expect(e?.reason.contains("not valid UTF-8") == true)
        #expect(e?.offset == 12)
        #expect(syntaxError([0xFF]) != nil)
        // Invalid UTF-8 inside an escaped string too.
        #expect(syntaxError(Array("\"\\n".utf8) + [0xE2, 0x82] + Array("\"".utf8))?.reason.contains("UTF-8") == true)
    }

    @Test func nulByteIsRefused() {
        #expect(syntaxError(Array("{\"a\": \"x".utf8) + [0] + Array("\"}".utf8))?.reason.contains("control character (0x0)") == true)
        #expect(syntaxError(Array("{}".utf8) + [0])?.reason.contains("NUL") == true)
    }

    @Test func byteOrderMarkIsTolerated() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object(JSONObject()))
    }

    @Test func duplicateKeysKeepTheLastValueInTheFirstPlace() throws {
        let v = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(v.objectValue?.keys == ["a", "b"])
        #expect(v.value(at: "a") == 3)
    }

    @Test func duplicateKeysAreRecordedWithPathAndPlace() throws {
        let text = "{\"name\": \"a\",\n \"faq_items\": [{\"question\": \"q\", \"question\": \"r\"}],\n \"odd key\": 1, \"odd key\": 2, \"odd key\": 3,\n \"name\": \"b\"}"
        let doc = try JSONParser.parseDocument(Array(text.utf8))
        #expect(doc.value == (try JSONParser.parse(text)))
        #expect(doc.duplicateKeys.map(\.path.description) == ["faq_items[0].question", "[\"odd key\"]", "[\"odd key\"]", "name"])
        #expect(doc.duplicateKeys.map(\.key) == ["question", "odd key", "odd key", "name"])
        let q = doc.duplicateKeys[0], odd = doc.duplicateKeys[2], name = doc.duplicateKeys[3]
        #expect((q.line, q.column, q.firstLine, q.firstColumn) == (2, 34, 2, 17))
        #expect((odd.line, odd.column, odd.firstLine, odd.firstColumn) == (3, 30, 3, 2))
        #expect((name.line, name.column, name.firstLine, name.firstColumn) == (4, 2, 1, 2))
        #expect(try JSONParser.parseDocument(Array(#"{"a": {"a": [{"a": 1}]}}"#.utf8)).duplicateKeys.isEmpty)
    }
}

@Suite struct JSONEncodingTests {
    /// Issue 12: what would act on or hide from a terminal is written escaped, and reads back the same.
    @Test func terminalActingCharactersAreEscaped() throws {
        let text = "a\u{200F}b\u{200E}c\u{061C}d\u{FEFF}e\u{E0041}f\u{202E}g\u{0085}h é 中 😀"
        let out = String(decoding: JSONEncoding.compact(.string(text)), as: UTF8.self)
        #expect(out == #""a\u200fb\u200ec\u061cd\ufeffe\udb40\udc41f\u202eg\u0085h é 中 😀""#)
        #expect(try JSONParser.parse(Array(out.utf8)) == .string(text))
    }

    @Test func prettyFormat() {
        let v = json(#"{"a": [1, {"b": "é\u0001\u007f"}], "c": {}, "d": [], "e": null}"#)
        let expected = """
        {
          "a": [
            1,
            {
              "b": "é\\u0001\\u007f"
            }
          ],
          "c": {},
          "d": [],
          "e": null
        }

        """
        #expect(JSONEncoding.prettyString(v) == expected)
    }

    @Test func roundTripsByteForByte() throws {
        let text = JSONEncoding.prettyString(fullBody())
        #expect(JSONEncoding.prettyString(try JSONParser.parse(text)) == text)
        let odd = JSONEncoding.prettyString(json(#"{"zz": {"y": [1.0, 2e5, -0], "x": "\"\\\n"}, "name": "😀"}"#))
        #expect(JSONEncoding.prettyString(try JSONParser.parse(odd)) == odd)
    }

    @Test func canonicalOrderAtEveryLevel() throws {
        let messy = json("""
        {"zeta": 1, "faq_items": [{"answer": "a", "x": 1, "question": "q"}], "voice": {"speed": 1, "id": "v", "provider": "cartesia"},
         "calendly": {"event_type_id": "e", "connection_id": "c"}, "prompt": "p", "name": "n",
         "llm_model": {"openrouter_provider": "p", "openrouter_model_id": "m", "type": "openrouter"},
         "structured_output_config": [{"enum_options": ["a"], "required": true, "type": "enum", "name": "n", "description": "d"}],
         "call_retry_config": {"timezone": null, "max_retry_attempts": 3, "calling_windows": [{"retry_delay_seconds": 1, "calling_window_end_time": "b", "calling_window_start_time": "a"}]},
         "alpha": 2}
        """)
        let out = CanonicalJSON.ordered(messy)
        #expect(out.objectValue?.keys == ["name", "prompt", "voice", "llm_model", "structured_output_config", "call_retry_config", "faq_items", "calendly", "zeta", "alpha"])
        #expect(out.value(at: "voice")?.objectValue?.keys == ["id", "provider", "speed"])
        #expect(out.value(at: "llm_model")?.objectValue?.keys == ["type", "openrouter_model_id", "openrouter_provider"])
        #expect(out.value(at: "structured_output_config[0]")?.objectValue?.keys == ["name", "type", "required", "description", "enum_options"])
        #expect(out.value(at: "call_retry_config")?.objectValue?.keys == ["calling_windows", "max_retry_attempts", "timezone"])
        #expect(out.value(at: "call_retry_config.calling_windows[0]")?.objectValue?.keys == ["calling_window_start_time", "calling_window_end_time", "retry_delay_seconds"])
        #expect(out.value(at: "faq_items[0]")?.objectValue?.keys == ["question", "answer", "x"])
        #expect(out.value(at: "calendly")?.objectValue?.keys == ["connection_id", "event_type_id"])
        // Same bytes twice, from differently ordered input too; literals untouched.
        let a = CanonicalJSON.encode(messy)
        #expect(a == CanonicalJSON.encode(messy))
        #expect(a == CanonicalJSON.encode(try JSONParser.parse(a)))
        #expect(String(decoding: CanonicalJSON.encode(json(#"{"max_call_duration_secs": 600, "name": "x", "voice": {"speed": 1.10}}"#)), as: UTF8.self)
                == "{\n  \"name\": \"x\",\n  \"voice\": {\n    \"speed\": 1.10\n  },\n  \"max_call_duration_secs\": 600\n}\n")
    }

    @Test func numberLiterals() {
        #expect(JSONNumber(literal: "600")?.isIntegerLiteral == true)
        #expect(JSONNumber(literal: "600.0")?.isIntegerLiteral == false)
        #expect(JSONNumber(literal: "1e3")?.isIntegerLiteral == false)
        #expect(JSONNumber(literal: "01") == nil)
        #expect(JSONNumber(literal: "1.") == nil)
        #expect(JSONNumber(literal: "+1") == nil)
        #expect(JSONNumber(literal: "") == nil)
        #expect(JSONNumber(600.0)?.literal == "600")
        #expect(JSONNumber(1.25)?.literal == "1.25")
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(literal: "99999999999999999999")?.intValue == nil)
    }
}

@Suite struct JSONPathTests {
    @Test func parseAndPrint() {
        for text in ["name", "faq_items[2].answer", "a.b.c", "[\"odd key\"].x", "x[0][1]", "[\"q\\\"uote\"]"] {
            #expect(JSONPath(parsing: text)?.description == text, "\(text)")
        }
        #expect(JSONPath(parsing: "")?.components == [])
        for bad in [".a", "a.", "a[", "a[x]", "a[-1]", "a..b", "a]b"] { #expect(JSONPath(parsing: bad) == nil, "\(bad)") }
    }

    /// Dotted paths take a short way through the parser; it must read them as the full walk does.
    @Test func dottedPathsParseAsTheWalkDoes() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b_1", ".", ".", "é", "e\u{301}", ".\u{301}", "\u{301}", "9", " ", "🙂"]
        var texts = ["", ".", "..", "name", "voice.id", "a..b", ".a", "a."]
        for _ in 0..<2_000 { texts.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()) }
        for text in texts {
            #expect(JSONPath(parsing: text) == JSONPath(walking: text), "\(text.debugDescription)")
        }
    }

    @Test func getAndSet() throws {
        var v = fullBody()
        #expect(v.value(at: "faq_items[0].answer") == "No.")
        #expect(v.value(at: "faq_items[5].answer") == nil)
        #expect(v.value(at: "name.x") == nil)
        try v.set("faq_items[1]", to: json(#"{"question": "q2"}"#))  // append
        try v.set("faq_items[1].answer", to: "a2")
        #expect(v.value(at: "faq_items[1]") == json(#"{"question": "q2", "answer": "a2"}"#))
        try v.set("faq_items[0]", to: nil)  // remove an item
        #expect(v.value(at: "faq_items")?.arrayValue?.count == 1)
        try v.set("voice.speed", to: nil)  // unset
        #expect(v.value(at: "voice")?.objectValue?.contains("speed") == false)
        try v.set("voicemail_message", to: .null)  // explicit null stays a key
        #expect(v.value(at: "voicemail_message") == .null)
        try v.set("calendly.extra.deep[0]", to: 1)  // creates containers on the way
        #expect(v.value(at: "calendly.extra.deep") == [1])
        let before = v
        #expect(throws: JSONPathError.self) { try v.set("name.first", to: "x") }
        #expect(v == before, "a failed set leaves the value as it was")
        #expect(throws: JSONPathError.self) { try v.set("faq_items[7].question", to: "x") }
        #expect(throws: JSONPathError.self) { try v.set("a[", to: "x") }
        // Setting a key keeps its place.
        try v.set("name", to: "Renamed")
        #expect(v.objectValue?.keys.first == "name")
    }
}
