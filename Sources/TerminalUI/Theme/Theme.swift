/// A terminal colour as a theme names it.
public enum ThemeColor: Equatable, Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 256 indexed colours (0–7 basic, 8–15 bright).
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses "default", a name ("red", "bright-blue"), "#rrggbb" or a number 0–255.
    public static func parse(_ s: String) -> ThemeColor? {
        let t = s.lowercased()
        if t == "default" || t == "none" { return .terminalDefault }
        if let n = names[t] { return .index(n) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        if let n = Int(t), n >= 0, n < 256 { return .index(n) }
        return nil
    }

    /// The RGB value of an indexed colour (xterm palette), for matching to fewer colours.
    var rgbValue: (Int, Int, Int)? {
        switch self {
        case .terminalDefault: return nil
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .index(let n):
            let basic: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            if n < 16 { return basic[n] }
            if n < 232 {
                let v = n - 16, steps = [0, 95, 135, 175, 215, 255]
                return (steps[v / 36], steps[(v / 6) % 6], steps[v % 6])
            }
            let g = 8 + (n - 232) * 10
            return (g, g, g)
        }
    }

    /// The nearest colour index a terminal with `colors` colours can show (nil: terminal default).
    public func index(forColors colors: Int) -> Int? {
        guard let (r, g, b) = rgbValue else { return nil }
        if case .index(let n) = self, n < colors { return n }
        let limit = colors >= 256 ? 256 : (colors >= 16 ? 16 : 8)
        var best = 0, bestD = Int.max
        // On 256-colour terminals an RGB colour maps into the cube and grey ramp (16–255), which
        // are the same everywhere; 0–15 follow the user's palette.
        let first = limit == 256 ? 16 : 0
        for i in first..<limit {
            guard let (r2, g2, b2) = ThemeColor.index(i).rgbValue else { continue }
            let d = (r - r2) * (r - r2) + (g - g2) * (g - g2) + (b - b2) * (b - b2)
            if d < bestD { bestD = d; best = i }
        }
        return best
    }
}

/// How a theme draws one slot.
public struct SlotStyle: Equatable, Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
    public init(_ fg: ThemeColor = .terminalDefault, _ bg: ThemeColor = .terminalDefault, _ attributes: TextAttributes = []) {
        foreground = fg; background = bg; self.attributes = attributes
    }
}

/// A named set of slot styles. Missing slots fall back to `text`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var slots: [ThemeSlot: SlotStyle]
    public init(name: String, slots: [ThemeSlot: SlotStyle]) { self.name = name; self.slots = slots }

    public func style(for slot: ThemeSlot) -> SlotStyle {
        slots[slot] ?? slots[.text] ?? SlotStyle()
    }
}
