/// The one place the request rules live. The command line, the wizard and the sandbox all call it.
public enum Validator {
    /// Every issue in a request body (a draft), errors and warnings, in field order.
    public static func validate(_ body: JSONValue) -> [ValidationIssue] {
        guard case .object(let obj) = body else {
            return [.error("", "the request body must be a JSON object, not \(body.typeDescription)")]
        }
        var issues = [ValidationIssue]()
        for key in ["name", "prompt"] {
            switch obj[key] {
            case nil: issues.append(.error(key, "\(key) is required"))
            case .string(let s) where s.allSatisfy(\.isWhitespace): issues.append(.error(key, "\(key) must not be blank"))
            case .string: break
            case let v?: issues.append(.error(key, "expected a string, found \(v.typeDescription)"))
            }
        }
        return issues
    }
}
