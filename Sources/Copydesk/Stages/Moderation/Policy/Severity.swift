/// How serious a moderation finding is: `low` < `medium` < `high`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case low, medium, high

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }
}
