#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON

/// A theme file that could not be used, said so a person can fix it.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The JSON path of the offending key, e.g. `slots.accent.fg` (empty for syntax errors).
    public var key: String
    public var problem: String
    public var description: String {
        key.isEmpty ? "theme \(file): \(problem)" : "theme \(file): \(key): \(problem)"
    }
}

/// Finds and reads themes. Theme files are JSON:
///
///     { "name": "dark",
///       "slots": { "background": { "fg": "252", "bg": "#1c1c1c" },
///                  "accent": { "fg": "bright-blue", "bold": true }, ... } }
///
/// Colours: `default`, a name (`red`, `bright-blue`, …), `#rrggbb` or an index 0–255; attributes
/// `bold`, `dim`, `underline`, `reverse`, `italic`. A slot without `bg` takes the background slot's.
public enum ThemeLoader {
    public static let builtInNames = ["default", "dark", "light", "high-contrast", "mono"]

    /// Picks the theme: `NO_COLOR` forces mono; else `choice` (a name or a path), else
    /// `ASSISTANT_WIZARD_THEME`, else `default`. Never fails: problems come back as warnings and
    /// the default theme is used.
    public static func resolve(choice: String?, themesDirectory: String?,
                               environment: (String) -> String? = { getenv($0).map { String(cString: $0) } })
        -> (theme: Theme, warnings: [String]) {
        resolve(choice: choice, themesDirectories: themesDirectory.map { [$0] } ?? [], shipped: themesDirectory, environment: environment)
    }

    /// The same, looking a name up in each of `themesDirectories` in turn (the first that holds
    /// `NAME.json` wins, so a user's folder listed first overrides the shipped themes).
    /// `shipped` is the one of them that holds the shipped themes (see `load`).
    public static func resolve(choice: String?, themesDirectories: [String], shipped: String? = nil,
                               environment: (String) -> String? = { getenv($0).map { String(cString: $0) } })
        -> (theme: Theme, warnings: [String]) {
        if let nc = environment("NO_COLOR"), !nc.isEmpty {
            return load(nameOrPath: "mono", themesDirectories: themesDirectories, shipped: shipped)
        }
        let wanted = choice ?? environment("ASSISTANT_WIZARD_THEME").flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return load(nameOrPath: wanted, themesDirectories: themesDirectories, shipped: shipped)
    }

    /// Loads a theme by name (from `themesDirectory/NAME.json`) or by path (contains "/" or ends
    /// in ".json"). The default and mono themes are built in (compiled, the same as their files):
    /// by name they are not read or parsed.
    public static func load(nameOrPath: String, themesDirectory: String?) -> (theme: Theme, warnings: [String]) {
        load(nameOrPath: nameOrPath, themesDirectories: themesDirectory.map { [$0] } ?? [], shipped: themesDirectory)
    }

    /// Loads a theme by path, or by name from the first of `themesDirectories` that has
    /// `NAME.json`. A file that is there but broken is reported with its path, not skipped: the
    /// user meant that one. A compiled-in theme stands for `shipped`'s copy of it (the two are
    /// the same, a test says so), so by name it is not read or parsed unless a user's folder
    /// (any other) holds a file of that name.
    public static func load(nameOrPath: String, themesDirectories: [String], shipped: String? = nil) -> (theme: Theme, warnings: [String]) {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        if !isPath, let embedded = builtIn(nameOrPath),
           !themesDirectories.contains(where: { $0 != shipped && access($0 + "/" + nameOrPath + ".json", F_OK) == 0 }) {
            return (embedded, [])
        }
        let candidates = isPath ? [nameOrPath] : themesDirectories.map { $0 + "/" + nameOrPath + ".json" }
        var unreadable: FileError?
        for path in candidates {
            do throws(FileError) {
                let bytes = try FileIO.read(path, limit: maxFileSize)
                switch parse(json: bytes, file: path) {
                case .success(let t): return (t, [])
                case .failure(let e): return (builtInDefault, [e.description + "; using the default theme"])
                }
            } catch {
                if case .notFound = error { continue }
                unreadable = error
                break
            }
        }
        if !isPath, let embedded = builtIn(nameOrPath) { return (embedded, []) }
        let avail = " (available: " + availableThemes(in: themesDirectories).joined(separator: ", ") + ")"
        let what: String
        switch unreadable {
        case nil: what = isPath ? "theme file \(nameOrPath): no such file" : "theme '\(nameOrPath)' not found\(avail)"
        case let e?: what = "theme file \(e.description)"
        }
        return (builtInDefault, [what + "; using the default theme"])
    }

    /// Every theme a name can pick: the files in `directories` and the built-in ones, sorted, once each.
    public static func availableThemes(in directories: [String]) -> [String] {
        Array(Set(directories.flatMap { availableThemes(in: $0) } + ["default", "mono"])).sorted()
    }

    /// A theme is about a kilobyte; past this it is not one, and a FIFO fed forever stops here.
    static let maxFileSize = 1 << 20

