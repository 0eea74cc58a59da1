/// How entity spans are spelled as one tag per token.
///
/// Tag 0 is always `O`. Entity tags follow, grouped by label in `EntityLabel` order:
/// `B, I` per label for BIO and `B, I, L, U` per label for BILOU.
public enum NERTagScheme: UInt8, Sendable, CaseIterable {
    case bio = 0
    case bilou = 1

    /// Tags per entity label.
    var positions: Int { self == .bio ? 2 : 4 }

    /// Number of tags including `O`.
    public var tagCount: Int { 1 + positions * EntityLabel.allCases.count }

    /// Name used on the command line and in diagnostics.
    public var name: String { self == .bio ? "bio" : "bilou" }

    /// Parses `bio` or `bilou`.
    public init?(name: String) {
        switch name.lowercased() {
        case "bio": self = .bio
        case "bilou": self = .bilou
        default: return nil
        }
    }

    static let begin = 0, inside = 1, last = 2, unit = 3

    @inline(__always)
    func tag(_ label: EntityLabel, _ position: Int) -> Int { 1 + Int(label.rawValue) * positions + position }

    /// The label of an entity tag; nil for `O`.
    @inline(__always)
    func label(of tag: Int) -> EntityLabel? {
        tag == 0 ? nil : EntityLabel(rawValue: UInt8((tag - 1) / positions))
    }

    /// Position of an entity tag within its label group (`begin`, `inside`, `last`, `unit`).
    @inline(__always)
    func position(of tag: Int) -> Int { (tag - 1) % positions }

    /// A readable tag name such as `B-PER` or `O`.
    public func tagName(_ tag: Int) -> String {
        guard let label = label(of: tag) else { return "O" }
        return ["B", "I", "L", "U"][position(of: tag)] + "-" + label.name
    }

    /// Whether `to` may follow `from`; nil stands for a sentence boundary.
    func allows(from: Int?, to: Int?) -> Bool {
        let fromOpen = from.map { $0 != 0 && (position(of: $0) == Self.begin || (self == .bilou && position(of: $0) == Self.inside)) } ?? false
        let toContinues = to.map { $0 != 0 && (position(of: $0) == Self.inside || (self == .bilou && position(of: $0) == Self.last)) } ?? false
        if self == .bio {
            guard toContinues, let to else { return true }
            guard let from, from != 0 else { return false }
            return label(of: from) == label(of: to)
        }
        if fromOpen {
            guard let from, let to, toContinues else { return false }
            return label(of: from) == label(of: to)
        }
        return !toContinues
    }
}
