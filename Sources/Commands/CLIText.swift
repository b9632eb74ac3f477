import TerminalUI

/// Plain-text layout for command output.
enum CLIText {
    /// Columns padded to their widest cell (in characters), two spaces apart.
    static func table(_ rows: [[String]]) -> String {
        guard let cols = rows.first?.count else { return "" }
        let widths = (0..<cols).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == cols - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A value shown on one line: line breaks and ASCII controls as spaces, other unsafe characters
    /// (bidi marks, BOM, tags, C1) escaped before the cut so table columns line up; cut with …
    /// past `max` characters.
    static func oneLine(_ s: String, max: Int) -> String {
        let flat = String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? " " : $0 }).sanitizedForDisplay
        return flat.count <= max ? flat : String(flat.prefix(max - 1)) + "…"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
