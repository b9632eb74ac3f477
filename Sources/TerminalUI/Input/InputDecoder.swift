import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Turns what the terminal sends into `InputEvent`s. Pure and testable: feed raw bytes (as a
/// terminal would send them), or the characters and key codes that ncurses' `get_wch` returns.
///
/// Handles UTF-8, ESC-prefixed Alt keys, CSI/SS3 sequences (arrows, Home/End, PgUp/PgDn, F-keys,
/// modifiers), SGR and X10 mouse reports, and bracketed paste (`ESC[200~ … ESC[201~`) as one
/// `.paste` event. A lone ESC stays pending until `flush()` (called when the ESC delay passes).
public struct InputDecoder: Sendable {
    private enum State: Sendable { case ground, escape, csi(String), ss3, x10([UInt32]), paste }
    private var state: State = .ground
    private var utf8: [UInt8] = []
    /// The bytes of a bracketed paste so far, taken in bulk (a paste of 1 MB is a few hundred
    /// reads, not a million scalars).
    private var pasteBytes: [UInt8] = []
    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)
    /// ncurses key codes assigned to the paste brackets with `define_key`.
    public static let pasteStartCode: Int32 = KEY_MAX + 1
    public static let pasteEndCode: Int32 = KEY_MAX + 2

    public init() {}

    /// True while an ESC or an unfinished sequence waits for more input.
    public var isPending: Bool {
        if case .ground = state { return !utf8.isEmpty }
        if case .paste = state { return false }
        return true
    }
    /// True inside a bracketed paste (do not time out: the rest is coming).
    public var isInPaste: Bool { if case .paste = state { return true }; return false }

    /// Raw bytes from the terminal.
    public mutating func feed(bytes: some Sequence<UInt8>) -> [InputEvent] {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { feed(buffer: $0) }
    }

    /// Raw bytes from the terminal, as read(2) returned them.
    public mutating func feed(buffer: UnsafeBufferPointer<UInt8>) -> [InputEvent] {
        var out: [InputEvent] = []
        var i = 0
        while i < buffer.count {
            if case .paste = state {
                i = takePaste(buffer, from: i, into: &out)
                continue
            }
            let b = buffer[i]
            i += 1
            if utf8.isEmpty, b < 0x80 { feed(scalar: Unicode.Scalar(b), into: &out); continue }
            utf8.append(b)
            let need: Int
            switch utf8[0] {
            case 0..<0x80: need = 1
            case 0xC0..<0xE0: need = 2
            case 0xE0..<0xF0: need = 3
            case 0xF0..<0xF8: need = 4
            default: utf8.removeAll(); continue // stray continuation byte
            }
            if utf8.count < need { continue }
            var it = utf8.makeIterator()
            var dec = UTF8()
            if case .scalarValue(let s) = dec.decode(&it) { feed(scalar: s, into: &out) }
            utf8.removeAll()
        }
        return out
    }

    /// Inside a paste: appends bytes up to the end marker in one go; returns where to go on.
    private mutating func takePaste(_ buffer: UnsafeBufferPointer<UInt8>, from i: Int, into out: inout [InputEvent]) -> Int {
        // Rescan the last few bytes already taken: the marker may straddle two reads.
        let searchFrom = max(0, pasteBytes.count - (Self.pasteEnd.count - 1))
        pasteBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        guard let at = Self.find(Self.pasteEnd, in: pasteBytes, from: searchFrom) else { return buffer.count }
        let after = pasteBytes.count - (at + Self.pasteEnd.count) // bytes of this read after the marker
        pasteBytes.removeSubrange(at...)
        state = .ground
        out.append(finishPaste())
        return buffer.count - after
    }

    /// Where `needle` starts in `hay` at or after `start`: memchr for its first byte, then a
    /// compare (a paste is mostly text with no ESC in it).
    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard hay.count >= needle.count, start <= hay.count - needle.count else { return nil }
        return hay.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                let base = h.baseAddress!, last = h.count - n.count
                var i = start
                while i <= last {
                    guard let p = memchr(base + i, Int32(n[0]), last - i + 1) else { return nil }
                    i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, n.baseAddress!, n.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// One character as returned by `get_wch` (OK).
    public mutating func feed(scalar: Unicode.Scalar) -> [InputEvent] {
        var out: [InputEvent] = []
        feed(scalar: scalar, into: &out)
        return out
    }

    /// One key code as returned by `get_wch` (KEY_CODE_YES), with its `keyname()` for the codes
    /// terminfo assigns at run time (Ctrl-arrows are `kRIT5`, `kUP5`, …).
    public mutating func feed(keyCode: Int32, name: String? = nil) -> [InputEvent] {
        if keyCode == Self.pasteStartCode { state = .paste; pasteBytes = []; return [] }
        if keyCode == Self.pasteEndCode {
            if case .paste = state { state = .ground; return [finishPaste()] }
            return []
        }
        if case .paste = state {
            if keyCode == KEY_ENTER { pasteBytes.append(0x0A) }
            return []
        }
        var out = flushPending()
        if let k = Self.keyFromCode(keyCode, name: name) { out.append(.key(k)) }
        return out
    }

    /// Called when the ESC delay passed with nothing more: a pending ESC is the Escape key.
    public mutating func flush() -> [InputEvent] { flushPending() }

    private mutating func flushPending() -> [InputEvent] {
        switch state {
        case .escape: state = .ground; return [.key(.escape)]
        case .csi(let body):
            state = .ground
            return [.key(.alt("["))] + body.map { InputEvent.char($0) }
        case .ss3: state = .ground; return [.key(.alt("O"))]
        case .x10: state = .ground; return []
        case .ground, .paste: return []
        }
    }

    /// The paste as text, newlines as "\n" (terminals send CR; CR LF counts once). Byte by byte:
    /// CR and LF never occur inside a UTF-8 sequence.
    private mutating func finishPaste() -> InputEvent {
        var bytes = pasteBytes
        pasteBytes = []
        if bytes.contains(0x0D) {
            let n = bytes.withUnsafeMutableBufferPointer { buf -> Int in
                var w = 0
                var prevCR = false
                for r in 0..<buf.count {
                    let b = buf[r]
                    if b == 0x0A, prevCR { prevCR = false; continue }
                    prevCR = b == 0x0D
                    buf[w] = prevCR ? 0x0A : b
                    w += 1
                }
                return w
            }
            bytes.removeSubrange(n...)
        }
        return .paste(String(decoding: bytes, as: UTF8.self))
    }

    private mutating func feed(scalar s: Unicode.Scalar, into out: inout [InputEvent]) {
        switch state {
        case .paste:
            pasteBytes.append(contentsOf: String(s).utf8)
            if s == "~", pasteBytes.count >= Self.pasteEnd.count, pasteBytes.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) {
                pasteBytes.removeLast(Self.pasteEnd.count)
                state = .ground
                out.append(finishPaste())
            }
        case .ground:
            if s == "\u{1B}" { state = .escape } else { out.append(.key(Self.keyFromScalar(s))) }
        case .escape:
            switch s {
            case "[": state = .csi("")
            case "O": state = .ss3
            case "\u{1B}": out.append(.key(.escape)) // ESC ESC: first one was the key
            default:
                state = .ground
                var k = Self.keyFromScalar(s)
                k.modifiers.insert(.alt)
                out.append(.key(k))
            }
        case .ss3:
            state = .ground
            let map: [Unicode.Scalar: Key] = ["A": .up, "B": .down, "C": .right, "D": .left, "H": .home,
                                              "F": .end, "P": .function(1), "Q": .function(2),
                                              "R": .function(3), "S": .function(4), "M": .enter]
            if let k = map[s] { out.append(.key(KeyPress(k))) }
        case .x10(var bytes):
            bytes.append(s.value)
            if bytes.count < 3 { state = .x10(bytes); return }
            state = .ground
            let b = Int(bytes[0]) - 32
            if let m = Self.mouse(button: b, col: Int(bytes[1]) - 33, row: Int(bytes[2]) - 33, release: false) {
                out.append(.mouse(m))
            }
        case .csi(var body):
            let v = s.value
            if v >= 0x40 && v <= 0x7E {
                state = .ground
                if s == "M", body.isEmpty { state = .x10([]); return }
                if let e = Self.csiEvent(body: body, final: Character(s)) {
                    if case .key(let k) = e, k == KeyPress(.function(-200)) { state = .paste; pasteBytes = []; return }
                    out.append(e)
                }
            } else if v >= 0x20 && v < 0x40 {
                body.unicodeScalars.append(s)
                state = .csi(body)
            } else {
                state = .ground // malformed: drop
            }
        }
    }

    static func keyFromScalar(_ s: Unicode.Scalar) -> KeyPress {
        switch s.value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x00: return KeyPress(.char(" "), .ctrl)
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(s.value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(s.value + 0x40)!))
        default: return .char(Character(s))
        }
    }

    private static func modifiers(_ param: Int) -> Modifiers {
        let m = max(0, param - 1)
        var r: Modifiers = []
        if m & 1 != 0 { r.insert(.shift) }
        if m & 2 != 0 { r.insert(.alt) }
        if m & 4 != 0 { r.insert(.ctrl) }
        return r
    }

    private static func mouse(button b: Int, col: Int, row: Int, release: Bool) -> MouseEvent? {
        var mods: Modifiers = []
        if b & 4 != 0 { mods.insert(.shift) }
        if b & 8 != 0 { mods.insert(.alt) }
        if b & 16 != 0 { mods.insert(.ctrl) }
        let kind: MouseEvent.Kind
        if b & 64 != 0 { kind = (b & 1) == 0 ? .wheelUp : .wheelDown }
        else if b & 32 != 0 { kind = .move }
        else if release || (b & 3) == 3 { kind = .release }
        else { kind = .press(button: (b & 3) + 1) }
        return MouseEvent(kind, row: row, col: col, modifiers: mods)
    }

    static func csiEvent(body: String, final: Character) -> InputEvent? {
        if body.hasPrefix("<"), final == "M" || final == "m" { // SGR mouse: ESC[<b;x;yM
            let p = body.dropFirst().split(separator: ";").compactMap { Int($0) }
            guard p.count == 3 else { return nil }
            return Self.mouse(button: p[0], col: p[1] - 1, row: p[2] - 1, release: final == "m").map { .mouse($0) }
        }
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        let mods = params.count > 1 ? modifiers(params[1]) : []
        let key: Key
        switch final {
        case "A": key = .up
        case "B": key = .down
        case "C": key = .right
        case "D": key = .left
        case "H": key = .home
        case "F": key = .end
        case "P": key = .function(1)
        case "Q": key = .function(2)
        case "R": key = .function(3)
        case "S": key = .function(4)
        case "Z": return .key(KeyPress(.tab, .shift))
        case "~":
            switch params.first ?? 0 {
            case 1, 7: key = .home
            case 2: key = .insert
            case 3: key = .delete
            case 4, 8: key = .end
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11...15: key = .function(params[0] - 10)
            case 17...21: key = .function(params[0] - 11)
            case 23, 24: key = .function(params[0] - 12)
            case 200: return .key(KeyPress(.function(-200))) // paste start marker, consumed by the caller
            default: return nil
            }
        default: return nil // focus reports and the like
        }
        return .key(KeyPress(key, mods))
    }

    /// Maps an ncurses key code (and its terminfo name for extended keys) to a key.
    static func keyFromCode(_ code: Int32, name: String?) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return KeyPress(.insert)
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SRIGHT: return KeyPress(.right, .shift)
        case KEY_SLEFT: return KeyPress(.left, .shift)
        case KEY_SR: return KeyPress(.up, .shift)
        case KEY_SF: return KeyPress(.down, .shift)
        case KEY_SHOME: return KeyPress(.home, .shift)
        case KEY_SEND: return KeyPress(.end, .shift)
        case KEY_SDC: return KeyPress(.delete, .shift)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return KeyPress(.function(Int(code - KEY_F0)))
        case (KEY_F0 + 13)...(KEY_F0 + 24): return KeyPress(.function(Int(code - KEY_F0 - 12)), .shift)
        case (KEY_F0 + 25)...(KEY_F0 + 36): return KeyPress(.function(Int(code - KEY_F0 - 24)), .ctrl)
        default: break
        }
        // Extended keys: terminfo names like kUP5 (ctrl+up), kRIT3 (alt+right), kDC5 (ctrl+del).
        guard let name, name.count >= 3, let digit = name.last?.wholeNumberValue, digit >= 2, digit <= 8 else { return nil }
        let base = String(name.dropLast())
        let keys: [String: Key] = ["kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home,
                                   "kEND": .end, "kDC": .delete, "kIC": .insert, "kPRV": .pageUp, "kNXT": .pageDown]
        guard let key = keys[base] else { return nil }
        return KeyPress(key, modifiers(digit))
    }
}
