#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssistantModel
import TerminalUI
import WizardLaunch

/// Output and environment for the script-facing commands: bytes go out exactly as encoded.
enum CLIOutput {
    static func stdout(_ bytes: [UInt8]) { Console.stdout(bytes) }
    static func stdout(_ text: String) { Console.stdout(text) }
    static func stderr(_ text: String) { Console.stderr(text) }
    static func terminalSafe(_ text: String) -> String { Console.terminalSafe(text) }

    /// JSON text with the characters that are unsafe on a terminal but legal raw in JSON strings
    /// (bidi marks, BOM, tag characters) written as `\uXXXX` escapes: the same JSON value, shown
    /// safely. Outside strings JSON text is ASCII, so every such scalar is inside one.
    static func terminalSafeJSON(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 && isUnsafeForDisplay($0) }) else { return bytes }
        var out = ""
        for s in text.unicodeScalars {
            guard s.value >= 0x80, isUnsafeForDisplay(s) else { out.unicodeScalars.append(s); continue }
            for unit in String(s).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return Array(out.utf8)
    }

    static var environment: [String: String] { Console.environment }

    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// A line from stdin without its newline, or nil at end of input.
    static func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// How the script-facing commands report issues and exit.
enum CLIReport {
    /// 0: no errors (warnings allowed); 1: a file has an error; 2: a file cannot be read or is not JSON.
    static let ok: Int32 = 0, invalid: Int32 = 1, unreadable: Int32 = 2

    /// `FILE: PATH: error|warning: message`; a body-level issue has the path `(body)`.
    static func line(file: String, _ issue: ValidationIssue) -> String {
        "\(file): \(issue.path.isRoot ? "(body)" : issue.path.description): \(issue.severity.rawValue): \(issue.message)\n"
    }

    /// Issues of a body on stderr, one line each; exits 1 when any is an error (for preview and show).
    static func reportOnStderr(_ body: JSONValue, file: String, api: APIGeneration? = nil) throws {
        let issues = Validator.validate(body, api: APIGeneration.resolve(api, for: body))
        for issue in issues { CLIOutput.stderr(line(file: file, issue)) }
        if issues.hasErrors { throw ExitCode(invalid) }
    }

    /// A file that could not be read or parsed, as one line naming it (with line and column for syntax).
    static func line(_ error: DraftError) -> String { "\(error.description)\n" }

    static func jsonRecord(file: String, path: String, severity: Severity, message: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        var o = JSONObject([("file", .string(file)), ("path", .string(path)), ("severity", .string(severity.rawValue)),
                            ("message", .string(message))])
        for (k, v) in extra { o[k] = v }
        return .object(o)
    }

    /// The record for a file that could not be read or parsed, in `--json` output.
    static func jsonRecord(file: String, _ error: DraftError) -> JSONValue {
        switch error {
        case .syntax(_, let e):
            return jsonRecord(file: file, path: "", severity: .error,
                              message: "not valid JSON: line \(e.line), column \(e.column): \(e.reason)",
                              extra: [("line", .number(JSONNumber(e.line))), ("column", .number(JSONNumber(e.column)))])
        case .file(let f):
            return jsonRecord(file: file, path: "", severity: .error, message: "cannot read: \(f.description)")
        default:
            return jsonRecord(file: file, path: "", severity: .error, message: error.description)
        }
    }
}
