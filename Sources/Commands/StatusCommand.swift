import ArgumentParser
import AssistantModel
import Drafts
import RevoxClient

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Compare each draft with its assistant on the server in use.",
        discussion: CLIHelp.discussion("""
        Per draft: never sent here; in sync; changed here (which fields); changed on the server since \
        the last pull or push (which fields); changed on both (a conflict); gone from the server. The \
        drafts are read, not locked, and nothing is written.
        Exit status: 0 every draft is in sync; 1 any is not; 2 a draft or its record cannot be read; \
        3 the server could not be reached.
        """, examples: [
            ("Compare every saved draft with the server", "assistant-wizard status"),
            ("One draft, as JSON", "assistant-wizard status --json front-desk"),
        ]))

    @Argument(help: ArgumentHelp("Drafts (file name, slug or assistant name); default: all.", valueName: "NAME"), completion: CLICompletion.drafts)
    var names: [String] = []

    @Flag(help: "Print a JSON array, one object a draft.")
    var json = false

    @OptionGroup var drafts: DraftsDirOption
    @OptionGroup var connection: APIConnectionOptions

    func run() async throws {
        let store = drafts.store()
        let slugs = try AsCodeDrafts.slugs(names, in: store)
        let api = try await APISession.open(connection)
        let server = api.server
        var exit = ExitPriority()
        var rows: [[String]] = []
        var records: [JSONValue] = []
        for slug in slugs {
            let file = "\(slug).json"
            let body: JSONValue
            do throws(DraftError) { body = try store.load(slug) } catch {
                rows.append([file, "unreadable: \(error.description)"])
                records.append(Self.record(file: file, name: nil, kind: "unreadable", id: nil, here: [], there: [], message: error.description))
                exit.note(APIExit.usage)
                continue
            }
            let record: Result<SubmissionRecord?, DraftError>
            do throws(DraftError) { record = .success(try store.metadata(slug)?[server.baseURL]) } catch { record = .failure(error) }
            let name = body.objectValue?["name"]?.stringValue
            switch await DraftStatus.check(body: body, record: record, via: api.client) {
            case .failure(let e):
                await api.close()
                APIConsole.report(e, json: json)
                throw ExitCode(APIExit.code(for: e))
            case .success(let status):
                exit.note(status.isInSync ? APIExit.ok : (status.kind == "record_unreadable" ? APIExit.usage : APIExit.rejected))
                rows.append([file, Self.describe(status, on: server)])
                var here: [String] = [], there: [String] = [], message: String?
                switch status {
                case .changedHere(_, let f): here = f
                case .changedOnServer(_, let f): there = f
                case .conflict(_, let h, let t): here = h; there = t
                case .recordUnreadable(let e): message = e.description
                default: break
                }
                records.append(Self.record(file: file, name: name, kind: status.kind, id: status.assistantID, here: here, there: there, message: message))
            }
        }
        await api.close()
        if json {
            CLIOutput.stdout(JSONEncoding.pretty(.array(records)))
        } else if rows.isEmpty {
            CLIOutput.stdout("No drafts in \(store.directory).\n")
        } else {
            CLIOutput.stdout(CLIText.table(rows))
        }
        if exit.code != 0 { throw ExitCode(exit.code) }
    }

    static func describe(_ s: DraftStatus, on server: DraftServer) -> String {
        switch s {
        case .neverSent: return "never sent \(server.onName)"
        case .inSync(let id): return "in sync (\(id))"
        case .changedHere(let id, let f): return "changed here: \(AsCodeDrafts.fields(f)) (\(id))"
        case .changedOnServer(let id, let f): return "changed on the server since the last pull or push: \(AsCodeDrafts.fields(f)) (\(id))"
        case .conflict(let id, let h, let t): return "conflict: changed here: \(AsCodeDrafts.fields(h)); changed on the server: \(AsCodeDrafts.fields(t)) (\(id))"
        case .gone(let id): return "gone from the server: \(id) no longer exists \(server.onName)"
        case .recordUnreadable(let e): return "record unreadable: \(e.description)"
        }
    }

    static func record(file: String, name: String?, kind: String, id: String?, here: [String], there: [String], message: String?) -> JSONValue {
        var o = JSONObject()
        o["file"] = .string(file)
        o["name"] = name.map(JSONValue.string) ?? .null
        o["status"] = .string(kind)
        o["assistant_id"] = id.map(JSONValue.string) ?? .null
        o["changed_here"] = .array(here.map(JSONValue.string))
        o["changed_on_server"] = .array(there.map(JSONValue.string))
        if let message { o["message"] = .string(message) }
        return .object(o)
    }
}
