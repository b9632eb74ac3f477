import Testing
@testable import AssistantModel

/// The word-at-a-time scans of the parser and the encoder, and the canonical order's "already in
/// order" shortcut, against what the byte-by-byte code gives: every special byte at every offset
/// of an 8-byte word.
@Suite struct FastPathTests {
    static let specials: [(raw: String, json: String)] = [
        ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{7F}", #"\u007f"#), ("\u{1}", #"\u0001"#),
        ("é", "é"), ("中", "中"), ("\u{202E}", #"\u202e"#), ("\u{FEFF}", #"\ufeff"#), ("😀", "😀"), ("\u{E0041}", #"\udb40\udc41"#),
    ]

    @Test func everySpecialAtEveryOffsetRoundTrips() throws {
        for (raw, json) in Self.specials {
            for before in 0..<20 {
                let head = String(repeating: "a", count: before), tail = String(repeating: "b", count: 19 - before % 7)
                let text = head + raw + tail + raw
                let encoded = String(decoding: JSONEncoding.pretty(.string(text)), as: UTF8.self)
                #expect(encoded == "\"" + head + json + tail + json + "\"\n", "\(raw.debugDescription) after \(before)")
                #expect(try JSONParser.parse(encoded) == .string(text), "\(raw.debugDescription) after \(before)")
            }
        }
    }

    @Test func rawControlsAndBadUTF8AreRefusedWhereverTheyAre() {
        for before in 0..<20 {
            let head = Array(repeating: UInt8(ascii: "a"), count: before)
            let raw: [UInt8] = [0x22] + head + [0x09] + Array(repeating: UInt8(ascii: "b"), count: 12) + [0x22]
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(raw) }
            let bad: [UInt8] = [0x22] + head + [0xC3] + Array(repeating: UInt8(ascii: "b"), count: 12) + [0x22]
            do { _ = try JSONParser.parse(bad); Issue.record("invalid UTF-8 after \(before) accepted") } catch {
                #expect(error.column == before + 2, "\(error)")
            }
            let unclosed: [UInt8] = [0x22] + head + Array(repeating: UInt8(ascii: "b"), count: 9)
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(unclosed) }
        }
    }

    @Test func inOrderMeansWhatOrderedWouldGive() {
        let preferred = ["a", "b", "c", "d"]
        let pools = [["a", "b", "c", "d", "x", "y"], ["b", "d", "y"], ["x", "a"], ["c", "a"], []]
        for pool in pools {
            var perms: [[String]] = [[]]
            for _ in pool.indices { perms = perms.flatMap { p in pool.filter { !p.contains($0) }.map { p + [$0] } } }
            for keys in perms {
                let o = JSONObject(keys.map { ($0, JSONValue.null) })
                #expect(CanonicalJSON.isOrdered(keys, by: preferred) == (o.ordered(by: preferred).keys == keys), "\(keys)")
            }
        }
        #expect(!CanonicalJSON.isOrdered(["b", "a"], by: ["a", "b", "a"]))
    }

    @Test func anOrderedBodyEncodesTheSameAsAShuffledOne() throws {
        let body: JSONValue = ["prompt": "p", "name": "n", "faq_items": [["answer": "x", "question": "q"], ["question": "q2", "answer": "y"]],
                               "voice": ["provider": "elevenlabs", "id": "v"]]
        let canonical = CanonicalJSON.encode(body)
        #expect(CanonicalJSON.encode(try JSONParser.parse(canonical)) == canonical)
        #expect(CanonicalJSON.ordered(CanonicalJSON.ordered(body)) == CanonicalJSON.ordered(body))
        let text = String(decoding: canonical, as: UTF8.self)
        #expect(text.contains("\"question\": \"q\",\n      \"answer\": \"x\""), Comment(rawValue: text))
    }
}
