extension JSONScanner {
    /// Validates the value starting at `position` (whitespace already skipped) and moves past it.
    /// `depth` is the nesting depth of the container holding the value (the top-level object is 1).
    mutating func scanValue(depth: Int) throws(JSONSyntaxError) {
        guard position < count else { throw unexpected("a value", at: position) }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case UInt8(ascii: "{"):
            try scanObject(depth: depth &+ 1)
        case UInt8(ascii: "["):
            try scanArray(depth: depth &+ 1)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
        case UInt8(ascii: "f"):
            try scanLiteral("false")
        case UInt8(ascii: "n"):
            try scanLiteral("null")
        default:
            throw unexpected("a value (string, number, object, array, true, false or null)", at: position)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, left exactly as written.
    mutating func scanNumber() throws(JSONSyntaxError) {
        if bytes[position] == UInt8(ascii: "-") { position &+= 1 }
        guard position < count, Self.isDigit(bytes[position]) else {
            throw unexpected("a digit after '-'", at: position)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position &+= 1
            if position < count, Self.isDigit(bytes[position]) {
                throw error("leading zeros are not allowed in numbers (found a digit after '0')", at: position)
            }
        } else {
            skipDigits()
        }
        if position < count, bytes[position] == UInt8(ascii: ".") {
            position &+= 1
            guard position < count, Self.isDigit(bytes[position]) else {
                throw unexpected("a digit after the decimal point", at: position)
            }
            skipDigits()
        }
        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position &+= 1
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position &+= 1
            }
            guard position < count, Self.isDigit(bytes[position]) else {
                throw unexpected("a digit in the exponent", at: position)
            }
            skipDigits()
        }
    }

    /// `true`, `false` or `null`, whose first byte is at `position`.
    mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount {
            guard position < count, bytes[position] == expected[k] else {
                throw unexpected("'\(literal)'", at: position)
            }
            position &+= 1
        }
    }

    /// A nested object whose `{` is at `position`; `depth` is its own depth.
    mutating func scanObject(depth: Int) throws(JSONSyntaxError) {
        try checkDepth(depth)
        position &+= 1
        skipWhitespace()
        if position < count, bytes[position] == UInt8(ascii: "}") {
            position &+= 1
            return
        }
        var afterComma = false
        while true {
            try scanKey(afterComma: afterComma)
            try scanColon()
            try scanValue(depth: depth)
            skipWhitespace()
            if try scanSeparator(closing: UInt8(ascii: "}"), context: "after object member") { return }
            afterComma = true
        }
    }

    /// A nested array whose `[` is at `position`; `depth` is its own depth.
    mutating func scanArray(depth: Int) throws(JSONSyntaxError) {
        try checkDepth(depth)
        position &+= 1
        skipWhitespace()
        if position < count, bytes[position] == UInt8(ascii: "]") {
            position &+= 1
            return
        }
        var afterComma = false
        while true {
            if afterComma, position < count, bytes[position] == UInt8(ascii: "]") {
                throw error("trailing comma: expected a value after ',', found ']'", at: position)
            }
            try scanValue(depth: depth)
            skipWhitespace()
            if try scanSeparator(closing: UInt8(ascii: "]"), context: "after array element") { return }
            afterComma = true
        }
    }

    /// An object key at `position` (whitespace skipped); returns whether it has escapes.
    @discardableResult
    mutating func scanKey(afterComma: Bool) throws(JSONSyntaxError) -> Bool {
        guard position < count, bytes[position] == UInt8(ascii: "\"") else {
            if afterComma, position < count, bytes[position] == UInt8(ascii: "}") {
                throw error("trailing comma: expected an object key after ',', found '}'", at: position)
            }
            throw unexpected(afterComma ? "'\"' to begin an object key" : "'\"' to begin an object key or '}'", at: position)
        }
        return try scanString()
    }

    /// Whitespace, ':' and whitespace after an object key.
    @inline(__always)
    mutating func scanColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < count, bytes[position] == UInt8(ascii: ":") else {
            throw unexpected("':' after object key", at: position)
        }
        position &+= 1
        skipWhitespace()
    }

    /// ',' (then whitespace; returns false) or `closing` (returns true) after an element.
    @inline(__always)
    mutating func scanSeparator(closing: UInt8, context: String) throws(JSONSyntaxError) -> Bool {
        guard position < count else {
            throw unexpected("',' or '\(Character(Unicode.Scalar(closing)))' \(context)", at: position)
        }
        let byte = bytes[position]
        position &+= 1
        if byte == UInt8(ascii: ",") {
            skipWhitespace()
            return false
        }
        if byte == closing { return true }
        position &-= 1
        throw unexpected("',' or '\(Character(Unicode.Scalar(closing)))' \(context)", at: position)
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > Self.maximumDepth {
            throw error("nesting too deep: more than \(Self.maximumDepth) levels of objects and arrays", at: position)
        }
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < count, Self.isDigit(bytes[position]) { position &+= 1 }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
