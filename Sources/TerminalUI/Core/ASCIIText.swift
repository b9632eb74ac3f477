extension StringProtocol {
    /// Every byte is printable ASCII (U+0020–U+007E): each Character is one byte and one column,
    /// so wrapping, slicing and drawing can count bytes. Nearly all text drawn is; the check is a
    /// plain loop over the bytes, as it runs for every line on every frame.
    public var isPrintableASCII: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b >= 0x7F { return false }
            return true
        } ?? utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Every byte is ASCII and none is CR (which joins a following LF into one Character): a
    /// Character per byte, controls included.
    public var isOneByteCharacters: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b >= 0x80 || b == 0x0D { return false }
            return true
        } ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
