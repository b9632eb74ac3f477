// Display width in terminal columns, computed in pure Swift so it does not depend on the C locale
// (`swift test` runs in the C locale, where glibc's wcwidth() answers -1 for all non-ASCII).

/// How one Unicode scalar is shown on a terminal cell grid.
public enum ScalarDisplay: Equatable, Sendable {
    /// Drawn as is, taking this many columns (0 for combining marks, 2 for wide characters).
    case glyph(width: Int)
    /// Never sent to the terminal: shown as the literal escape text `\u{XX}` instead, so text from
    /// outside cannot inject control sequences or reorder the line (bidi overrides).
    case escaped(String)
}

@inline(__always)
private func inRanges(_ v: UInt32, _ table: [(UInt32, UInt32)]) -> Bool {
    var lo = 0, hi = table.count - 1
    while lo <= hi {
        let mid = (lo + hi) >> 1
        let r = table[mid]
        if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
    }
    return false
}

/// True for scalars that must never reach the terminal raw: C0/C1 controls, DEL, the bidi
/// embedding/override/isolate controls (U+202A–202E, U+2066–2069), the invisible bidi marks
/// (ALM U+061C, LRM U+200E, RLM U+200F), the BOM (U+FEFF) and tag characters (U+E0000–E007F),
/// which can reorder or hide text without showing anything.
@inline(__always)
public func isUnsafeForDisplay(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
    if v < 0x61C { return false }
    if (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) { return true }
    if v == 0x61C || v == 0x200E || v == 0x200F || v == 0xFEFF || (v >= 0xE0000 && v <= 0xE007F) { return true }
    return false
}

/// How `s` is displayed: its width, or the escape text that replaces it.
public func scalarDisplay(_ s: Unicode.Scalar) -> ScalarDisplay {
    if isUnsafeForDisplay(s) { return .escaped(escapeText(s)) }
    return .glyph(width: scalarWidth(s))
}

/// Columns taken by a displayable scalar: 0 (combining, zero-width), 1 or 2 (wide, emoji).
/// Unsafe scalars answer the width of their escape text.
@inline(__always)
public func scalarWidth(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v >= 0x20 && v < 0x7F { return 1 }
    if isUnsafeForDisplay(s) { return escapeText(s).count }
    if v < 0x300 { return 1 }
    if inRanges(v, zeroWidthRanges) { return 0 }
    if v >= 0x1100 && inRanges(v, wideRanges) { return 2 }
    return 1
}

func escapeText(_ s: Unicode.Scalar) -> String {
    let hex = String(s.value, radix: 16, uppercase: true)
    return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
}

/// Columns the string takes on screen, with unsafe scalars counted as their escape text.
/// (An overload per string type, as `Canvas.put`: a generic one runs unspecialized when called
/// from another module.)
public func displayWidth(_ text: String) -> Int { width(of: text) }
public func displayWidth(_ text: Substring) -> Int { width(of: text) }

private func width(of text: some StringProtocol) -> Int {
    var w = 0
    for s in text.unicodeScalars { w += scalarWidth(s) }
    return w
}

/// Columns one grapheme (Character) takes: the sum of its scalars, as glibc and tmux count it.
@inline(__always)
public func displayWidth(_ c: Character) -> Int {
    if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
    var w = 0
    for s in c.unicodeScalars { w += scalarWidth(s) }
    return w
}

extension String {
    /// The string with every control character and bidi control replaced by its literal escape
    /// text (`ESC` becomes `\u{1B}`), safe to show or log on a terminal.
    public var sanitizedForDisplay: String {
        if !unicodeScalars.contains(where: isUnsafeForDisplay) { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if isUnsafeForDisplay(s) { out.append(contentsOf: escapeText(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// The longest prefix that fits in `width` columns (never splitting a wide character).
    public func prefix(fittingWidth width: Int) -> Substring {
        var w = 0
        var end = startIndex
        for i in indices {
            let cw = displayWidth(self[i])
            if w + cw > width { break }
            w += cw
            end = index(after: i)
        }
        return self[startIndex..<end]
    }

    /// The string clipped to `width` columns, ending in "…" when something was cut.
    public func truncated(toWidth width: Int) -> String {
        if width <= 0 { return "" }
        if displayWidth(self) <= width { return self }
        return String(prefix(fittingWidth: width - 1)) + "…"
    }
}