    /// Theme names (file names without .json) in a directory, sorted.
    public static func availableThemes(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".json") { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Parses theme JSON. `file` names the source in error messages.
    public static func parse(json: String, file: String) -> Result<Theme, ThemeError> {
        parse(json: Array(json.utf8), file: file)
    }

    /// Parses theme JSON with the drafts' parser: hostile files (deep nesting, invalid UTF-8) get
    /// a message with the line and column, never a crash.
    public static func parse(json: [UInt8], file: String) -> Result<Theme, ThemeError> {
        let root: JSONValue
        do { root = try JSONParser.parse(json) } catch {
            return .failure(ThemeError(file: file, key: "", problem: error.description))
        }
        guard case .object(let top) = root else { return .failure(ThemeError(file: file, key: "", problem: "the top level must be an object")) }
        var name = file
        var slots: [ThemeSlot: SlotStyle] = [:]
        var explicitBackground: Set<ThemeSlot> = []
        for (k, v) in top {
            switch k {
            case "name":
                guard case .string(let s) = v else { return .failure(ThemeError(file: file, key: "name", problem: "must be a string")) }
                name = s
            case "slots":
                guard case .object(let members) = v else { return .failure(ThemeError(file: file, key: "slots", problem: "must be an object")) }
                for (slotName, slotValue) in members {
                    guard let slot = ThemeSlot(rawValue: slotName) else {
                        return .failure(ThemeError(file: file, key: "slots.\(slotName)",
                                                   problem: "unknown slot (known: \(ThemeSlot.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    }
                    guard case .object(let fields) = slotValue else {
                        return .failure(ThemeError(file: file, key: "slots.\(slotName)", problem: "must be an object like {\"fg\": \"red\"}"))
                    }
                    var st = SlotStyle()
                    for (field, fv) in fields {
                        let key = "slots.\(slotName).\(field)"
                        switch field {
                        case "fg", "bg":
                            guard case .string(let cs) = fv, let c = ThemeColor.parse(cs) else {
                                return .failure(ThemeError(file: file, key: key, problem: "\(describe(fv)) is not a colour (use default, a name like red or bright-blue, #rrggbb, or \"0\"–\"255\")"))
                            }
                            if field == "fg" { st.foreground = c } else { st.background = c; explicitBackground.insert(slot) }
                        case "bold", "dim", "underline", "reverse", "italic":
                            guard case .bool(let b) = fv else { return .failure(ThemeError(file: file, key: key, problem: "must be true or false")) }
                            let a: TextAttributes = ["bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic][field]!
                            if b { st.attributes.insert(a) }
                        default:
                            return .failure(ThemeError(file: file, key: key, problem: "unknown key (known: fg, bg, bold, dim, underline, reverse, italic)"))
                        }
                    }
                    slots[slot] = st
                }
            default:
                return .failure(ThemeError(file: file, key: k, problem: "unknown key (known: name, slots)"))
            }
        }
        let bg = slots[.background]?.background ?? .terminalDefault
        for slot in ThemeSlot.allCases where !explicitBackground.contains(slot) {
            if slots[slot] == nil { slots[slot] = slots[.text] ?? SlotStyle() }
            if !explicitBackground.contains(slot) { slots[slot]!.background = bg }
        }
        return .success(Theme(name: name, slots: slots))
    }

    private static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .number(let n): return "\(n.literal) (a number; write colours as strings)"
        case .bool(let b): return "\(b)"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public static func builtIn(_ name: String) -> Theme? {
        switch name {
        case "default": return builtInDefault
        case "mono": return builtInMono
        default: return nil
        }
    }

    /// Byte for byte the same as themes/default.json (a test checks it).
    public static let defaultThemeJSON = """
    {
      "name": "default",
      "slots": {
        "background": { "fg": "default", "bg": "default" },
        "text": { "fg": "default" },
        "muted": { "fg": "245" },
        "accent": { "fg": "75", "bold": true },
        "focus": { "fg": "81", "bold": true },
        "error": { "fg": "203", "bold": true },
        "warning": { "fg": "214" },
        "success": { "fg": "114" },
        "selection": { "fg": "231", "bg": "25" },
        "border": { "fg": "240" },
        "json_key": { "fg": "117" },
        "json_string": { "fg": "150" },
        "json_number": { "fg": "215" },
        "json_bool": { "fg": "176" },
        "json_null": { "fg": "245", "italic": true },
        "json_punctuation": { "fg": "250" }
      }
    }

    """

    /// Byte for byte the same as themes/mono.json: attributes only, for NO_COLOR and colourless terminals.
    public static let monoThemeJSON = """
    {
      "name": "mono",
      "slots": {
        "background": { "fg": "default", "bg": "default" },
        "text": { "fg": "default" },
        "muted": { "dim": true },
        "accent": { "bold": true },
        "focus": { "bold": true, "underline": true },
        "error": { "bold": true },
        "warning": { "bold": true },
        "success": {},
        "selection": { "reverse": true },
        "border": {},
        "json_key": { "bold": true },
        "json_string": {},
        "json_number": {},
        "json_bool": {},
        "json_null": { "dim": true },
        "json_punctuation": { "dim": true }
      }
    }

    """
}
