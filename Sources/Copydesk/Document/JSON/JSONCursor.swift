/// Writes JSON into memory sized in advance, for output that is many small values (`removed`
/// and `trace` under `--explain`): no capacity or uniqueness check on each write.
///
/// The caller sizes the memory with the `…Bound` helpers; the cursor traps in debug builds if
/// that was too small. It writes no commas for you: `separator(first:)` does.
struct JSONCursor {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    /// The most bytes that `string` writes for text of `utf8Count` bytes (every byte escaped as `\u00XX`).
    static func stringBound(_ utf8Count: Int) -> Int { utf8Count &* 6 &+ 2 }
    /// The most bytes that `int` writes.
    static let intBound = 20

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        assert(count < capacity, "JSONCursor bound too small")
        base[count] = b
        count &+= 1
    }

    /// A comma unless this is the first element of its container.
    @inline(__always)
    mutating func separator(first: Bool) {
        if !first { byte(UInt8(ascii: ",")) }
    }

    /// Bytes copied as they are (JSON that is already encoded, or a literal such as `,"start":`).
    @inline(__always)
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(count &+ bytes.count <= capacity, "JSONCursor bound too small")
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    @inline(__always)
    mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { raw($0) }
    }

    mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { raw($0) }
    }

    mutating func int(_ i: Int) {
        if i < 0 { byte(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        var digits = 1
        var scale: UInt = 10
        while digits < 20 && magnitude >= scale {
            digits &+= 1
            if scale > UInt.max / 10 { break }
            scale &*= 10
        }
        assert(count &+ digits <= capacity, "JSONCursor bound too small")
        var index = count &+ digits
        repeat {
            index &-= 1
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count &+= digits
    }

    /// A JSON string literal, with quotes, of valid UTF-8 bytes; escapes as `JSONString.encode` does.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        JSONString.forEachRun(in: bytes) { run in
            raw(run)
        } escape: { byte in
            let (sequence, length) = JSONString.escapeSequence(for: byte)
            for lane in 0..<length { self.byte(UInt8(truncatingIfNeeded: sequence &>> (lane &* 8))) }
        }
        byte(UInt8(ascii: "\""))
    }

    mutating func string(_ string: String) {
        var string = string
        string.withUTF8 { self.string($0) }
    }

    mutating func string(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { string($0) }
    }
}

extension JSONWriter {
    /// Writes one value through a `JSONCursor` given at most `maximum` bytes.
    mutating func value(maximum: Int, _ body: (inout JSONCursor) -> Void) {
        separate()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximum) { scratch in
            var cursor = JSONCursor(base: scratch.baseAddress!, capacity: maximum)
            body(&cursor)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<cursor.count]))
        }
    }
}
