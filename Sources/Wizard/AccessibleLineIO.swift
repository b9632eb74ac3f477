#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import RevoxInterface

/// Where accessible mode reads answers and writes prompts: stdin and stdout in the program, a script
/// and a buffer in tests. Lines only: no cursor movement, no colour, no redraws.
protocol LineIO: AnyObject {
    /// The next line without its line ending, or nil at the end of input.
    func readLine() -> String?
    func write(_ text: String)
}

/// Standard input and output. When answers come from a pipe (a script) nothing echoes them, so a
/// line break is written after each one to keep the transcript one prompt a line; on a terminal the
/// terminal's own echo is enough (echoing again makes screen readers say everything twice).
final class StandardLineIO: LineIO {
    private let inputIsTerminal = isatty(0) == 1

    func readLine() -> String? {
        let line = Swift.readLine(strippingNewline: true)
        if !inputIsTerminal { write("\n") }
        return line.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }

    /// Straight to file descriptor 1, unbuffered, so a prompt is out before the read that waits on it.
    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            bytes = bytes.dropFirst(n)
        }
    }
}

/// The result of an async API call, filled in by the task that ran it.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, RevoxError>?
}

/// Runs an API call to completion from the prompt loop, which is plain synchronous code on its own
/// thread (it blocks reading stdin). The thread sleeps on a semaphore while the call runs on the
/// concurrency pool; it must never be called from inside a task.
func waitFor<T: Sendable>(_ call: @escaping @Sendable () async throws(RevoxError) -> T) -> Result<T, RevoxError> {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do throws(RevoxError) { box.result = .success(try await call()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return box.result!
}
