/// Replace `range` (UTF-8 byte offsets into the current field text) with `replacement`.
public struct TextEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8] = []) {
        self.range = range
        self.replacement = replacement
    }
}
