import AssistantModel
import Drafts
import Foundation
import Testing

/// The draft's file under the session: claimed exclusively, locked, never written over when
/// someone else changed it, links kept, nothing left behind.
@Suite struct SessionFileTests {
    @Test("Two new drafts with the same name at the same moment get two files")
    func exclusiveCreate() throws {
        for round in 0..<20 {
            let store = try tempStore("race")
            let bodies = (0..<4).map { json(#"{"name": "Same name", "prompt": "writer \#($0) round \#(round)"}"#) }
            let slugs = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: bodies.count) { i in
                if let s = try? store.create(bodies[i]) { slugs.mutate { $0.append(s) } }
            }
            #expect(Set(slugs.value).count == bodies.count, "round \(round): \(slugs.value)")
            // Every body is on disk, whole.
            let onDisk = try slugs.value.map { try store.load($0) }
            #expect(Set(onDisk.map { $0.value(at: "prompt")?.stringValue ?? "" }) == Set(bodies.map { $0.value(at: "prompt")!.stringValue! }))
        }
    }

    @Test("A draft another live program holds is refused, naming the lock file and the process")
    func lockRefusalNamesFileAndProcess() throws {
        let store = try tempStore()
        let slug = try store.create(json(#"{"name": "Held"}"#))
        let first = try DraftSession.open(store: store, slug: slug)
        // This process holds it; a second open (as another program) would be refused. Here the
        // lock names our own pid, so pretend to be our parent.
        do {
            _ = try DraftLock.acquire(draftFile: store.file(for: slug), pid: getppid())
            Issue.record("the held draft was opened again")
        } catch {
            #expect(error.description.contains(DraftLock.path(for: store.file(for: slug))))
            #expect(error.description.contains("pid \(getpid())"))
        }
        first.close()
        #expect(try DraftLock.acquire(draftFile: store.file(for: slug), pid: getppid()) != nil)
    }

    @Test("A change on disk by another program is never overwritten silently; each choice works")
    func changeOnDisk() throws {
        let store = try tempStore()
        let slug = try store.create(json(#"{"name": "Mine", "prompt": "p"}"#))
        let file = store.file(for: slug)
        let session = try DraftSession.open(store: store, slug: slug)
        defer { session.close() }
        let theirs = Data(#"{"name": "Theirs", "prompt": "changed elsewhere"}"#.utf8)
        try theirs.write(to: URL(fileURLWithPath: file))
        session.edit(json(#"{"name": "Mine", "prompt": "typed here"}"#))
        guard case .changedOnDisk(let f, let body) = session.save() else { Issue.record("written over"); return }
        #expect(f == file && body?.value(at: "name") == "Theirs")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == theirs, "the other program's change is intact")

        // Save mine as a copy: the file stays theirs, the copy is mine, the session goes on with it.
        guard case .saved(let copy) = session.saveAsCopy() else { Issue.record("no copy"); return }
        #expect(copy != slug && session.slug == copy)
        #expect(try store.load(copy).value(at: "prompt") == "typed here")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == theirs)
    }

    @Test("Reload takes the file's version; keep mine writes over it")
    func reloadAndKeepMine() throws {
        let store = try tempStore()
        let slug = try store.create(json(#"{"name": "Mine"}"#))
        let session = try DraftSession.open(store: store, slug: slug)
        defer { session.close() }
        try Data(#"{"name": "Theirs"}"#.utf8).write(to: URL(fileURLWithPath: store.file(for: slug)))
        session.edit(json(#"{"name": "Mine 2"}"#))
        guard case .changedOnDisk = session.save() else { Issue.record("written over"); return }
        #expect(session.reload() == .saved(slug: slug))
        #expect(session.body.value(at: "name") == "Theirs")
        // A later change and a save with no one else touching it: plain save.
        session.edit(json(#"{"name": "Mine 3"}"#))
        #expect(session.save() == .saved(slug: slug))
        try Data(#"{"name": "Theirs again"}"#.utf8).write(to: URL(fileURLWithPath: store.file(for: slug)))
        session.edit(json(#"{"name": "Mine 4"}"#))
        guard case .changedOnDisk = session.save() else { Issue.record("written over"); return }
        #expect(session.overwrite() == .saved(slug: slug))
        #expect(try store.load(slug).value(at: "name") == "Mine 4")
    }

    @Test("A symlinked draft updates its target; a hard-linked one keeps its link")
    func linksAreFollowed() throws {
        let store = try tempStore()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString).json").path
        try Data(#"{"name": "Linked"}"#.utf8).write(to: URL(fileURLWithPath: elsewhere))
        try FileManager.default.createSymbolicLink(atPath: store.file(for: "linked"), withDestinationPath: elsewhere)
        let session = try DraftSession.open(store: store, slug: "linked")
        session.edit(json(#"{"name": "Linked 2"}"#))
        #expect(session.save() == .saved(slug: "linked"))
        session.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: store.file(for: "linked")) == elsewhere, "still a link")
        #expect(try DraftStore.loadBody(file: elsewhere).value(at: "name") == "Linked 2")

        let hard = store.directory + "/hard-other-name.json"
        try FileManager.default.linkItem(atPath: elsewhere, toPath: hard)
        let s2 = try DraftSession.open(file: hard)
        s2.edit(json(#"{"name": "Through the hard link"}"#))
        #expect(s2.save() == .saved(slug: "hard-other-name"))
        s2.close()
        #expect(try DraftStore.loadBody(file: elsewhere).value(at: "name") == "Through the hard link")
    }

    @Test("Temporary files a kill left are removed; a live writer's are kept; rm leaves no copy")
    func staleTemporaryFiles() throws {
        let store = try tempStore()
        let slug = try store.create(json(#"{"name": "Tmp"}"#))
        let dead = store.directory + "/.\(slug).json.tmp-999999-AbCdEf"
        let old = store.directory + "/.\(slug).json.tmp-XyZ123"
        let live = store.directory + "/.\(slug).json.tmp-\(getppid())-Live12"
        for f in [dead, old, live] { try Data("secret text".utf8).write(to: URL(fileURLWithPath: f)) }
        let session = try DraftSession.open(store: store, slug: slug)
        session.close()
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: live))
        try store.remove(slug)
        let left = try FileIO.list(store.directory).filter { $0.contains(slug) }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("XDG_DATA_HOME pointing at a file says so, naming it")
    func dataHomeIsAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID().uuidString)").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let store = DraftStore(environment: ["XDG_DATA_HOME": file, "HOME": "/nonexistent"])
        #expect(throws: DraftError.file(.other(path: file, operation: "use it as a folder", reason: "it is a file, not a folder"))) {
            try store.create(json(#"{"name": "x"}"#))
        }
        #expect(DraftError.file(.other(path: file, operation: "use it as a folder", reason: "it is a file, not a folder")).description.contains("is a file, not a folder"))
    }

    @Test("An empty new draft makes no file; its first save claims one and locks it")
    func newDraftFileAndLock() throws {
        let store = try tempStore()
        let session = DraftSession.new(store: store)
        #expect(session.save() == .nothingToSave)
        #expect(try FileIO.list(store.directory).isEmpty)
        session.edit(json(#"{"name": "Fresh"}"#))
        #expect(session.save() == .saved(slug: "fresh"))
        #expect(FileManager.default.fileExists(atPath: DraftLock.path(for: store.file(for: "fresh"))))
        session.close()
        #expect(!FileManager.default.fileExists(atPath: DraftLock.path(for: store.file(for: "fresh"))))
    }
}

/// A value shared between threads in a test.
final class Locked<T>: @unchecked Sendable {
    private var v: T
    private let lock = NSLock()
    init(_ v: T) { self.v = v }
    var value: T { lock.withLock { v } }
    func mutate(_ f: (inout T) -> Void) { lock.withLock { f(&v) } }
}
