/// A key, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backspace, delete, escape, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let ctrl = Modifiers(rawValue: 4)
}

/// A key with its modifiers. Ctrl-A is `.char("a")` + `.ctrl`; Shift-Tab is `.tab` + `.shift`.
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: Modifiers
    public init(_ key: Key, _ modifiers: Modifiers = []) { self.key = key; self.modifiers = modifiers }

    public static func ctrl(_ c: Character) -> KeyPress { KeyPress(.char(c), .ctrl) }
    public static func alt(_ c: Character) -> KeyPress { KeyPress(.char(c), .alt) }
    public static func char(_ c: Character) -> KeyPress { KeyPress(.char(c)) }
    public static let enter = KeyPress(.enter), tab = KeyPress(.tab), backTab = KeyPress(.tab, .shift)
    public static let backspace = KeyPress(.backspace), delete = KeyPress(.delete), escape = KeyPress(.escape)
    public static let up = KeyPress(.up), down = KeyPress(.down), left = KeyPress(.left), right = KeyPress(.right)
    public static let home = KeyPress(.home), end = KeyPress(.end), pageUp = KeyPress(.pageUp), pageDown = KeyPress(.pageDown)

    /// The character typed, when this is plain text input (no Ctrl/Alt).
    public var text: Character? {
        if case .char(let c) = key, !modifiers.contains(.ctrl), !modifiers.contains(.alt) { return c }
        return nil
    }

    /// How the help line names the key: "ctrl+a", "alt+b", "shift+tab", "enter", "↑".
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        let name: String
        switch key {
        case .char(" "): name = "space"
        case .char(let c): name = String(c)
        case .enter: name = "enter"
        case .tab: name = "tab"
        case .backspace: name = "backspace"
        case .delete: name = "del"
        case .escape: name = "esc"
        case .insert: name = "ins"
        case .up: name = "↑"
        case .down: name = "↓"
        case .left: name = "←"
        case .right: name = "→"
        case .home: name = "home"
        case .end: name = "end"
        case .pageUp: name = "pgup"
        case .pageDown: name = "pgdn"
        case .function(let n): name = "f\(n)"
        }
        parts.append(name)
        return parts.joined(separator: "+")
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press(button: Int), release, wheelUp, wheelDown, move }
    public var kind: Kind
    /// Zero-based screen position.
    public var row: Int, col: Int
    public var modifiers: Modifiers
    public init(_ kind: Kind, row: Int, col: Int, modifiers: Modifiers = []) {
        self.kind = kind; self.row = row; self.col = col; self.modifiers = modifiers
    }
}

/// Everything the terminal can tell a program.
public enum InputEvent: Hashable, Sendable {
    case key(KeyPress)
    /// A bracketed paste, delivered once, newlines kept (as "\n"): never an Enter.
    case paste(String)
    case mouse(MouseEvent)
    case resize(rows: Int, cols: Int)

    public static func char(_ c: Character) -> InputEvent { .key(.char(c)) }
    public static func ctrl(_ c: Character) -> InputEvent { .key(.ctrl(c)) }
    public static func alt(_ c: Character) -> InputEvent { .key(.alt(c)) }
    public var keyPress: KeyPress? { if case .key(let k) = self { return k }; return nil }
}
