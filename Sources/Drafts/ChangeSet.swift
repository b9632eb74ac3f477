import AssistantModel

/// What a PATCH of an existing assistant changes: the top-level fields whose value differs from
/// the server's copy. A field cleared in the draft but set on the server cannot be unset by a
/// PATCH, so it is listed as left alone rather than silently dropped. Every front end shows and
/// sends this same set.
public struct ChangeSet: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var key: String
        /// The server's value, nil when it has none.
        public var old: JSONValue?
        public var new: JSONValue
    }

    /// In canonical key order.
    public var changes: [Change]
    public var leftAlone: [String]

    public init(draft: JSONValue, server: JSONValue?) {
        let mine = draft.objectValue ?? JSONObject()
        let theirs = server?.objectValue ?? JSONObject()
        changes = mine.keys.sorted(by: ChangeSet.canonicalOrder).compactMap { key in
            let new = mine[key]!
            if let old = theirs[key], ChangeSet.same(new, old) { return nil }
            return Change(key: key, old: theirs[key], new: new)
        }
        let request = Set(CanonicalJSON.allRequestKeys)
        leftAlone = theirs.keys.filter { request.contains($0) && mine[$0] == nil && !(theirs[$0]?.isNull ?? true) }
    }

    public var isEmpty: Bool { changes.isEmpty }
    public var keys: [String] { changes.map(\.key) }

    /// The PATCH body.
    public var body: JSONValue { .object(JSONObject(changes.map { ($0.key, $0.new) })) }

    static func canonicalOrder(_ a: String, _ b: String) -> Bool {
        let order = CanonicalJSON.allRequestKeys
        return (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
    }

    /// Equal as the API sees it: numbers by value, objects regardless of key order. `a` is the
    /// draft's value, `b` the server's (which may carry keys the server adds).
    public static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.doubleValue == y.doubleValue
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
        case (.object(let x), .object(let y)):
            // Keys the server adds to records (FAQ ids, sources) are not the user's changes.
            return x.keys.allSatisfy { k in y[k].map { same(x[k]!, $0) } ?? false }
                && y.keys.allSatisfy { k in x[k] != nil || ["id", "needs_human_answer", "source"].contains(k) || y[k]!.isNull }
        default: return a == b
        }
    }
}
