import Foundation

/// Makes server text safe to show: a body can hold terminal escape sequences, and an error page can
/// be megabytes long.
enum ResponseText {
    static let maxShown = 16 * 1024

    /// Drops C0 and C1 control characters and DEL except line breaks and tabs, masks the key if the
    /// server echoed it, and cuts very long bodies.
    static func sanitised(_ bytes: [UInt8], maskingKey key: APIKey? = nil) -> String {
        let text = String(decoding: bytes.prefix(maxShown * 4), as: UTF8.self)
        return sanitised(text, maskingKey: key)
    }

    static func sanitised(_ text: String, maskingKey key: APIKey? = nil) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v == 0x0A || v == 0x09 { out.append(s); continue }
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) { continue }
            out.append(s)
        }
        var result = String(out)
        if let key { result = KeyMask.masking(key, in: result) }
        if result.count > maxShown { result = String(result.prefix(maxShown)) + "\n… (cut; the body was longer)" }
        return result
    }

    /// Already sanitised text on one line (breaks and tabs as spaces), cut with … past `max` characters.
    static func oneLine(_ text: String, max: Int) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
        return flat.count <= max ? flat : String(flat.prefix(max - 1)) + "…"
    }
}

/// Finds the key in text that spells it in a roundabout way: JSON escapes (`\u0048`), percent-encoding
/// (`%48`), layers of both, and invisible characters in between. Each match is replaced, in the text
/// as it stands, by the masked key.
enum KeyMask {
    /// One scalar of a decoded layer, with the scalars of the original text it came from.
    private struct Unit {
        let scalar: Unicode.Scalar
        let origin: Range<Int>
    }

    static func masking(_ key: APIKey, in text: String) -> String {
        let needle = Array(key.secret.unicodeScalars)
        guard !needle.isEmpty else { return text }
        let original = Array(text.unicodeScalars)
        var layer = original.enumerated().map { Unit(scalar: $1, origin: $0..<($0 + 1)) }
        var hits = [Range<Int>]()
        // Three layers cover a percent-encoded JSON escape of a percent-encoded character.
        for _ in 0..<4 {
            layer = layer.filter { !isInvisible($0.scalar) }
            hits += matches(needle, in: layer)
            let next = decodeOnce(layer)
            if next.count == layer.count { break }
            layer = next
        }
        guard !hits.isEmpty else { return text }
        // Replace from the end so earlier ranges stay valid; overlapping hits merge.
        let merged = hits.sorted { $0.lowerBound < $1.lowerBound }.reduce(into: [Range<Int>]()) { acc, r in
            if let last = acc.last, r.lowerBound < last.upperBound {
                acc[acc.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                acc.append(r)
            }
        }
        var out = original
        for r in merged.reversed() { out.replaceSubrange(r, with: Array(key.masked.unicodeScalars)) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    private static func matches(_ needle: [Unicode.Scalar], in layer: [Unit]) -> [Range<Int>] {
        guard layer.count >= needle.count else { return [] }
        var found = [Range<Int>]()
        var i = 0
        while i <= layer.count - needle.count {
            if layer[i].scalar == needle[0], (1..<needle.count).allSatisfy({ layer[i + $0].scalar == needle[$0] }) {
                found.append(layer[i].origin.lowerBound..<layer[i + needle.count - 1].origin.upperBound)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Undoes one layer of `\uXXXX`, `\"`-style and `%XX` escapes (ASCII results only: keys are ASCII).
    private static func decodeOnce(_ units: [Unit]) -> [Unit] {
        var out = [Unit]()
        out.reserveCapacity(units.count)
        var i = 0
        func hex(_ at: Int, _ n: Int) -> UInt32? {
            guard at + n <= units.count else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + n) {
                guard let d = UInt32(String(units[k].scalar), radix: 16) else { return nil }
                v = v * 16 + d
            }
            return v
        }
        func emit(_ v: UInt32, _ from: Int, _ to: Int) {
            out.append(Unit(scalar: Unicode.Scalar(v)!, origin: units[from].origin.lowerBound..<units[to - 1].origin.upperBound))
        }
        while i < units.count {
            let s = units[i].scalar
            if s == "\\", i + 1 < units.count {
                let n = units[i + 1].scalar
                if n == "u", let v = hex(i + 2, 4), v < 0x80 { emit(v, i, i + 6); i += 6; continue }
                let simple: [Unicode.Scalar: UInt32] = ["\"": 0x22, "\\": 0x5C, "/": 0x2F]
                if let v = simple[n] { emit(v, i, i + 2); i += 2; continue }
            }
            if s == "%", let v = hex(i + 1, 2), v < 0x80 { emit(v, i, i + 3); i += 3; continue }
            out.append(units[i])
            i += 1
        }
        return out
    }

    /// Characters that show nothing and could be slipped between the key's characters.
    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || s.properties.generalCategory == .format
    }
}
