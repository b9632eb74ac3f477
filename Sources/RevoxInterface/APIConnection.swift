import AssistantModel

/// What a front end connects to: the in-process sandbox, or the Revox API with a resolved
/// configuration. Plain values, so the lean wizard process can hand them to the networking helper.
public enum APIConnection: Sendable, Equatable {
    /// The sandbox answers as `api`'s generation does.
    case sandbox(timeout: Duration, api: APIGeneration)
    case remote(RevoxConfiguration)

    public var timeout: Duration {
        switch self {
        case .sandbox(let t, _): return t
        case .remote(let c): return c.timeout
        }
    }
}
