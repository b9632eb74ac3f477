/// A field that can be left out, sent as `null`, or sent with a value. The three encode
/// differently: unset omits the key, null writes `null`.
public enum Nullable<Wrapped: Sendable & Hashable>: Sendable, Hashable {
    case unset
    case null
    case value(Wrapped)

    public var value: Wrapped? { if case .value(let v) = self { return v } else { return nil } }
    public var isUnset: Bool { if case .unset = self { return true } else { return false } }
}

/// A typed value could not be read from a JSON tree: where, and what was expected.
public struct TypedDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path.isEmpty ? "(body)" : path): \(message)" }
}

/// Reads typed fields out of one JSON object, tracking the path for errors and the keys it did
/// not consume (kept as `unknown` so nothing the user wrote is lost).
struct ObjectReader {
    let object: JSONObject
    let path: JSONPath
    private(set) var used: Set<String> = []

    init(_ value: JSONValue, at path: JSONPath, what: String) throws(TypedDecodingError) {
        guard case .object(let o) = value else {
            throw TypedDecodingError(path: path.description, message: "expected \(what) (an object), found \(value.typeDescription)")
        }
        self.object = o
        self.path = path
    }

    var unknown: JSONObject {
        var out = JSONObject()
        for (k, v) in object where !used.contains(k) { out[k] = v }
        return out
    }

    func fail(_ key: String, _ message: String) -> TypedDecodingError {
        TypedDecodingError(path: path.appending(key).description, message: message)
    }

    mutating func optional<T>(_ key: String, _ read: (JSONValue, JSONPath) throws(TypedDecodingError) -> T) throws(TypedDecodingError) -> T? {
        used.insert(key)
        guard let v = object[key] else { return nil }
        if case .null = v { throw fail(key, "must not be null") }
        return try read(v, path.appending(key))
    }

    mutating func required<T>(_ key: String, _ read: (JSONValue, JSONPath) throws(TypedDecodingError) -> T) throws(TypedDecodingError) -> T {
        guard let v = try optional(key, read) else { throw fail(key, "is required") }
        return v
    }

    mutating func nullable<T>(_ key: String, _ read: (JSONValue, JSONPath) throws(TypedDecodingError) -> T) throws(TypedDecodingError) -> Nullable<T> {
        used.insert(key)
        switch object[key] {
        case nil: return .unset
        case .null?: return .null
        case let v?: return .value(try read(v, path.appending(key)))
        }
    }
}

/// Readers for scalar JSON values, each failing with the path and the expected type.
enum Read {
    static func string(_ v: JSONValue, _ p: JSONPath) throws(TypedDecodingError) -> String {
        guard case .string(let s) = v else { throw TypedDecodingError(path: p.description, message: "expected a string, found \(v.typeDescription)") }
        return s
    }
    static func bool(_ v: JSONValue, _ p: JSONPath) throws(TypedDecodingError) -> Bool {
        guard case .bool(let b) = v else { throw TypedDecodingError(path: p.description, message: "expected a boolean, found \(v.typeDescription)") }
        return b
    }
    static func number(_ v: JSONValue, _ p: JSONPath) throws(TypedDecodingError) -> JSONNumber {
        guard case .number(let n) = v else { throw TypedDecodingError(path: p.description, message: "expected a number, found \(v.typeDescription)") }
        return n
    }
    static func integer(_ v: JSONValue, _ p: JSONPath) throws(TypedDecodingError) -> Int64 {
        let n = try number(v, p)
        guard n.isIntegerLiteral else { throw TypedDecodingError(path: p.description, message: "must be a whole number, found \(n.literal)") }
        guard let i = n.intValue else { throw TypedDecodingError(path: p.description, message: "\(n.literal) is out of range") }
        return i
    }
    static func choice<E: RawRepresentable>(_ v: JSONValue, _ p: JSONPath) throws(TypedDecodingError) -> E where E.RawValue == String, E: CaseIterable {
        let s = try string(v, p)
        guard let e = E(rawValue: s) else {
            throw TypedDecodingError(path: p.description, message: "\"\(s)\" is not one of \(E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        }
        return e
    }
    static func array<T>(_ v: JSONValue, _ p: JSONPath, _ item: (JSONValue, JSONPath) throws(TypedDecodingError) -> T) throws(TypedDecodingError) -> [T] {
        guard case .array(let a) = v else { throw TypedDecodingError(path: p.description, message: "expected an array, found \(v.typeDescription)") }
        var out = [T]()
        out.reserveCapacity(a.count)
        for (i, x) in a.enumerated() { out.append(try item(x, p.appending(i))) }
        return out
    }
}

/// Builds a JSON object in a fixed key order, leaving unset fields out.
struct ObjectWriter {
    var object = JSONObject()
    mutating func put(_ key: String, _ value: JSONValue?) { if let value { object[key] = value } }
    mutating func put<T>(_ key: String, _ value: Nullable<T>, _ encode: (T) -> JSONValue) {
        switch value {
        case .unset: break
        case .null: object[key] = .null
        case .value(let v): object[key] = encode(v)
        }
    }
    /// Unknown keys go after the known ones, in their order; a known key is never overwritten.
    mutating func putUnknown(_ unknown: JSONObject) { for (k, v) in unknown where !object.contains(k) { object[k] = v } }
    var value: JSONValue { .object(object) }
}
