/// Writes JSON the one way this project writes it: two-space indentation, `": "` between key and
/// value, UTF-8 left unescaped, number literals as they were given, and a final newline. The same
/// value always gives the same bytes, so `preview` prints exactly what `submit` sends.
public enum JSONEncoding {
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    public static func prettyString(_ value: JSONValue) -> String { String(decoding: pretty(value), as: UTF8.self) }

    /// One line, no spaces: for logs and for request bodies where size matters more than reading.
    public static func compact(_ value: JSONValue) -> [UInt8] {
        var out = [UInt8]()
        writeCompact(value, into: &out)
        return out
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private static func write(_ v: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch v {
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                newline(indent + 1, &out)
                write(item, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(0x5D)
        case .object(let obj):
            if obj.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            var first = true
            for (k, item) in obj {
                if !first { out.append(0x2C) }
                first = false
                newline(indent + 1, &out)
                writeString(k, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                write(item, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(0x7D)
        default:
            writeScalar(v, into: &out)
        }
    }

    private static func writeCompact(_ v: JSONValue, into out: inout [UInt8]) {
        switch v {
        case .array(let items):
            out.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                writeCompact(item, into: &out)
            }
            out.append(0x5D)
        case .object(let obj):
            out.append(0x7B)
            var first = true
            for (k, item) in obj {
                if !first { out.append(0x2C) }
                first = false
                writeString(k, into: &out)
                out.append(0x3A)
                writeCompact(item, into: &out)
            }
            out.append(0x7D)
        default:
            writeScalar(v, into: &out)
        }
    }

    private static func writeScalar(_ v: JSONValue, into out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.literal.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array, .object: break
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The scalars written escaped although JSON allows them raw (see writeString).
    static func escapedForTerminals(_ v: UInt32) -> Bool {
        (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x061C || v == 0x200E || v == 0x200F || v == 0xFEFF || (0xE0000...0xE007F).contains(v)
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var j = 0
            while j < buf.count {
                // Plain ASCII runs a word at a time (a 1 MB prompt is mostly that).
                j = ByteScan.skipPlainOutputWords(buf, from: j)
                guard j < buf.count else { break }
                let b = buf[j]
                j += 1
                // C1 controls, bidi overrides and marks (RLM, LRM, ALM), the BOM and tag characters are
                // valid JSON raw, but would act on (or hide from) a terminal that prints the output:
                // written as \uXXXX (a surrogate pair above U+FFFF).
                if b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF || b == 0xF3 {
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    guard j - 1 + length <= buf.count else { continue }
                    var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 0..<(length - 1) { scalar = scalar << 6 | UInt32(buf[j + k] & 0x3F) }
                    guard JSONEncoding.escapedForTerminals(scalar) else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<(j - 1)]))
                    j += length - 1
                    runStart = j
                    let units: [UInt32] = scalar > 0xFFFF
                        ? [0xD800 + ((scalar - 0x10000) >> 10), 0xDC00 + ((scalar - 0x10000) & 0x3FF)] : [scalar]
                    for u in units { out.append(contentsOf: [0x5C, 0x75] + (0..<4).reversed().map { hex[Int((u >> ($0 * 4)) & 0xF)] }) }
                    continue
                }
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<(j - 1)]))
                runStart = j
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                default: // other control characters, and DEL so no raw terminal control leaks through
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count]))
        }
        out.append(0x22)
    }
}
