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
        if let key, result.contains(key.secret) { result = result.replacingOccurrences(of: key.secret, with: key.masked) }
        if result.count > maxShown { result = String(result.prefix(maxShown)) + "\n… (cut; the body was longer)" }
        return result
    }
}
