/// A match of a gazetteer entry in a text.
public struct GazetteerMatch: Sendable, Equatable {
    /// Byte range of the match in the UTF-8 input.
    public var range: Range<Int>
    /// Index of the matched entry in `Gazetteer.entries`.
    public var entry: Int

    /// Creates a match.
    public init(range: Range<Int>, entry: Int) {
        self.range = range
        self.entry = entry
    }
}
