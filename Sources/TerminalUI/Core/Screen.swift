/// A back end that shows a finished canvas: the terminal (`NCursesScreen`) or memory (`BufferScreen`).
public protocol Screen: AnyObject {
    /// Current size in cells; a program renders a canvas of this size.
    var rows: Int { get }
    var cols: Int { get }
    /// Shows `canvas`. Back ends send only what changed since the previous frame.
    func present(_ canvas: Canvas)
}

/// An in-memory screen for tests and golden files: keeps the last frame, readable as text and styles.
public final class BufferScreen: Screen {
    public private(set) var rows: Int
    public private(set) var cols: Int
    public private(set) var frame: Canvas
    /// How many cells differed from the previous frame at the last `present` (what a terminal back
    /// end would have to send).
    public private(set) var lastChangedCells = 0
    public private(set) var presentCount = 0

    public init(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols
        frame = Canvas(rows: rows, cols: cols)
    }

    public func resize(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols
        frame = Canvas(rows: rows, cols: cols)
    }

    public func present(_ canvas: Canvas) {
        if canvas.rows == frame.rows, canvas.cols == frame.cols {
            var n = 0
            for i in 0..<canvas.cells.count where canvas.cells[i] != frame.cells[i] { n += 1 }
            lastChangedCells = n
        } else {
            lastChangedCells = canvas.cells.count
        }
        frame = canvas
        presentCount += 1
    }

    /// A fresh canvas of this screen's size.
    public func makeCanvas() -> Canvas { Canvas(rows: rows, cols: cols) }

    public func text(row: Int) -> String { frame.text(row: row) }

    /// One letter per cell naming its theme slot (space for background, "." for a wide
    /// character's second cell; upper case when bold or reversed): styles in golden files.
    public func styleMap(row: Int) -> String {
        var s = ""
        for c in 0..<cols {
            let cell = frame[row, c]
            if cell.width == 0 { s += "."; continue }
            let letter: Character
            switch cell.style.slot {
            case .background: letter = " "
            case .text: letter = "t"
            case .muted: letter = "m"
            case .accent: letter = "a"
            case .focus: letter = "f"
            case .error: letter = "e"
            case .warning: letter = "w"
            case .success: letter = "s"
            case .selection: letter = "v"
            case .border: letter = "b"
            case .jsonKey: letter = "k"
            case .jsonString: letter = "q"
            case .jsonNumber: letter = "n"
            case .jsonBool: letter = "o"
            case .jsonNull: letter = "z"
            case .jsonPunctuation: letter = "p"
            }
            let strong = cell.style.attributes.contains(.bold) || cell.style.attributes.contains(.reverse)
            s.append(strong && letter != " " ? Character(String(letter).uppercased()) : letter)
        }
        while s.last == " " { s.removeLast() }
        return s
    }
    public var plainText: String { frame.plainText }
    public func style(row: Int, col: Int) -> Style { frame[row, col].style }
    public var cursor: (row: Int, col: Int)? { frame.cursor }

    /// The first (row, col) where `needle` appears in the frame's text, counted in columns.
    public func find(_ needle: String) -> (row: Int, col: Int)? {
        let target = Array(needle)
        guard !target.isEmpty else { return nil }
        for r in 0..<rows {
            var chars: [Character] = [], at: [Int] = []
            for c in 0..<cols where frame[r, c].width != 0 {
                for ch in frame[r, c].text { chars.append(ch); at.append(c) }
            }
            guard chars.count >= target.count else { continue }
            for start in 0...(chars.count - target.count) where chars[start] == target[0] {
                if Array(chars[start..<(start + target.count)]) == target { return (r, at[start]) }
            }
        }
        return nil
    }
}
