import Foundation
import Testing
@testable import AssistantModel

func makeTempDir(_ tag: String = "aw") -> String {
    let path = NSTemporaryDirectory() + "\(tag)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct DraftStoreTests {
    let root = makeTempDir()
    var store: DraftStore { DraftStore(directory: root + "/drafts") }

    @Test func directoryFromEnvironment() {
        #expect(DraftStore.directory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]) == "/x/data/assistant-wizard/drafts")
        #expect(DraftStore.directory(environment: ["HOME": "/h"]) == "/h/.local/share/assistant-wizard/drafts")
        // A relative XDG_DATA_HOME is invalid by the spec and ignored.
        #expect(DraftStore.directory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/assistant-wizard/drafts")
    }

    @Test func slugs() throws {
        #expect(DraftStore.slug("Dental Clinic — Paris!") == "dental-clinic-paris")
        #expect(DraftStore.slug("Café Crème") == "cafe-creme")
        #expect(DraftStore.slug("  ") == "")
        #expect(DraftStore.slug("日本") == "")
        #expect(DraftStore.slug(String(repeating: "a", count: 100)).count == 60)
        let s1 = try store.create(json(#"{"name": "Bot", "prompt": "p"}"#))
        let s2 = try store.create(json(#"{"name": "bot", "prompt": "p"}"#))
        let u1 = try store.create(json(#"{"prompt": "p"}"#))
        let u2 = try store.create(json(#"{"name": "!!!"}"#))
        #expect([s1, s2, u1, u2] == ["bot", "bot-2", "untitled-1", "untitled-2"])
    }

    @Test func saveLoadListRemove() throws {
        let body = body("zz_unknown", json(#"{"b": 1.50, "a": 600}"#))
        let slug = try store.create(body)
        #expect(try store.load(slug) == body)
        let bytes = try FileIO.read(store.file(for: slug))
        #expect(bytes == JSONEncoding.pretty(body), "saved as written, unknown keys and literals included")
        let attrs = try FileManager.default.attributesOfItem(atPath: store.file(for: slug))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        try store.save(json(#"{"name": "", "prompt": "p"}"#), slug: "broken")
        try "{ nope".write(toFile: store.file(for: "garbage"), atomically: true, encoding: .utf8)
        let list = try store.list()
        #expect(list.map(\.slug) == ["broken", "dental-clinic", "garbage"])
        #expect(list[0].errorCount == 1 && list[0].name == "")
        #expect(list[1].errorCount == 0 && list[1].warningCount == 1 && list[1].name == "Dental clinic" && list[1].modified != nil)
        #expect(list[2].loadError != nil)
        #expect(try store.resolve("Dental Clinic") == "dental-clinic")
        #expect(try store.resolve("dental-clinic.json") == "dental-clinic")
        #expect(throws: DraftError.self) { try store.resolve("nothing") }
        try store.remove(slug)
        #expect(try store.list().map(\.slug) == ["broken", "garbage"])
        #expect(throws: DraftError.noSuchDraft(name: slug, directory: store.directory)) { try store.remove(slug) }
        #expect(throws: DraftError.invalidName("../x")) { try store.load("../x") }
    }

    @Test func loadErrorsAreTypedAndNameTheFile() throws {
        let dir = root + "/files"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "{\n  \"name\": \"x\",\n  oops\n}".write(toFile: dir + "/syntax.json", atomically: true, encoding: .utf8)
        try "[1, 2]".write(toFile: dir + "/array.json", atomically: true, encoding: .utf8)
        #expect(throws: DraftError.file(.notFound(path: dir + "/missing.json"))) { try DraftStore.loadBody(file: dir + "/missing.json") }
        #expect(throws: DraftError.file(.isDirectory(path: dir))) { try DraftStore.loadBody(file: dir) }
        #expect(throws: DraftError.notAnObject(file: dir + "/array.json", found: "an array")) { try DraftStore.loadBody(file: dir + "/array.json") }
        do {
            _ = try DraftStore.loadBody(file: dir + "/syntax.json")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix(dir + "/syntax.json: not valid JSON: line 3, column 3:"), "\(error)")
        }
        if getuid() != 0 {
            try "{}".write(toFile: dir + "/secret.json", atomically: true, encoding: .utf8)
            chmod(dir + "/secret.json", 0)
            #expect(throws: DraftError.file(.permissionDenied(path: dir + "/secret.json"))) { try DraftStore.loadBody(file: dir + "/secret.json") }
        }
    }

    @Test func failedWriteLeavesThePreviousFile() throws {
        try store.save(json(#"{"name": "v1", "prompt": "p"}"#), slug: "keep")
        let before = try FileIO.read(store.file(for: "keep"))
        // A directory where the temporary file's rename target is cannot be replaced by a file.
        let blocked = store.file(for: "blocked")
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: blocked + "/child", withIntermediateDirectories: true)
        #expect(throws: DraftError.self) { try store.save(json(#"{"name": "v2"}"#), slug: "blocked") }
        #expect(try FileIO.read(store.file(for: "keep")) == before)
        // No temporary files left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        // The key never goes into a draft.
        let guarded = DraftStore(directory: store.directory, apiKey: "sk-test-1234567890")
        #expect(throws: DraftError.containsAPIKey(file: store.file(for: "keep"))) {
            try guarded.save(json(#"{"name": "v2", "prompt": "key sk-test-1234567890"}"#), slug: "keep")
        }
        #expect(try FileIO.read(store.file(for: "keep")) == before)
    }

    @Test func metadataLivesBesideTheBody() throws {
        let slug = try store.create(json(#"{"name": "Meta", "prompt": "p"}"#))
        #expect(try store.metadata(slug) == nil)
        let server = json(#"{"id": "asst_1", "name": "Meta", "prompt": "p", "created_at": "2025-01-01T00:00:00Z"}"#)
        let record = SubmissionRecord(assistantID: "asst_1", submittedAt: "2025-01-01T00:00:00Z", serverCopy: server)
        try store.writeRecord(record, server: "http://127.0.0.1:1", slug: slug)
        let m = try #require(try store.metadata(slug))
        #expect(m["http://127.0.0.1:1"] == record && m.servers.count == 1)
        #expect(try store.load(slug) == json(#"{"name": "Meta", "prompt": "p"}"#), "the body is untouched")
        #expect(FileManager.default.fileExists(atPath: store.directory + "/.meta.meta.json"))
        #expect(try store.list().first?.assistantID == "asst_1")
        // Another server's record is kept beside it.
        try store.writeRecord(SubmissionRecord(assistantID: "asst_2"), server: "http://127.0.0.1:2", slug: slug)
        #expect(try store.metadata(slug)?["http://127.0.0.1:1"] == record)
        #expect(try store.metadata(slug)?["http://127.0.0.1:2"]?.assistantID == "asst_2")
        try store.remove(slug)
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/.meta.meta.json"))
    }
}
