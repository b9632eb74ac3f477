/// Why a draft could not be loaded, saved or found. Every message names the file or draft.
public enum DraftError: Error, Sendable, Equatable, CustomStringConvertible {
    case file(FileError)
    /// The file is not JSON; the error has the line and column.
    case syntax(file: String, JSONSyntaxError)
    /// The file is JSON but not an object.
    case notAnObject(file: String, found: String)
    case noSuchDraft(name: String, directory: String)
    case ambiguous(name: String, candidates: [String])
    case invalidName(String)
    /// The body contains the API key: refused, the key never goes into a draft.
    case containsAPIKey(file: String)
    /// The sidecar that remembers what was sent where cannot be read: sending could create a duplicate.
    case damagedRecord(file: String, reason: String)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .syntax(let f, let e): return "\(f): not valid JSON: line \(e.line), column \(e.column): \(e.reason)"
        case .notAnObject(let f, let t): return "\(f): a draft must be a JSON object ({…}), but the file holds \(t)"
        case .noSuchDraft(let n, let d): return "no draft named \"\(n)\" in \(d) (see `assistant-wizard drafts`)"
        case .ambiguous(let n, let c): return "\"\(n)\" matches several drafts: \(c.joined(separator: ", ")); use the file name"
        case .invalidName(let n): return "\"\(n)\" is not a draft name (no '/' and no leading '.')"
        case .containsAPIKey(let f): return "\(f): refusing to save: the draft contains the API key, which never goes into a draft"
        case .damagedRecord(let f, let why):
            return "\(f): the record of where this draft was sent is damaged (\(why)); nothing is sent until it is fixed or deleted, or an assistant could be created twice"
        }
    }
}

/// One line of `drafts` list.
public struct DraftSummary: Sendable, Equatable {
    public var slug: String
    /// The assistant's name in the body, if it has one.
    public var name: String?
    public var file: String
    /// Last change, seconds since 1970.
    public var modified: Int?
    public var errorCount: Int
    public var warningCount: Int
    public var assistantID: String?
    public var isSubmitted: Bool { assistantID != nil }
    /// Set when the file cannot be read or parsed (then the counts are 0).
    public var loadError: DraftError?
}

/// Saved drafts: one `<slug>.json` a draft in `$XDG_DATA_HOME/assistant-wizard/drafts/` (default
/// `~/.local/share/assistant-wizard/drafts/`), its metadata in the hidden sidecar `.<slug>.meta.json`.
/// The slug comes from the assistant name when the draft is first saved and does not change when
/// the name does (the file stays put). Writes are atomic with mode 0600.
public struct DraftStore: Sendable {
    public let directory: String
    /// The API key in force, refused in any body saved (nil: no check).
    /// The key refused in bodies (exposed so a store opened beside a file refuses the same one).
    public let apiKey: String?

    public init(directory: String, apiKey: String? = nil) {
        self.directory = directory
        self.apiKey = apiKey.flatMap { $0.utf8.count >= 8 ? $0 : nil }
    }

    /// The store the environment points at (`ASSISTANT_WIZARD_DRAFTS`, else `XDG_DATA_HOME`, else
    /// `HOME/.local/share`); the
    /// environment's `REVOX_API_KEY` is refused in bodies.
    public init(environment: [String: String]) {
        self.init(directory: DraftStore.directory(environment: environment), apiKey: environment["REVOX_API_KEY"])
    }

