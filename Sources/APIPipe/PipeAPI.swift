#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AssistantModel
import Dispatch
import RevoxInterface

/// The API through the networking helper: each call is a line to the helper and a line back.
/// The helper is started on the first call (after the wizard's first frame) and again after it died.
///
/// A helper that dies, or does not answer within the operation's deadline plus `grace`, ends the
/// calls it had: a create it may have sent is `.outcomeUnknown` ("may have been created", which the
/// session never re-sends), anything else is `.noConnection` or `.timeout`. A hung helper is killed.
public final class PipeAPI: ShutdownableAPI, @unchecked Sendable {
    public let connection: APIConnection
    private let helperPath: String
    private let grace: Duration
    private let mutex = Mutex()
    private var helper: Helper?
    private var nextID = 1
    private var closed = false

    /// One helper process and the calls waiting on it.
    final class Helper: @unchecked Sendable {
        let running: HelperProcess.Running
        let socket: LineSocket
        var waiting: [Int: (PipeWire.Request, CheckedContinuation<Result<JSONValue, RevoxError>, Never>)] = [:]
        var gone = false
        init(_ r: HelperProcess.Running) { running = r; socket = LineSocket(fd: r.fd) }
    }

    public init(connection: APIConnection, helperPath: String? = nil, grace: Duration = .seconds(5)) {
        self.connection = connection
        self.helperPath = helperPath ?? HelperProcess.path()
        self.grace = grace
    }

    /// The helper's pid while one runs (tests kill it mid-request).
    package var helperPID: pid_t? { mutex.locked { helper.map(\.running.pid) } }

    // MARK: - The calls

    public func createAssistant(_ body: JSONValue) async throws(RevoxError) -> Assistant {
        try assistant(from: try await call(.init(id: 0, call: .create, body: body)), .create)
    }
    public func updateAssistant(id: String, changes: JSONValue) async throws(RevoxError) -> Assistant {
        try assistant(from: try await call(.init(id: 0, call: .update, assistantID: id, body: changes)), .update)
    }
    public func assistant(id: String) async throws(RevoxError) -> Assistant {
        try assistant(from: try await call(.init(id: 0, call: .get, assistantID: id)), .get)
    }
    public func listAssistants() async throws(RevoxError) -> [Assistant] {
        let v = try await call(.init(id: 0, call: .list))
        return (v.arrayValue ?? []).compactMap { $0.objectValue.flatMap(Assistant.init(json:)) }
    }
    public func deleteAssistant(id: String) async throws(RevoxError) {
        _ = try await call(.init(id: 0, call: .delete, assistantID: id))
    }
    public func listVoices() async throws(RevoxError) -> [Voice] {
        let v = try await call(.init(id: 0, call: .voices))
        return (v.arrayValue ?? []).compactMap { $0.objectValue.flatMap(Voice.init(json:)) }
    }

    private func assistant(from v: JSONValue, _ call: PipeWire.Call) throws(RevoxError) -> Assistant {
        guard let a = v.objectValue.flatMap(Assistant.init(json:)) else {
            throw RevoxError(kind: call == .create ? .outcomeUnknown : .invalidResponse, method: call.method, path: "/assistants",
                             detail: "the networking helper's answer held no assistant",
                             message: "The networking helper answered without an assistant" + (call == .create ? ", so the assistant may have been created." : "."),
                             suggestion: Self.checkFirst)
        }
        return a
    }

