import AssistantModel
import Testing
import TerminalUI
@testable import Wizard

/// A draft whose keys do not tell its generation (only fields both generations have) is walked
/// to detect it once per change, not on every read: a frame reads the generation many times, and
/// with 1,000 FAQ items each walk is the cost of opening the draft again.
@Suite("Draft walks")
struct DraftWalkTests {
    static var body: JSONValue {
        let faq = (0..<300).map { i -> JSONValue in ["question": .string("Question \(i)?"), "answer": .string("Answer \(i).")] }
        return ["name": "Shop", "prompt": "Be brief.", "faq_items": .array(faq)]
    }

    func walks(_ body: () -> Void) -> Int {
        WorkCounter.counting(WorkCounter.$draftWalks, body)
    }

    @Test func openingAndTypingWalkTheDraftOncePerChange() {
        var w: Wizard?
        let opening = walks { w = Wizard(backend: sandboxBackend, body: Self.body, rows: 24, cols: 80) }
        guard var w else { return }
        #expect(w.state.api == nil && w.state.generation == .default, "nothing in the draft tells the generation")
        #expect(opening <= 2, "opening: \(opening) walks")
        let key = walks {
            _ = w.update(.input(.key(.char("s"))))
            var canvas = Canvas(rows: 24, cols: 80)
            w.render(into: &canvas)
        }
        #expect(w.state.draft.value(at: "name")?.stringValue == "Shops")
        #expect(key == 0, "a key typed into the name changes no key and no choice: \(key) walks")
    }

    /// What can change the answer still walks: a key added or gone, a choice value that tells
    /// the generation, a list or object that changed.
    @Test func aNewKeyOrAChoiceOfOneGenerationIsDetectedAgain() {
        let base: JSONValue = ["name": "Shop", "prompt": "Be brief.", "background_sound": "audio/office.ogg"]
        #expect(APIGeneration.detectsAlike(base, ["name": "Shops", "prompt": "Be brief!", "background_sound": "audio/office.ogg"]))
        #expect(!APIGeneration.detectsAlike(["name": "Shop", "prompt": "Be brief.", "thinking_sound": "crowded-room.ogg"],
                                            ["name": "Shop", "prompt": "Be brief."]))
        #expect(!APIGeneration.detectsAlike(base, ["name": "Shop", "prompt": "Be brief.", "background_sound": "audio/office.ogg", "faq_items": []]))
        // A voice provider only the latest generation has tells the generation.
        let seed: JSONValue = ["name": "Shop", "prompt": "Be brief.", "voice": ["provider": "cartesia", "id": "v1"]]
        let latest: JSONValue = ["name": "Shop", "prompt": "Be brief.", "voice": ["provider": "gradium", "id": "v1"]]
        #expect(APIGeneration.detect(seed) != APIGeneration.detect(latest), "the two providers tell the generations apart")
        #expect(!APIGeneration.detectsAlike(seed, latest))
        #expect(!APIGeneration.detectsAlike(Self.body, ["name": "Shop", "prompt": "Be brief.", "faq_items": []]))
    }

    /// The first letter typed into an empty field adds its key, the last one erased removes it:
    /// neither can change the generation when every generation has the field, and each walked
    /// the whole draft (the benchmark's field key: a tenth of it).
    @Test func aSharedFieldFilledOrEmptiedWalksNothing() {
        var w = Wizard(backend: sandboxBackend, body: ["prompt": "Be brief."], rows: 24, cols: 80)
        let typed = walks { _ = w.update(.input(.key(.char("S")))) }
        #expect(w.state.draft.value(at: "name")?.stringValue == "S")
        let erased = walks { _ = w.update(.input(.key(KeyPress(.backspace)))) }
        #expect(typed == 0 && erased == 0, "name filled: \(typed) walks, emptied: \(erased)")
        let empty: JSONValue = ["prompt": "Be brief."]
        #expect(APIGeneration.detectsAlike(empty, ["prompt": "Be brief.", "name": "S"]))
        #expect(APIGeneration.detectsAlike(["prompt": "Be brief.", "name": "S"], empty))
        // A key only one generation has, or a list, still walks.
        #expect(!APIGeneration.detectsAlike(empty, ["prompt": "Be brief.", "thinking_sound": "crowded-room.ogg"]))
        #expect(!APIGeneration.detectsAlike(["prompt": "Be brief.", "thinking_sound": "crowded-room.ogg"], empty))
        #expect(!APIGeneration.detectsAlike(empty, ["prompt": "Be brief.", "faq_items": []]))
    }

    /// "Alike" must mean `detect` answers the same: every top-level field of either generation,
    /// added to or removed from a draft, with a string, a number, a boolean, null or each of its
    /// choices.
    @Test func alikeDraftsDetectTheSameGeneration() {
        let fields = AssistantSchema.fields(for: .seed) + AssistantSchema.fields(for: .latest)
        let bases: [JSONValue] = [["prompt": "Be brief."], ["prompt": "Be brief.", "thinking_sound": "crowded-room.ogg"],
                                  ["prompt": "Be brief.", "voice": ["provider": "cartesia", "id": "v1"]]]
        var alike = 0
        for base in bases {
            for f in fields where !f.path.contains(".") {
                var values: [JSONValue] = ["x", 1, true, .null]
                if case .choice(let cs) = f.kind { values += cs.map { .string($0.value) } }
                for v in values {
                    guard case .object(var o) = base, !o.contains(f.key) else { continue }
                    o[f.key] = v
                    let added = JSONValue.object(o)
                    for (a, b) in [(base, added), (added, base)] where APIGeneration.detectsAlike(a, b) {
                        alike += 1
                        #expect(APIGeneration.detect(a) == APIGeneration.detect(b), "\(f.key): \(v)")
                    }
                }
            }
        }
        #expect(alike > 20, "only \(alike) pairs were alike: the property checked little")
    }

    /// The run loop reports the size it starts at; that resize built the whole form a second time
    /// (for the 1 MB / 1,000-FAQ draft, 40% of opening it). A real change of size still rebuilds.
    @Test func aResizeToTheSameSizeBuildsNoForm() {
        var w = Wizard(backend: sandboxBackend, body: Self.body, rows: 24, cols: 80)
        let same = WorkCounter.counting(WorkCounter.$formBuilds) { _ = w.update(.resize(rows: 24, cols: 80)) }
        #expect(same == 0, "a same-size resize built \(same) forms")
        let bigger = WorkCounter.counting(WorkCounter.$formBuilds) { _ = w.update(.resize(rows: 30, cols: 100)) }
        #expect(bigger == 1 && w.state.cols == 100)
    }
}
