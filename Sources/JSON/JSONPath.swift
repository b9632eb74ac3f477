/// A path into a JSON tree in the form issues and the wizard use: `faq_items[2].answer`.
/// Keys that are not plain identifiers are written in brackets and quotes: `["odd key"]`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The whole document (printed as `""`, and as `(body)` where issues are listed).
    public var isRoot: Bool { components.isEmpty }

    /// Parses `a.b[2].c` or `["odd key"][0]`; `""` is the root. Nil when the text is not a path.
    public init?(parsing text: String) {
        // Dotted keys (`name`, `voice.id`), nearly every path parsed, read straight off the
        // bytes: the wizard looks fields up by path text several times a frame.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "\"") }) {
            guard !text.isEmpty else { self.init(); return }
            // Split on the byte, as the scalar walk below splits (a "." that a combining mark
            // follows is still a separator there).
            let keys = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard !keys.contains(where: \.isEmpty) else { return nil }
            self.init(keys.map { .key(String(decoding: $0, as: UTF8.self)) })
            return
        }
        self.init(walking: text)
    }

    /// The parse of any path, a scalar at a time (`init(parsing:)` for paths with brackets).
    init?(walking text: String) {
        var comps = [Component]()
        var chars = Array(text.unicodeScalars)[...]
        var first = true
        while let c = chars.first {
            if c == "[" {
                chars.removeFirst()
                if chars.first == "\"" {
                    chars.removeFirst()
                    var key = ""
                    while let k = chars.first, k != "\"" {
                        chars.removeFirst()
                        if k == "\\" { guard let e = chars.popFirst() else { return nil }; key.unicodeScalars.append(e) }
                        else { key.unicodeScalars.append(k) }
                    }
                    guard chars.popFirst() == "\"", chars.popFirst() == "]" else { return nil }
                    comps.append(.key(key))
                } else {
                    var digits = ""
                    while let d = chars.first, d != "]" { digits.unicodeScalars.append(d); chars.removeFirst() }
                    guard chars.popFirst() == "]", let n = Int(digits), n >= 0 else { return nil }
                    comps.append(.index(n))
                }
            } else {
                if c == "." {
                    guard !first else { return nil }
                    chars.removeFirst()
                } else if !first {
                    return nil
                }
                var key = ""
                while let k = chars.first, k != ".", k != "[" { key.unicodeScalars.append(k); chars.removeFirst() }
                guard !key.isEmpty, !key.unicodeScalars.contains("]"), !key.unicodeScalars.contains("\"") else { return nil }
                comps.append(.key(key))
            }
            first = false
        }
        self.components = comps
    }

    public init(stringLiteral value: String) {
        guard let p = JSONPath(parsing: value) else { preconditionFailure("not a JSON path: \(value)") }
        self = p
    }

    /// A key written bare in a path (`faq_items`), as opposed to in brackets (`["odd key"]`):
    /// ASCII letters, digits and `_`, not starting with a digit.
    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
        return letter(first) && s.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Whether `other` is this path or lies inside it: `faq_items` holds `faq_items[2].answer`,
    /// not `faq_items_extra`; the root holds every path.
    public func contains(_ other: JSONPath) -> Bool { other.components.starts(with: components) }

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .index(let n): out += "[\(n)]"
            case .key(let k) where JSONPath.isIdentifier(k): out += out.isEmpty ? k : "." + k
            case .key(let k):
                var escaped = ""
                for s in k.unicodeScalars {
                    if s == "\"" || s == "\\" { escaped.unicodeScalars.append("\\") }
                    escaped.unicodeScalars.append(s)
                }
                out += "[\"\(escaped)\"]"
            }
        }
        return out
    }
}

/// Why a path could not be set.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

extension JSONValue {
    /// The value at a path, or nil when any step is missing or of another type.
    public subscript(path path: JSONPath) -> JSONValue? {
        var cur = self
        for c in path.components {
            switch (c, cur) {
            case (.key(let k), .object(let o)): guard let v = o[k] else { return nil }; cur = v
            case (.index(let i), .array(let a)): guard i < a.count else { return nil }; cur = a[i]
            default: return nil
            }
        }
        return cur
    }

    /// `self[path:]` under the name the text form has.
    public func value(at path: JSONPath) -> JSONValue? { self[path: path] }

    /// The value at a path written as text (`faq_items[2].answer`), or nil.
    public func value(at path: String) -> JSONValue? {
        guard let p = JSONPath(parsing: path) else { return nil }
        return self[path: p]
    }

    /// Sets the value at a path; `nil` unsets it (removes the key, or the array element).
    /// Missing objects on the way are created; an array index may be one past the end (appends).
    /// Throws when a step goes through a value of another type or an index is out of range:
    /// the wizard never replaces something the user wrote without being asked.
    public mutating func set(_ path: JSONPath, to newValue: JSONValue?) throws(JSONPathError) {
        try set(path.components[...], to: newValue, whole: path)
    }

    /// `set` with the path written as text.
    public mutating func set(_ path: String, to newValue: JSONValue?) throws(JSONPathError) {
        guard let p = JSONPath(parsing: path) else { throw JSONPathError(path: path, reason: "not a valid path (write it like faq_items[2].answer)") }
        try set(p, to: newValue)
    }

    private mutating func set(_ rest: ArraySlice<JSONPath.Component>, to newValue: JSONValue?, whole: JSONPath) throws(JSONPathError) {
        guard let head = rest.first else {
            if let newValue { self = newValue } else { self = .null }
            return
        }
        let tail = rest.dropFirst()
        switch (head, self) {
        case (.key(let k), .object(var o)):
            if tail.isEmpty {
                o[k] = newValue
            } else {
                if o[k] == nil && newValue == nil { return }
                var child = o[k] ?? JSONValue.emptyContainer(for: tail.first!)
                try child.set(tail, to: newValue, whole: whole)
                o[k] = child
            }
            self = .object(o)
        case (.index(let i), .array(var a)):
            guard i <= a.count else { throw JSONPathError(path: whole.description, reason: "index \(i) is past the end of a list of \(a.count)") }
            if tail.isEmpty {
                if let newValue { if i == a.count { a.append(newValue) } else { a[i] = newValue } }
                else if i < a.count { a.remove(at: i) }
            } else {
                if i == a.count && newValue == nil { return }
                var child = i < a.count ? a[i] : JSONValue.emptyContainer(for: tail.first!)
                try child.set(tail, to: newValue, whole: whole)
                if i == a.count { a.append(child) } else { a[i] = child }
            }
            self = .array(a)
        case (.key, _):
            throw JSONPathError(path: whole.description, reason: "cannot set a key inside \(typeDescription); expected an object")
        case (.index, _):
            throw JSONPathError(path: whole.description, reason: "cannot set an item inside \(typeDescription); expected an array")
        }
    }

    private static func emptyContainer(for next: JSONPath.Component) -> JSONValue {
        if case .index = next { return .array([]) } else { return .object(JSONObject()) }
    }
}
