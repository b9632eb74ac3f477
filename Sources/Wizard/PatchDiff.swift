import AssistantModel
import TerminalUI

/// What an edit of an existing assistant changes, shown before the PATCH is sent. Only changed
/// top-level fields are sent; a field cleared in the draft but set on the server cannot be unset
/// by a PATCH, so it is listed as left alone rather than silently dropped.
struct PatchDiff: Sendable {
    var changes: JSONObject
    var leftAlone: [String]
    var view: TextView

    init(draft: JSONValue, server: JSONValue?) {
        let mine = draft.objectValue ?? JSONObject()
        let theirs = server?.objectValue ?? JSONObject()
        var changes = JSONObject()
        var lines: [StyledLine] = []
        for key in mine.keys.sorted(by: PatchDiff.canonicalOrder) {
            let new = mine[key]!
            if let old = theirs[key], PatchDiff.same(new, old) { continue }
            changes[key] = new
            lines.append(StyledLine([StyledSpan("~ \(key)", .warning)]))
            lines.append(StyledLine([StyledSpan("    was: ", .muted), StyledSpan(PatchDiff.short(theirs[key]), .text)]))
            lines.append(StyledLine([StyledSpan("    now: ", .muted), StyledSpan(PatchDiff.short(new), .success)]))
        }
        let request = Set(CanonicalJSON.requestKeyOrder)
        leftAlone = theirs.keys.filter { request.contains($0) && mine[$0] == nil && !(theirs[$0]?.isNull ?? true) }
        if !leftAlone.isEmpty {
            lines.append([])
            lines.append([StyledSpan("Not in the draft, so the server keeps its values: " + leftAlone.joined(separator: ", "), .muted)])
        }
        if lines.isEmpty { lines = [StyledLine([StyledSpan("Nothing changed since the assistant was fetched.", .muted)])] }
        self.changes = changes
        view = TextView(lines, wrap: true, height: 10)
    }

    static func canonicalOrder(_ a: String, _ b: String) -> Bool {
        let order = CanonicalJSON.requestKeyOrder
        return (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
    }

    /// Equal as the API sees it: numbers by value, objects regardless of key order. `a` is the
    /// draft's value, `b` the server's (which may carry keys the server adds).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
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

    static func short(_ v: JSONValue?) -> String {
        guard let v else { return ChoiceOption.unsetTitle }
        let s = String(decoding: JSONEncoding.compact(v), as: UTF8.self)
        return (s.count > 70 ? String(s.prefix(69)) + "…" : s).sanitizedForDisplay
    }
}
