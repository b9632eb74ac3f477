/// What is wrong with the text of a key, in words: API keys are printable ASCII, and an invisible
/// character pasted with one (a BOM from a Windows editor, a zero-width space from a web page) is
/// hidden by the masked form, so the server's 401 would not say why.
enum KeyText {
    /// nil when the key is printable ASCII; else what the first offending character is and where.
    static func problem(in key: String) -> String? {
        for (i, s) in key.unicodeScalars.enumerated() {
            let v = s.value
            if v >= 0x21 && v < 0x7F { continue }
            let at = i == 0 ? "at its start" : "at character \(i + 1)"
            let hex = String(v, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            switch v {
            case 0xFEFF: return "has a byte order mark (\(code)) \(at)"
            case 0x200B: return "has a zero-width space (\(code)) \(at)"
            case 0x200C, 0x200D, 0x2060: return "has an invisible zero-width character (\(code)) \(at)"
            case 0xFFFD: return "has a replacement character (\(code), left by invalid UTF-8) \(at)"
            case 0x20, 0xA0: return "has a space \(at)"
            case ..<0x20, 0x7F: return "has a control character (\(code), a pasted line break?) \(at)"
            default: return "has the non-ASCII character \(code) \(at)"
            }
        }
        return nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n: Int
            switch b {
            case 0x00...0x7F: n = 1
            case 0xC2...0xDF: n = 2
            case 0xE0...0xEF: n = 3
            case 0xF0...0xF4: n = 4
            default: return i
            }
            guard i + n <= bytes.count else { return i }
            guard String(validating: bytes[i..<(i + n)], as: UTF8.self) != nil else { return i }
            i += n
        }
        return nil
    }
}
