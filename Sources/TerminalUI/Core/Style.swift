/// A semantic colour slot of a theme. UI code names what something *is*; the theme and the back
/// end decide the colours (and degrade them to 16, 8 or no colours).
public enum ThemeSlot: String, CaseIterable, Sendable, Hashable, Codable {
    case background, text, muted, accent, focus, error, warning, success, selection, border
    case jsonKey = "json_key", jsonString = "json_string", jsonNumber = "json_number"
    case jsonBool = "json_bool", jsonNull = "json_null", jsonPunctuation = "json_punctuation"
}

/// Text attributes, added on top of what the theme gives a slot.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// What a cell looks like: a theme slot plus attributes.
public struct Style: Sendable, Hashable {
    public var slot: ThemeSlot
    public var attributes: TextAttributes
    public init(_ slot: ThemeSlot = .text, _ attributes: TextAttributes = []) {
        self.slot = slot
        self.attributes = attributes
    }
    public static let text = Style(.text)
    public static let muted = Style(.muted)
    public static let accent = Style(.accent)
    public static let focus = Style(.focus)
    public static let error = Style(.error)
    public static let warning = Style(.warning)
    public static let success = Style(.success)
    public static let selection = Style(.selection)
    public static let border = Style(.border)
    public static let background = Style(.background)

    public func with(_ a: TextAttributes) -> Style { Style(slot, attributes.union(a)) }
}

extension Style {
    /// The slot's case ordinal (a field-less enum is stored as it): a cell packs it in 4 bits.
    @inline(__always)
    var slotOrdinal: UInt8 { unsafeBitCast(slot, to: UInt8.self) }

    /// The style a cell packed; `ordinal` is one `slotOrdinal` gave.
    @inline(__always)
    init(ordinal: UInt8, _ attributes: TextAttributes) {
        self.init(unsafeBitCast(ordinal, to: ThemeSlot.self), attributes)
    }
}
