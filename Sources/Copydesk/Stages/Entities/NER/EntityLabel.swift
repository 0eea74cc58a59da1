/// The four CoNLL-2003 entity types.
public enum EntityLabel: UInt8, Sendable, CaseIterable, Comparable {
    case person = 0
    case organization = 1
    case location = 2
    case miscellaneous = 3

    /// The CoNLL spelling: `PER`, `ORG`, `LOC` or `MISC`.
    public var name: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    /// Parses the CoNLL spelling; nil for anything else.
    public init?(name: some StringProtocol) {
        switch name {
        case "PER": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        case "MISC": self = .miscellaneous
        default: return nil
        }
    }

    public static func < (lhs: EntityLabel, rhs: EntityLabel) -> Bool { lhs.rawValue < rhs.rawValue }
}
