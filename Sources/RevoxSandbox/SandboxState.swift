import AssistantModel
import Foundation

/// Everything the sandbox remembers, behind one actor: the assistants, the fault dice and what was
/// received (in memory and, when asked, in a JSON-lines file).
actor SandboxState {
    /// Requests kept in memory: the most recent ones only, so a long stream of requests (or of 1 MB
    /// bodies) cannot grow the sandbox without bound. The log file, when asked for, has them all.
    static let keptRequests = 1000
    static let keptBodyBytes = 8 << 20

    private(set) var faults: SandboxFaults
    private var dice: FaultDice
    private var assistants: [String: StoredAssistant] = [:]
    private var order: [String] = []
    private(set) var received: [ReceivedRequest] = []
    private var receivedBodyBytes = 0
    /// Every `POST /assistants` since the start, also those no longer in `received`.
    private(set) var createCount = 0
    private let log: FileHandle?

    init(faults: SandboxFaults, logPath: String?) throws {
        self.faults = faults
        dice = FaultDice(seed: faults.seed)
        if let logPath {
            guard FileManager.default.createFile(atPath: logPath, contents: nil), let h = FileHandle(forWritingAtPath: logPath) else {
                throw SandboxError.cannotOpenLog(logPath)
            }
            log = h
        } else {
            log = nil
        }
    }

    func setFaults(_ f: SandboxFaults) {
        faults = f
        dice = FaultDice(seed: f.seed)
    }

    func fires(_ name: String, _ rate: KeyPath<SandboxFaults, FaultRate>) -> Bool {
        dice.fires(name, faults[keyPath: rate])
    }

    func record(_ r: ReceivedRequest) {
        received.append(r)
        receivedBodyBytes += r.body.count
        if r.isCreate { createCount += 1 }
        // Dropped in a batch (a quarter at a time) so the array is not shifted on every request.
        if received.count > Self.keptRequests || receivedBodyBytes > Self.keptBodyBytes {
            var drop = 0
            while drop < received.count,
                  received.count - drop > Self.keptRequests * 3 / 4 || receivedBodyBytes > Self.keptBodyBytes * 3 / 4 {
                receivedBodyBytes -= received[drop].body.count
                drop += 1
            }
            received.removeFirst(drop)
        }
        guard let log else { return }
        var line = JSONObject()
        line["method"] = .string(r.method)
        line["path"] = .string(r.path)
        if r.body.isEmpty {
            line["body"] = .null
        } else if let json = try? JSONParser.parse(r.body) {
            line["body"] = json
        } else {
            line["body"] = .null
            line["raw"] = .string(String(decoding: r.body, as: UTF8.self))
        }
        var bytes = JSONEncoding.compact(.object(line))
        bytes.append(0x0A)
        log.write(Data(bytes))
    }

    func create(_ request: JSONObject) -> StoredAssistant {
        let now = StoredAssistant.now()
        let a = StoredAssistant(id: UUID().uuidString.lowercased(), request: request, createdAt: now, updatedAt: now)
        assistants[a.id] = a
        order.append(a.id)
        return a
    }

    func get(_ id: String) -> StoredAssistant? { assistants[id] }

    /// Stores new request fields for an assistant that still exists; nil when it was deleted meanwhile.
    func replace(id: String, request: JSONObject) -> StoredAssistant? {
        guard var a = assistants[id] else { return nil }
        a.request = request
        a.updatedAt = StoredAssistant.now()
        assistants[id] = a
        return a
    }

    func list() -> [StoredAssistant] { order.compactMap { assistants[$0] } }

    func delete(_ id: String) -> Bool {
        guard assistants.removeValue(forKey: id) != nil else { return false }
        order.removeAll { $0 == id }
        return true
    }
}

public enum SandboxError: Error, CustomStringConvertible {
    case cannotOpenLog(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .cannotOpenLog(let p): return "cannot open the request log \(p) for writing"
        case .cannotListen(let why): return "the sandbox could not start listening: \(why)"
        }
    }
}
