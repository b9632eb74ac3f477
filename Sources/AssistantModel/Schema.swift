/// A set of declared fields and what is derived from them (each generation's cut, the body root,
/// the specs by path), computed once: the validator and the encoder read these on every call.
public final class Schema: Sendable {
    /// The fields of every generation, in canonical order.
    public let declared: [FieldSpec]
    let seedFields: [FieldSpec]
    let latestFields: [FieldSpec]
    let seedBody: FieldSpec
    let latestBody: FieldSpec
    let declaredByPath: [String: [FieldSpec]]
    /// The top-level keys of every generation, in declaration order.
    let allKeys: [String]
    /// Top-level keys every generation has, with no choice some generation lacks: a scalar
    /// under one, whatever its value, tells no generation (`APIGeneration.detectsAlike`).
    let sharedScalarKeys: Set<String>

    public init(declared: [FieldSpec]) {
        self.declared = declared
        seedFields = declared.compactMap { $0.restricted(to: .seed) }
        latestFields = declared.compactMap { $0.restricted(to: .latest) }
        seedBody = Schema.root(seedFields)
        latestBody = Schema.root(latestFields)
        var byPath = [String: [FieldSpec]]()
        func add(_ fs: [FieldSpec]) {
            for f in fs {
                byPath[f.path, default: []].append(f)
                switch f.kind {
                case .object(let c), .records(let c, _): add(c)
                case .variants(let d, let vs): add([d] + vs.flatMap(\.fields))
                default: break
                }
            }
        }
        add(declared)
        declaredByPath = byPath
        // A seen-set, and a byte loop for the dot: this runs before the first frame, where a
        // `Dictionary.filter` with `String.contains` in it cost 0.36 M of 9.2 M instructions.
        var seen = Set<String>(), keys = [String]()
        for f in declared where seen.insert(f.key).inserted { keys.append(f.key) }
        allKeys = keys
        var shared = Set<String>()
        for (path, specs) in byPath where !path.utf8.contains(UInt8(ascii: ".")) && specs.allSatisfy(Schema.tellsNoGeneration) {
            shared.insert(path)
        }
        sharedScalarKeys = shared
    }

    /// A spec in every generation whose choices are too: its value, whatever it is, tells none.
    private static func tellsNoGeneration(_ spec: FieldSpec) -> Bool {
        guard spec.generations == APIGeneration.all else { return false }
        switch spec.kind {
        case .choice(let cs): return cs.allSatisfy { $0.generations == APIGeneration.all }
        case .stringList(let rule): return (rule.choices ?? []).allSatisfy { $0.generations == APIGeneration.all }
        default: return true
        }
    }

    private static func root(_ fields: [FieldSpec]) -> FieldSpec {
        FieldSpec(key: "", path: "", label: "Assistant", help: "The request body of POST /assistants.", kind: .object(fields))
    }

    func fields(for api: APIGeneration) -> [FieldSpec] {
        switch api {
        case .seed: return seedFields
        case .latest: return latestFields
        }
    }

    func body(for api: APIGeneration) -> FieldSpec {
        switch api {
        case .seed: return seedBody
        case .latest: return latestBody
        }
    }
}
