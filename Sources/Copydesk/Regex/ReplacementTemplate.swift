/// A replacement template with `$1`, `${1}`, `$name`, `${name}` and `$$`, parsed once and checked against a `Pattern`'s groups.
///
/// `$` followed by digits takes all the digits (`$12` is group 12); use `${1}2`
/// for group 1 then "2". A name is letters, digits and `_`, not starting with a digit.
public struct ReplacementTemplate: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case literal([UInt8])
        case group(Int)
    }

    /// The template as written.
    public let source: String
    let pieces: [Piece]

    /// Parses `template`; an unknown group or a stray `$` is an error whose offset is the `$` (in code points).
    public init(_ template: String, for pattern: Pattern) throws(PatternError) {
        self.source = template
        self.pieces = try TemplateParser(template, pattern: pattern).parse()
    }

    /// Distinct group numbers the template refers to, ascending.
    public var referencedGroups: [Int] {
        var numbers = Set<Int>()
        for case .group(let number) in pieces { numbers.insert(number) }
        return numbers.sorted()
    }

    /// True when the template has no group references.
    public var isLiteral: Bool {
        referencedGroups.isEmpty
    }

    /// Appends the expansion for `match` of `subject` to `output`; an unset group expands to nothing.
    public func expand(_ match: Match, in subject: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .literal(let bytes):
                output.append(contentsOf: bytes)
            case .group(let number):
                guard let range = match[number], range.lowerBound >= 0, range.upperBound <= subject.count else {
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: subject[range]))
            }
        }
    }

    /// Appends the expansion for `match` of `subject` to `output`.
    public func expand(_ match: Match, in subject: [UInt8], into output: inout [UInt8]) {
        subject.withUnsafeBufferPointer { expand(match, in: $0, into: &output) }
    }

    /// The expansion for `match` of `subject` as a string.
    public func expanded(_ match: Match, in subject: String) -> String {
        var output: [UInt8] = []
        expand(match, in: Array(subject.utf8), into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

/// Splits a template into literal bytes and group references.
private struct TemplateParser {
    let scalars: [Unicode.Scalar]
    let pattern: Pattern
    var position = 0
    var pieces: [ReplacementTemplate.Piece] = []
    var literal: [UInt8] = []

    init(_ template: String, pattern: Pattern) {
        self.scalars = Array(template.unicodeScalars)
        self.pattern = pattern
    }

    consuming func parse() throws(PatternError) -> [ReplacementTemplate.Piece] {
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "$" {
                try parseReference()
            } else {
                Unicode.UTF8.encode(scalar) { literal.append($0) }
                position += 1
            }
        }
        flushLiteral()
        return pieces
    }

    private mutating func parseReference() throws(PatternError) {
        let dollar = position
        position += 1
        guard position < scalars.count else {
            throw PatternError(message: "'$' at end of replacement; write '$$' for a literal '$'", offset: dollar)
        }
        let next = scalars[position]
        if next == "$" {
            literal.append(UInt8(ascii: "$"))
            position += 1
        } else if next == "{" {
            position += 1
            let nameStart = position
            while position < scalars.count, scalars[position] != "}" { position += 1 }
            guard position < scalars.count else {
                throw PatternError(message: "missing '}' after '${' in replacement", offset: dollar)
            }
            let reference = String(String.UnicodeScalarView(scalars[nameStart..<position]))
            position += 1
            try appendGroup(reference, at: dollar)
        } else if Self.isDigit(next) {
            let start = position
            while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
            try appendGroup(String(String.UnicodeScalarView(scalars[start..<position])), at: dollar)
        } else if Self.isNameStart(next) {
            let start = position
            while position < scalars.count, Self.isNameStart(scalars[position]) || Self.isDigit(scalars[position]) {
                position += 1
            }
            try appendGroup(String(String.UnicodeScalarView(scalars[start..<position])), at: dollar)
        } else {
            throw PatternError(
                message: "'$' must be followed by a group number, a name, '{' or '$' in replacement",
                offset: dollar
            )
        }
    }

    /// Appends a reference to group `reference` (a number or a name), or throws if the pattern has no such group.
    private mutating func appendGroup(_ reference: String, at offset: Int) throws(PatternError) {
        let number: Int
        if !reference.isEmpty, reference.unicodeScalars.allSatisfy(Self.isDigit) {
            guard let parsed = Int(reference), parsed <= pattern.captureCount else {
                throw PatternError(
                    message: "replacement refers to group \(reference) but the pattern has \(pattern.captureCount) groups",
                    offset: offset
                )
            }
            number = parsed
        } else if let named = pattern.groupNumber(named: reference) {
            number = named
        } else {
            throw PatternError(message: "replacement refers to unknown group name '\(reference)'", offset: offset)
        }
        flushLiteral()
        pieces.append(.group(number))
    }

    private mutating func flushLiteral() {
        guard !literal.isEmpty else { return }
        pieces.append(.literal(literal))
        literal.removeAll()
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
