/// One match of a `Pattern`: UTF-8 byte ranges into the subject.
public struct Match: Sendable, Hashable {
    /// Byte range of the whole match (group 0).
    public var range: Range<Int>
    /// Byte range of each group; index 0 is the whole match, nil is a group that did not take part.
    public var groups: [Range<Int>?]

    public init(range: Range<Int>, groups: [Range<Int>?]) {
        self.range = range
        self.groups = groups
    }

    /// Byte range of group `group`, or nil when it is unset or out of range.
    public subscript(_ group: Int) -> Range<Int>? {
        groups.indices.contains(group) ? groups[group] : nil
    }
}
