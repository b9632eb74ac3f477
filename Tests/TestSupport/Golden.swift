import Foundation
import Testing

/// Compares `text` with `<directory>/<name>.txt` exactly. The file is written only when
/// UPDATE_GOLDEN=1 is set (never silently); a missing file fails with the command that makes it.
/// `filter` is the `swift test --filter` that regenerates it.
public func expectGolden(_ name: String, _ text: String, directory: URL, filter: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(name + ".txt")
    let content = text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? content.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file \(url.path) is missing: run `UPDATE_GOLDEN=1 swift test --filter \(filter)`, review the file, and commit it",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != content {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = content.split(separator: "\n", omittingEmptySubsequences: false)
        let i = Array(zip(e, a)).firstIndex(where: { $0 != $1 }) ?? min(e.count, a.count)
        Issue.record("""
            screen differs from \(url.lastPathComponent) at line \(i + 1):
              expected: \(i < e.count ? String(e[i]) : "<end>")
              actual:   \(i < a.count ? String(a[i]) : "<end>")
            full screen:
            \(content)
            (if the change is intended: UPDATE_GOLDEN=1 swift test --filter \(filter), then review the diff)
            """, sourceLocation: sourceLocation)
    }
}