    /// Closes the helper's input; it closes its connections (and the sandbox) and exits. Waits for
    /// it up to two seconds, then kills it.
    public func shutdown() async {
        let h: Helper? = mutex.locked { closed = true; let h = helper; helper = nil; return h }
        guard let h else { return }
        Glibc.shutdown(h.running.fd, Int32(SHUT_WR))
        for _ in 0..<200 {
            if waitpid(h.running.pid, nil, WNOHANG) != 0 { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        kill(h.running.pid, SIGKILL)
        _ = waitpid(h.running.pid, nil, 0)
    }

    // MARK: - Sending

    private func call(_ template: PipeWire.Request) async throws(RevoxError) -> JSONValue {
        let (request, started) = mutex.locked { () -> (PipeWire.Request, Result<Helper, RevoxError>) in
            var r = template
            r = PipeWire.Request(id: nextID, call: r.call, assistantID: r.assistantID, body: r.body)
            nextID += 1
            return (r, liveHelper(for: r))
        }
        let h: Helper
        switch started {
        case .success(let x): h = x
        case .failure(let e): throw e
        }
        let deadline = connection.timeout + grace
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: deadline)) != nil else { return }
            self?.expire(request, on: h)
        }
        defer { timer.cancel() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Result<JSONValue, RevoxError>, Never>) in
                let sent: Bool = mutex.locked {
                    guard !h.gone else { return false }
                    h.waiting[request.id] = (request, c)
                    return true
                }
                guard sent else { c.resume(returning: .failure(Self.notSent(request, "had stopped"))); return }
                if !h.socket.send(PipeWire.encode(request)) {
                    if let w = mutex.locked({ h.waiting.removeValue(forKey: request.id) }) {
                        w.1.resume(returning: .failure(Self.notSent(request, "had stopped")))
                    }
                }
            }
        } onCancel: {
            finish(request.id, on: h, .failure(Self.lost(request, .cancelled)))
        }
        return try result.get()
    }

    /// The running helper, or a new one told what to connect to; called with the mutex held.
    private func liveHelper(for r: PipeWire.Request) -> Result<Helper, RevoxError> {
        if closed { return .failure(Self.lost(r, .cancelled)) }
        if let helper, !helper.gone { return .success(helper) }
        switch HelperProcess.spawn(helperPath) {
        case .failure(let e):
            return .failure(RevoxError(
                kind: .noConnection, method: r.call.method, path: r.path, detail: "\(e.path): \(e.reason)",
                message: "Could not start the networking helper \(e.path): \(e.reason). Nothing was sent.",
                suggestion: "\(HelperProcess.name) must be installed beside assistant-wizard; reinstall, or run with --accessible to see more."))
        case .success(let running):
            let h = Helper(running)
            guard h.socket.send(PipeWire.hello(connection)) else {
                kill(running.pid, SIGKILL); _ = waitpid(running.pid, nil, 0); close(running.fd)
                return .failure(Self.notSent(r, "stopped at once"))
            }
            helper = h
            let queue = DispatchQueue(label: "assistant-wizard.pipe-reader")
            queue.async { [weak self] in self?.read(h) }
            return .success(h)
        }
    }

    /// The reader of one helper: resumes each call as its answer comes; at the end of input (the
    /// helper exited or was killed) ends the calls still waiting.
    private func read(_ h: Helper) {
        while let line = h.socket.receive() {
            guard let (id, result) = PipeWire.answer(line) else { continue }
            finish(id, on: h, result)
        }
        let left: [(PipeWire.Request, CheckedContinuation<Result<JSONValue, RevoxError>, Never>)] = mutex.locked {
            h.gone = true
            if helper === h { helper = nil }
            let w = Array(h.waiting.values)
            h.waiting = [:]
            return w
        }
        for (r, c) in left { c.resume(returning: .failure(Self.lost(r, .died))) }
        close(h.running.fd)
        var status: Int32 = 0
        if waitpid(h.running.pid, &status, WNOHANG) == 0 { kill(h.running.pid, SIGKILL); _ = waitpid(h.running.pid, &status, 0) }
    }

    private func finish(_ id: Int, on h: Helper, _ result: Result<JSONValue, RevoxError>) {
        if let w = mutex.locked({ h.waiting.removeValue(forKey: id) }) { w.1.resume(returning: result) }
    }

    /// No answer within the deadline: the helper is stuck; this call ends, and the helper is killed
    /// (its reader then ends the others).
    private func expire(_ r: PipeWire.Request, on h: Helper) {
        finish(r.id, on: h, .failure(Self.lost(r, .hung(connection.timeout + grace))))
        kill(h.running.pid, SIGKILL)
    }

    // MARK: - Errors

    enum Loss { case died, hung(Duration), cancelled }

    static let checkFirst = "Do not send it again yet: run 'assistant-wizard assistants list' (or look in the Revox dashboard) to see whether it exists, to avoid creating a duplicate."

    /// The request was handed to the helper, which then stopped, hung or was cancelled: a create
    /// may have reached the server.
    static func lost(_ r: PipeWire.Request, _ how: Loss) -> RevoxError {
        let m = r.call.method
        let what: String
        switch how {
        case .died: what = "stopped before it answered"
        case .hung(let d): what = "did not answer within \(formatSeconds(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))"
        case .cancelled: what = "was left when the request was cancelled"
        }
        if r.call == .create {
            return RevoxError(kind: .outcomeUnknown, method: m, path: r.path, detail: "the networking helper \(what)",
                              message: "The request was handed to the networking helper, which \(what), so the assistant may have been created.",
                              suggestion: checkFirst)
        }
        switch how {
        case .cancelled:
            return RevoxError(kind: .cancelled, method: m, path: r.path, message: "\(m) \(r.path) was cancelled.", suggestion: "Start it again when you are ready.")
        case .hung:
            return RevoxError(kind: .timeout, method: m, path: r.path, detail: "the networking helper \(what)",
                              message: "The networking helper did not answer \(m) \(r.path) in time; it was stopped.",
                              suggestion: r.call == .get || r.call == .list || r.call == .voices
                                ? "Try again; a new helper is started." : "The change may or may not have been applied; check with 'assistant-wizard assistants get ID', then try again.")
        case .died:
            return RevoxError(kind: .noConnection, method: m, path: r.path, detail: "the networking helper \(what)",
                              message: "The networking helper stopped during \(m) \(r.path).",
                              suggestion: r.call == .get || r.call == .list || r.call == .voices
                                ? "Try again; a new helper is started." : "The change may or may not have been applied; check with 'assistant-wizard assistants get ID', then try again.")
        }
    }

    /// The request never reached the helper: nothing was sent.
    static func notSent(_ r: PipeWire.Request, _ why: String) -> RevoxError {
        RevoxError(kind: .noConnection, method: r.call.method, path: r.path, detail: "the networking helper \(why)",
                   message: "The networking helper \(why) before the request reached it. Nothing was sent.",
                   suggestion: "Try again; a new helper is started.")
    }
}
