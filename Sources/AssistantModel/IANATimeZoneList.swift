/// The IANA time zone ids the validator accepts for `call_retry_config.timezone` and the wizard's
/// picker offers. The lists themselves live in the generated `IANATimeZones.swift`, embedded so the
/// model gives the same answer on every machine (the host's /usr/share/zoneinfo may be missing or older).
public enum IANATimeZones {
    /// Every accepted id: canonical zones and links, sorted.
    public static let all: [String] = (canonical + links).sorted()

    private static let known: Set<String> = Set(canonical).union(links)

    /// True for an exact (case-sensitive) IANA id such as `Europe/Paris` or `US/Eastern`.
    public static func contains(_ id: String) -> Bool { known.contains(id) }

    /// The id with the same spelling apart from case, to suggest a fix for `europe/paris`.
    public static func suggestion(for id: String) -> String? {
        let lower = id.lowercased()
        return all.first { $0.lowercased() == lower }
    }
}
