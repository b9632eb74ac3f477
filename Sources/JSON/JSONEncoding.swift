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

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var j = 0
            while j < buf.count {
                let b = buf[j]
                j += 1
                // C1 controls (U+0080–009F) and bidi overrides (U+202A–202E, U+2066–2069) are valid
                // JSON raw, but would act on a terminal that prints the output: written as \uXXXX.
                if b == 0xC2 || b == 0xE2 {
                    let scalar: UInt32?
                    if b == 0xC2, j < buf.count, (0x80...0x9F).contains(buf[j]) {
                        scalar = UInt32(buf[j])
                    } else if b == 0xE2, j + 1 < buf.count, (buf[j] == 0x80 && (0xAA...0xAE).contains(buf[j + 1]))
                                || (buf[j] == 0x81 && (0xA6...0xA9).contains(buf[j + 1])) {
                        scalar = 0x2000 | (UInt32(buf[j] & 0x3F) << 6) | UInt32(buf[j + 1] & 0x3F)
                    } else {
                        scalar = nil
                    }
                    guard let scalar else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<(j - 1)]))
                    j += b == 0xC2 ? 1 : 2
                    runStart = j
                    out.append(contentsOf: [0x5C, 0x75] + (0..<4).reversed().map { hex[Int((scalar >> ($0 * 4)) & 0xF)] })
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