    public static func directory(environment: [String: String]) -> String {
        // A folder of drafts kept in git, chosen for every command and the wizard alike.
        if let dir = environment["ASSISTANT_WIZARD_DRAFTS"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/assistant-wizard/drafts" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/assistant-wizard/drafts"
    }

    public func file(for slug: String) -> String { "\(directory)/\(slug).json" }
    public func metadataFile(for slug: String) -> String { "\(directory)/.\(slug).meta.json" }

    // MARK: bodies

    /// Saves a new draft under a fresh slug from its name (`untitled-N` without one); returns the slug.
    /// The file is claimed with an exclusive create: two drafts given the same name at the same
    /// moment get two files.
    @discardableResult
    public func create(_ body: JSONValue) throws(DraftError) -> String {
        let bytes = try encode(body, file: directory)
        do throws(FileError) { try FileIO.makeDirectories(directory) } catch { throw .file(error) }
        var taken: Set<String> = []
        while true {
            let slug = try newSlug(for: body.objectValue?["name"]?.stringValue, alsoTaken: taken)
            do throws(FileError) {
                if try FileIO.createExclusively(bytes, at: file(for: slug)) { return slug }
            } catch { throw .file(error) }
            taken.insert(slug)
        }
    }

    /// Writes a draft's body (atomically, 0600). The previous file survives any failure.
    /// A symlinked draft updates its target, a hard-linked one is written in place (FileIO.writeKeepingLinks).
    public func save(_ body: JSONValue, slug: String) throws(DraftError) {
        try check(slug)
        let bytes = try encode(body, file: file(for: slug))
        do throws(FileError) {
            try FileIO.makeDirectories(directory)
            try FileIO.writeKeepingLinks(bytes, to: file(for: slug))
        } catch { throw .file(error) }
    }

    /// The bytes a draft is saved as; refused when they hold the API key.
    public func encode(_ body: JSONValue, file: String) throws(DraftError) -> [UInt8] {
        let bytes = JSONEncoding.pretty(body)
        if let apiKey, contains(bytes, apiKey) { throw .containsAPIKey(file: file) }
        return bytes
    }

    /// The draft's body: a JSON object, possibly incomplete or invalid.
    public func load(_ slug: String) throws(DraftError) -> JSONValue {
        try check(slug)
        return try DraftStore.loadBody(file: file(for: slug))
    }

    /// Reads and parses any draft file (also those outside the store, for `validate FILE`).
    /// Throws on read errors, JSON syntax errors (line and column) and a top level that is not an object.
    public static func loadBody(file: String) throws(DraftError) -> JSONValue {
        let v = try parseFile(file)
        guard case .object = v else { throw .notAnObject(file: file, found: v.typeDescription) }
        return v
    }

    /// Reads and parses a JSON file, any top-level value.
    public static func parseFile(_ file: String) throws(DraftError) -> JSONValue {
        try readFile(file).value
    }

    /// A JSON file's value, and a warning at each key it gives twice in one object (the last value
    /// is kept): the one place a draft's duplicate keys are turned into issues.
    /// `-` is standard input, as for most command-line tools.
    public static func readFile(_ file: String) throws(DraftError) -> (value: JSONValue, warnings: [ValidationIssue]) {
        let bytes: [UInt8]
        do throws(FileError) { bytes = try FileIO.read(file == "-" ? "/dev/stdin" : file) } catch { throw .file(error) }
        let doc: JSONDocument
        do { doc = try JSONParser.parseDocument(bytes) } catch { throw .syntax(file: file, error) }
        return (doc.value, doc.duplicateKeys.map { d in
            .warning(d.path, "line \(d.line), column \(d.column): \"\(d.key)\" is given a second time in this object "
                     + "(first at line \(d.firstLine), column \(d.firstColumn)); the last value is used, the first is dropped")
        })
    }

    /// Deletes a draft and its metadata.
    public func remove(_ slug: String) throws(DraftError) {
        try check(slug)
        guard FileIO.exists(file(for: slug)) else { throw .noSuchDraft(name: slug, directory: directory) }
        do throws(FileError) {
            try FileIO.remove(file(for: slug))
            try FileIO.remove(metadataFile(for: slug))
            // No copy of the deleted text stays behind: temporary files of its saves go too.
            for name in try FileIO.list(directory) where name.hasPrefix(".\(slug).json.tmp-") || name.hasPrefix(".\(slug).meta.json.tmp-") {
                try FileIO.remove("\(directory)/\(name)")
            }
        } catch { throw .file(error) }
    }

    /// Every draft, sorted by slug, with its validation counts. Unreadable drafts are listed with
    /// their error rather than hidden.
    public func list() throws(DraftError) -> [DraftSummary] {
        FileIO.removeStaleTemporaryFiles(in: directory)
        let names: [String]
        do throws(FileError) { names = try FileIO.list(directory) } catch { throw .file(error) }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { name in
            let slug = String(name.dropLast(5))
            let path = file(for: slug)
            var s = DraftSummary(slug: slug, name: nil, file: path, modified: FileIO.modificationTime(path),
                                 errorCount: 0, warningCount: 0, assistantID: nil, loadError: nil)
            do throws(DraftError) {
                let body = try DraftStore.loadBody(file: path)
                s.name = body.objectValue?["name"]?.stringValue
                let issues = Validator.validate(body)
                s.errorCount = issues.errors.count
                s.warningCount = issues.count - s.errorCount
            } catch {
                s.loadError = error
            }
            s.assistantID = (try? metadata(slug))??.servers.values.map(\.assistantID).sorted().first
            return s
        }
    }

    /// The slug for what a user typed: a slug, a file name (`x.json`), or an assistant name
    /// (case-insensitive). Throws when nothing or more than one draft matches.
    public func resolve(_ name: String) throws(DraftError) -> String {
        var n = name
        if n.hasSuffix(".json") { n.removeLast(5) }
        if !n.contains("/"), !n.hasPrefix("."), !n.isEmpty, FileIO.exists(file(for: n)) { return n }
        let lower = name.lowercased()
        let matches = try list().filter { $0.name?.lowercased() == lower }.map(\.slug)
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .noSuchDraft(name: name, directory: directory) }
        throw .ambiguous(name: name, candidates: matches.map { $0 + ".json" })
    }

