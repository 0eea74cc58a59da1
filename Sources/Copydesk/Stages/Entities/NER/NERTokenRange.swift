/// One token: a half-open byte range into the text it was cut from.
public struct NERTokenRange: Sendable, Hashable {
    /// Offset of the token's first byte.
    public var start: Int
    /// Offset one past the token's last byte.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
