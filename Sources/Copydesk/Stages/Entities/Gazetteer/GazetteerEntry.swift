/// One name to find, with its aliases.
///
/// The name and every alias are *surface forms*. Forms are trimmed, runs of
/// whitespace inside them match any run of whitespace in the text, and
/// typographic apostrophe / en dash are equal to `'` / `-`. Empty or
/// whitespace-only forms are ignored.
public struct GazetteerEntry: Sendable, Equatable {
    /// Canonical name (also matched as a surface form).
    public var name: String
    /// Entity label, e.g. `"LOC"` or `"ORG"`.
    public var label: String
    /// Further surface forms that map to this entry.
    public var aliases: [String]
    /// Optional external identifier.
    public var id: String?
    /// When `true` the forms match exact bytes only (after whitespace,
    /// apostrophe and dash normalisation); otherwise any letter case matches.
    public var caseSensitive: Bool

    /// Creates an entry.
    public init(
        name: String,
        label: String,
        aliases: [String] = [],
        id: String? = nil,
        caseSensitive: Bool = false
    ) {
        self.name = name
        self.label = label
        self.aliases = aliases
        self.id = id
        self.caseSensitive = caseSensitive
    }
}
