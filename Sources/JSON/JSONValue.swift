/// A JSON value exactly as the user wrote it: objects keep their key order and numbers keep their
/// literal text, so a draft that is loaded and saved again comes back the same (`600` never turns
/// into `600.0`), and values of the wrong type survive until the user fixes them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type's name as messages show it ("a string", "an object", …).
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

/// A JSON number kept as its literal, so encoding gives back the digits the user typed.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public let literal: String

    /// Accepts only a literal that is valid JSON number syntax.
    public init?(literal: String) {
        var bytes = Array(literal.utf8)
        guard JSONNumber.isValidLiteral(&bytes) else { return nil }
        self.literal = literal
    }

    init(uncheckedLiteral: String) { self.literal = uncheckedLiteral }

    public init(_ value: Int) { literal = String(value) }

    /// Whole doubles print without a fraction (`600`), others in Swift's shortest round-trip form.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        // Truncation rather than rounded(): keeps the model free of libm.
        if abs(value) < 9.007_199_254_740_992e15, Double(Int64(value)) == value {
            literal = String(Int64(value))
        } else {
            literal = String(value)
        }
    }

    public var description: String { literal }
    public var doubleValue: Double? { Double(literal) }

    /// True when written without a fraction or exponent: `600` is an integer, `600.0` is not.
    public var isIntegerLiteral: Bool { !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    /// The value as an integer when the literal is an integer that fits in 64 bits.
    public var intValue: Int64? { isIntegerLiteral ? Int64(literal) : nil }

    static func isValidLiteral(_ b: inout [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        func digit(_ i: Int) -> Bool { i < n && b[i] >= 0x30 && b[i] <= 0x39 }
        if i < n && b[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if b[i] == 0x30 { i += 1 } else { while digit(i) { i += 1 } }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == n
    }
}

/// A JSON object that remembers key order. Setting a key that exists keeps its place; a new key
/// goes last; setting `nil` removes the key (the "unset" state, as opposed to `.null`).
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// Sets a key as the subscript does; false when the key was already there (the parser notes
    /// duplicates with it, at the cost of the one lookup it makes anyway).
    mutating func insert(_ key: String, _ value: JSONValue) -> Bool {
        if values.updateValue(value, forKey: key) == nil { keys.append(key); return true }
        return false
    }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[keys[i]]!)
        }
    }

    /// The same entries with the given keys first, in that order, and the rest after in their
    /// current order. Canonical encoding uses it so a draft always gives the same bytes.
    public func ordered(by preferred: [String]) -> JSONObject {
        var out = JSONObject()
        for k in preferred { if let v = values[k] { out[k] = v } }
        for k in keys where out.values[k] == nil { out[k] = values[k] }
        return out
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.keys == b.keys && a.values == b.values }
    public func hash(into h: inout Hasher) { h.combine(keys); for k in keys { h.combine(values[k]) } }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral v: String) { self = .string(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(integerLiteral v: Int) { self = .number(JSONNumber(v)) }
    public init(arrayLiteral v: JSONValue...) { self = .array(v) }
    public init(dictionaryLiteral v: (String, JSONValue)...) { self = .object(JSONObject(v)) }
    public init(nilLiteral: ()) { self = .null }
}
