/// Eight bytes at a time: the parser and the encoder skip the long plain runs of a string (a 1 MB
/// prompt) a word per step instead of a byte per step, and stop at the first byte that needs a look.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `w` is zero (exact as an "any": a false hit only follows a true one).
    @inline(__always) static func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
    /// Some byte of `w` is `b`.
    @inline(__always) static func has(_ w: UInt64, _ b: UInt8) -> Bool { hasZero(w ^ (ones &* UInt64(b))) }
    /// Some byte of `w` is below 0x20 (a control character).
    @inline(__always) static func hasControl(_ w: UInt64) -> Bool { (w &- ones &* 0x20) & ~w & highs != 0 }
    @inline(__always) static func hasNonASCII(_ w: UInt64) -> Bool { w & highs != 0 }

    @inline(__always) static func word(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// From `i`, the index of the first word that holds a quote, a backslash or a control
    /// character (or, unless `allowNonASCII`, a byte above 0x7F); the caller goes on byte by byte.
    @inline(__always)
    static func skipPlainStringWords(_ buf: UnsafeBufferPointer<UInt8>, from i: Int, allowNonASCII: Bool) -> Int {
        var i = i
        while i + 8 <= buf.count {
            let w = word(buf, i)
            if hasControl(w) || has(w, 0x22) || has(w, 0x5C) || (!allowNonASCII && hasNonASCII(w)) { return i }
            i += 8
        }
        return i
    }

    /// From `i`, the first word the encoder must look into: a byte it escapes (a control
    /// character, a quote, a backslash, DEL) or any non-ASCII byte (it may start a scalar written escaped).
    @inline(__always)
    static func skipPlainOutputWords(_ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i + 8 <= buf.count {
            let w = word(buf, i)
            if hasNonASCII(w) || hasControl(w) || has(w, 0x22) || has(w, 0x5C) || has(w, 0x7F) { return i }
            i += 8
        }
        return i
    }
}
