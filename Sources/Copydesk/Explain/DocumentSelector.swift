/// Which document of an input `copydesk explain` looks at.
public enum DocumentSelector: Sendable, Equatable {
    /// The first document: the first non-blank line of JSON Lines, or the whole plain text.
    case first
    /// The JSON Lines document whose `id` member is this string, or a number spelled like this.
    case id(String)
    /// The JSON Lines document on this 1-based input line.
    case line(Int)
}
