/// A syntax error in a JSON text, placed by line and column (both from 1, columns in characters)
/// so a message can send the user to the exact spot.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int
    public let reason: String
    public var description: String { "line \(line), column \(column): \(reason)" }

    public init(line: Int, column: Int, offset: Int, reason: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.reason = reason
    }
}

/// A parsed text with the keys it gives twice in one object (see `JSONParser.parseDocument`).
public struct JSONDocument: Sendable, Equatable {
    public let value: JSONValue
    public let duplicateKeys: [JSONDuplicateKey]
}

/// A key given a second time in one object, at `path` (the key's own path), placed by line and
/// column, with where it was first given. The later value is the one kept.
public struct JSONDuplicateKey: Sendable, Equatable {
    public let path: JSONPath
    public let key: String
    public let line: Int
    public let column: Int
    public let firstLine: Int
    public let firstColumn: Int
}

/// Parses JSON into `JSONValue`, keeping key order and number literals. Hand-written because the
/// drafts need what Foundation's decoder drops (order, literals, positions) and because it must
/// refuse hostile input (invalid UTF-8, 10,000 levels of nesting) with a message instead of a crash.
public struct JSONParser {
    /// Deeper nesting than any request body needs; past it, recursion would risk the stack.
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buf in Result { () throws(JSONSyntaxError) in try parse(buf) } }.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buf in Result { () throws(JSONSyntaxError) in try parse(buf) } }.get()
    }

    public static func parse(_ buf: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(buf: buf)
        return try p.document()
    }

    /// The value and the keys given twice in one object. The last value of such a key is kept, as
    /// `parse` keeps it; the list says where, so a reader can warn instead of dropping one silently.
    /// Texts without duplicates are read once; with them, a second pass records their paths.
    public static func parseDocument(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        try bytes.withUnsafeBufferPointer { buf in
            Result { () throws(JSONSyntaxError) in
                var p = JSONParser(buf: buf)
                let value = try p.document()
                guard p.sawDuplicate else { return JSONDocument(value: value, duplicateKeys: []) }
                var r = JSONParser(buf: buf)
                r.recording = true
                _ = try r.document()
                return JSONDocument(value: value, duplicateKeys: r.duplicates)
            }
        }.get()
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte-order mark is tolerated: editors on some systems write one.
        if buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { i = 3 }
        skipSpace()
        if i == buf.count { throw error("the file is empty; it should hold a JSON object such as {\"name\": \"…\"}") }
        let v = try value(depth: 0)
        skipSpace()
        if i != buf.count { throw error("unexpected \(describeHere()) after the end of the JSON value") }
        return v
    }

    private let buf: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var sawDuplicate = false
    /// Set on the second pass only: the path down to the current value, and the duplicates found.
    private var recording = false
    private var path: [JSONPath.Component] = []
    private var duplicates: [JSONDuplicateKey] = []

    private init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    private func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let off = min(offset ?? i, buf.count)
        let (line, col) = position(off)
        return JSONSyntaxError(line: line, column: col, offset: off, reason: reason)
    }

    /// Line and column (from 1, columns in characters) of a byte offset.
    private func position(_ off: Int) -> (line: Int, column: Int) {
        var line = 1, col = 1
        for j in 0..<off {
            let b = buf[j]
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return (line, col)
    }

    private func describeHere() -> String {
        guard i < buf.count else { return "end of file" }
        let b = buf[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0 { return "a NUL byte" }
        return b < 0x80 ? "control character 0x\(String(b, radix: 16, uppercase: true))" : "a non-ASCII character"
    }

    private mutating func skipSpace() {
        while i < buf.count {
            switch buf[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard i < buf.count else { throw error("unexpected end of file: a value is missing (is the file truncated?)") }
        switch buf[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a value but found \(describeHere())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = i
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for b in w {
            guard i < buf.count, buf[i] == b else { throw error("expected '\(word)'", at: start) }
            i += 1
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = i
        func isDigit(_ j: Int) -> Bool { j < buf.count && buf[j] >= 0x30 && buf[j] <= 0x39 }
        if buf[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { throw error("a number must have digits after '-'") }
        if buf[i] == 0x30 {
            i += 1
            if isDigit(i) { throw error("numbers must not start with 0 (write 7, not 07)", at: start) }
        } else { while isDigit(i) { i += 1 } }
        if i < buf.count && buf[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw error("a number needs digits after the decimal point") }
            while isDigit(i) { i += 1 }
        }
        if i < buf.count && (buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E")) {
            i += 1
            if i < buf.count && (buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { throw error("a number needs digits in its exponent") }
            while isDigit(i) { i += 1 }
        }
        return JSONNumber(uncheckedLiteral: String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes, just find the closing quote (plain runs a word at a time) and
        // validate the UTF-8 once; an all-ASCII string needs no validation (most keys and values:
        // String(validating:) is generic and costs a metadata lookup per call).
        var ascii = true
        while i < buf.count {
            i = ByteScan.skipPlainStringWords(buf, from: i, allowNonASCII: !ascii)
            guard i < buf.count else { break }
            let b = buf[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buf[start..<i])
                let s: String
                if ascii {
                    s = String(decoding: slice, as: UTF8.self)
                } else {
                    guard let v = String(validating: slice, as: UTF8.self) else { throw invalidUTF8(in: start..<i) }
                    s = v
                }
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacter(b) }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        if i >= buf.count { throw error("a string is not closed: the closing '\"' is missing", at: open) }
        // Slow path: decode escapes into bytes, validating the raw runs between them.
        var out = [UInt8]()
        out.reserveCapacity(i - start + 16)
        var runStart = start
        while true {
            i = ByteScan.skipPlainStringWords(buf, from: i, allowNonASCII: true)
            guard i < buf.count else { throw error("a string is not closed: the closing '\"' is missing", at: open) }
            let b = buf[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw invalidUTF8(in: start..<(i - 1)) }
                return s
            }
            if b < 0x20 { throw controlCharacter(b) }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
            let escStart = i
            i += 1
            guard i < buf.count else { throw error("a string is not closed: the closing '\"' is missing", at: open) }
            let e = buf[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(escStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < buf.count, buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") else {
                        throw error("\\u\(String(scalar, radix: 16)) is half of a surrogate pair; the other half is missing", at: escStart)
                    }
                    i += 2
                    let low = try hex4(escStart)
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair in a \\u escape", at: escStart) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("\\u\(String(scalar, radix: 16)) is half of a surrogate pair; the other half is missing", at: escStart)
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw error("'\\\(Character(Unicode.Scalar(e)))' is not a valid escape (use \\\\ for a backslash)", at: escStart)
            }
            runStart = i
        }
    }

    private mutating func hex4(_ escStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < buf.count else { throw error("a \\u escape needs four hex digits", at: escStart) }
            let b = buf[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("a \\u escape needs four hex digits", at: escStart)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func controlCharacter(_ b: UInt8) -> JSONSyntaxError {
        b == 0x0A
            ? error("a string is not closed before the end of the line (write \\n for a line break)")
            : error("a raw control character (0x\(String(b, radix: 16, uppercase: true))) is not allowed inside a string; escape it")
    }

    private func invalidUTF8(in range: Range<Int>) -> JSONSyntaxError {
        var j = range.lowerBound
        while j < range.upperBound {
            let len = JSONParser.validSequenceLength(buf, at: j, end: range.upperBound)
            if len == 0 { break }
            j += len
        }
        return error("the text is not valid UTF-8 (save the file as UTF-8)", at: j)
    }

    /// Length of the valid UTF-8 sequence at `j`, or 0 when the bytes there are not valid UTF-8.
    private static func validSequenceLength(_ buf: UnsafeBufferPointer<UInt8>, at j: Int, end: Int) -> Int {
        let b = buf[j]
        let len: Int
        switch b {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF4: len = 4
        default: return 0
        }
        guard j + len <= end else { return 0 }
        let slice = UnsafeBufferPointer(rebasing: buf[j..<(j + len)])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : len
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maxDepth { throw error("arrays and objects are nested more than \(JSONParser.maxDepth) levels deep") }
        let open = i
        i += 1
        var items = [JSONValue]()
        skipSpace()
        if i < buf.count && buf[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            if recording { path.append(.index(items.count)) }
            items.append(try value(depth: depth))
            if recording { path.removeLast() }
            skipSpace()
            guard i < buf.count else { throw error("an array is not closed: ']' is missing", at: open) }
            if buf[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < buf.count && buf[i] == UInt8(ascii: "]") { throw error("a trailing comma before ']' is not allowed in JSON") }
                continue
            }
            if buf[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in an array but found \(describeHere())")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maxDepth { throw error("arrays and objects are nested more than \(JSONParser.maxDepth) levels deep") }
        let open = i
        i += 1
        var obj = JSONObject()
        var firstSeen: [String: Int] = [:]
        skipSpace()
        if i < buf.count && buf[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
        while true {
            skipSpace()
            guard i < buf.count else { throw error("an object is not closed: '}' is missing", at: open) }
            guard buf[i] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes but found \(describeHere())")
            }
            let keyStart = i
            let key = try string()
            skipSpace()
            guard i < buf.count, buf[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            i += 1
            skipSpace()
            if recording { path.append(.key(key)); firstSeen[key] = firstSeen[key] ?? keyStart }
            let v = try value(depth: depth)
            if !obj.insert(key, v) {
                sawDuplicate = true
                if recording {
                    let (line, column) = position(keyStart), first = position(firstSeen[key]!)
                    duplicates.append(JSONDuplicateKey(path: JSONPath(path), key: key, line: line, column: column,
                                                       firstLine: first.line, firstColumn: first.column))
                }
            }
            if recording { path.removeLast() }
            skipSpace()
            guard i < buf.count else { throw error("an object is not closed: '}' is missing", at: open) }
            if buf[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < buf.count && buf[i] == UInt8(ascii: "}") { throw error("a trailing comma before '}' is not allowed in JSON") }
                continue
            }
            if buf[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
            throw error("expected ',' or '}' in an object but found \(describeHere())")
        }
    }
}
