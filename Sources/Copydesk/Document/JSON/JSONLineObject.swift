/// A validated top-level JSON object from one line, with the byte ranges of its members.
///
/// Nothing is decoded but the keys: callers decode the string values they need with
/// `JSONString.decode` and write output by splicing the untouched ranges.
public struct JSONLineObject: Sendable {
    /// One top-level member, in line order (duplicate keys are all kept).
    public struct Member: Sendable {
        /// Decoded key.
        public var key: String
        /// Raw key token, quotes included.
        public var keyRange: Range<Int>
        /// Raw value token (for a string: quotes included).
        public var valueRange: Range<Int>
        public var isString: Bool

        public init(key: String, keyRange: Range<Int>, valueRange: Range<Int>, isString: Bool) {
            self.key = key
            self.keyRange = keyRange
            self.valueRange = valueRange
            self.isString = isString
        }
    }

    public var members: [Member]
    /// Offset of the top-level `{`.
    public var openingBrace: Int
    /// Offset of the top-level `}`.
    public var closingBrace: Int

    public init(members: [Member], openingBrace: Int, closingBrace: Int) {
        self.members = members
        self.openingBrace = openingBrace
        self.closingBrace = closingBrace
    }

    /// Validates the whole line (leading/trailing JSON whitespace and a trailing \r allowed; nested values are validated but not decoded; numbers must follow the JSON grammar; max nesting depth 512).
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONLineObject {
        guard var scanner = JSONScanner(line) else {
            throw JSONSyntaxError(byteOffset: 0, message: "expected '{' to begin a JSON object, found end of line")
        }
        scanner.skipWhitespace()
        guard let first = scanner.current, first == UInt8(ascii: "{") else {
            throw scanner.notAnObject()
        }
        let openingBrace = scanner.position
        var members: [Member] = []
        members.reserveCapacity(8)
        scanner.position &+= 1
        scanner.skipWhitespace()
        if scanner.current != UInt8(ascii: "}") {
            var afterComma = false
            while true {
                let keyStart = scanner.position
                let keyHasEscapes = try scanner.scanKey(afterComma: afterComma)
                let keyRange = keyStart..<scanner.position
                try scanner.scanColon()
                let valueStart = scanner.position
                let isString = scanner.current == UInt8(ascii: "\"")
                try scanner.scanValue(depth: 1)
                let key = Self.decodeKey(line, keyRange, hasEscapes: keyHasEscapes)
                members.append(Member(key: key, keyRange: keyRange, valueRange: valueStart..<scanner.position, isString: isString))
                scanner.skipWhitespace()
                if try scanner.scanSeparator(closing: UInt8(ascii: "}"), context: "after object member") { break }
                afterComma = true
            }
        } else {
            scanner.position &+= 1
        }
        let closingBrace = scanner.position &- 1
        scanner.skipWhitespace()
        if !scanner.isAtEnd {
            throw scanner.error("unexpected data after the object", at: scanner.position)
        }
        return JSONLineObject(members: members, openingBrace: openingBrace, closingBrace: closingBrace)
    }

    /// Validates a line held in an array; see `parse(_: UnsafeBufferPointer<UInt8>)`.
    public static func parse(_ line: [UInt8]) throws(JSONSyntaxError) -> JSONLineObject {
        try line.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// First member with that key.
    public func member(named name: String) -> Member? {
        members.first { $0.key == name }
    }

    private static func decodeKey(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscapes: Bool) -> String {
        let token = UnsafeBufferPointer(rebasing: line[range])
        if hasEscapes {
            return String(decoding: JSONString.decode(token), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: token.dropFirst().dropLast()), as: UTF8.self)
    }
}

extension JSONScanner {
    /// The error for a line whose first non-blank byte, at `position`, is not `{`.
    func notAnObject() -> JSONSyntaxError {
        guard let byte = current else { return unexpected("'{' to begin a JSON object", at: position) }
        let found: String? =
            switch byte {
            case UInt8(ascii: "["): "an array"
            case UInt8(ascii: "\""): "a string"
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
            case UInt8(ascii: "t") where hasPrefix("true"): "true"
            case UInt8(ascii: "f") where hasPrefix("false"): "false"
            case UInt8(ascii: "n") where hasPrefix("null"): "null"
            default: nil
            }
        if let found {
            return error("top-level value is not an object (found \(found))", at: position)
        }
        return unexpected("'{' to begin a JSON object", at: position)
    }

    private func hasPrefix(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position &+ length <= count else { return false }
        return (0..<length).allSatisfy { bytes[position &+ $0] == literal.utf8Start[$0] }
    }
}