    // MARK: metadata

    /// The draft's metadata, or nil when it has none yet.
    public func metadata(_ slug: String) throws(DraftError) -> DraftMetadata? {
        try check(slug)
        let path = metadataFile(for: slug)
        guard FileIO.exists(path) else { return nil }
        let json: JSONValue
        do throws(DraftError) { json = try DraftStore.parseFile(path) } catch {
            if case .syntax(_, let e) = error { throw .damagedRecord(file: path, reason: "not valid JSON: line \(e.line), column \(e.column): \(e.reason)") }
            throw error
        }
        guard json.objectValue != nil else { throw .damagedRecord(file: path, reason: "it holds \(json.typeDescription), not an object") }
        return DraftMetadata(json: json)
    }

    public func writeMetadata(_ metadata: DraftMetadata, slug: String) throws(DraftError) {
        try check(slug)
        do throws(FileError) {
            try FileIO.makeDirectories(directory)
            try FileIO.writeAtomically(JSONEncoding.pretty(metadata.json), to: metadataFile(for: slug))
        } catch { throw .file(error) }
    }

    /// Stores what `server` knows of the draft (nil forgets it), keeping every other server's record.
    public func writeRecord(_ record: SubmissionRecord?, server: String, slug: String) throws(DraftError) {
        var m = try metadata(slug) ?? DraftMetadata()
        m[server] = record
        try writeMetadata(m, slug: slug)
    }

    // MARK: slugs

    /// A slug not used yet: from the name (`Dental Clinic` → `dental-clinic`, then `dental-clinic-2`…),
    /// or `untitled-1`, `untitled-2`… without a usable name.
    public func newSlug(for name: String?, alsoTaken: Set<String> = []) throws(DraftError) -> String {
        let base = DraftStore.slug(name ?? "")
        let taken: Set<String>
        do throws(FileError) { taken = Set(try FileIO.list(directory)) } catch { throw .file(error) }
        func free(_ s: String) -> Bool { !alsoTaken.contains(s) && !taken.contains(s + ".json") && !taken.contains("." + s + ".meta.json") }
        if base.isEmpty {
            var n = 1
            while !free("untitled-\(n)") { n += 1 }
            return "untitled-\(n)"
        }
        if free(base) { return base }
        var n = 2
        while !free("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// Lowercase ASCII letters and digits joined by single dashes, at most 60 characters; common
    /// accented Latin letters lose their accents (`Café` → `cafe`).
    public static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for ch in name.lowercased().unicodeScalars {
            let folded = fold[ch] ?? (ch.isASCII ? String(ch) : "-")
            for c in folded.unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    if dash && !out.isEmpty { out += "-" }
                    dash = false
                    out.unicodeScalars.append(c)
                } else {
                    dash = true
                }
            }
            if out.count >= 60 { break }
        }
        return String(out.prefix(60))
    }

    private static let fold: [Unicode.Scalar: String] = {
        var m = [Unicode.Scalar: String]()
        let groups: [(String, String)] = [("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēę", "e"), ("ìíîïī", "i"), ("ñń", "n"),
                                         ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("śš", "s"), ("źżž", "z"), ("ł", "l")]
        for (chars, base) in groups { for c in chars.unicodeScalars { m[c] = base } }
        m["ß"] = "ss"; m["æ"] = "ae"; m["œ"] = "oe"
        return m
    }()

    private func check(_ slug: String) throws(DraftError) {
        if slug.isEmpty || slug.contains("/") || slug.hasPrefix(".") || slug.utf8.contains(0) { throw .invalidName(slug) }
    }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, haystack.count >= n.count else { return false }
        var i = 0
        while i <= haystack.count - n.count {
            if haystack[i] == n[0] && Array(haystack[i..<(i + n.count)]) == n { return true }
            i += 1
        }
        return false
    }
}
