/// Builds small JSON values into a byte buffer (for the "copydesk" object): no intermediate tree.
///
/// Commas are written automatically. The writer trusts its caller to pair `begin`/`end`
/// calls and to give every object value a `key` first; it does not check.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]
    /// One flag per open container: true until its first element has been written.
    private var isFirstElement: [Bool] = []
    /// True between `key(_:)` and the value that follows it.
    private var awaitsValue = false

    public init() {
        bytes = []
    }

    /// Appends to existing bytes, e.g. a line being spliced.
    public init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func beginObject() {
        beginContainer(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        endContainer(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beginContainer(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        endContainer(UInt8(ascii: "]"))
    }

    /// Writes the comma if needed, the key and ':'. The key is a literal that needs no escaping.
    public mutating func key(_ k: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        awaitsValue = true
    }

    /// Writes the comma if needed, a key known only at run time (escaped as needed) and ':'.
    public mutating func key(dynamic k: String) {
        separate()
        JSONString.encode(k, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        awaitsValue = true
    }

    public mutating func string(_ s: String) {
        separate()
        JSONString.encode(s, into: &bytes)
    }

    /// A string value given as UTF-8 bytes.
    public mutating func string(bytes utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        JSONString.encode(utf8, into: &bytes)
    }

    public mutating func int(_ i: Int) {
        value(maximum: JSONCursor.intBound) { $0.int(i) }
    }

    /// A number in Swift's shortest round-trip form; NaN and infinities, which JSON cannot hold, become null.
    public mutating func double(_ d: Double) {
        guard d.isFinite else {
            null()
            return
        }
        separate()
        bytes.append(contentsOf: d.description.utf8)
    }

    public mutating func bool(_ b: Bool) {
        separate()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value that is already JSON, copied as is (e.g. a raw token spliced from the input line).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        bytes.append(opening)
        isFirstElement.append(true)
    }

    private mutating func endContainer(_ closing: UInt8) {
        _ = isFirstElement.popLast()
        awaitsValue = false
        bytes.append(closing)
    }

    /// Writes ',' before every element of a container but the first, and nothing after a key.
    mutating func separate() {
        if awaitsValue {
            awaitsValue = false
            return
        }
        guard let last = isFirstElement.indices.last else { return }
        if isFirstElement[last] {
            isFirstElement[last] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }
}
