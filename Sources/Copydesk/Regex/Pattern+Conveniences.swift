extension Pattern {
    /// First match in `subject` (checked for valid UTF-8 unless `validated`) at or after byte offset `start`.
    public func firstMatch(
        in subject: [UInt8],
        from start: Int = 0,
        validated: Bool = false,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Match? {
        try Self.withBuffer(subject) { buffer throws(MatchError) in
            try firstMatch(in: buffer, from: start, validated: validated, scratch: &scratch)
        }
    }

    /// All non-overlapping matches in `subject` (checked for valid UTF-8 unless `validated`).
    public func allMatches(
        in subject: [UInt8],
        validated: Bool = false,
        scratch: inout MatchScratch
    ) throws(MatchError) -> [Match] {
        try Self.withBuffer(subject) { buffer throws(MatchError) in
            try allMatches(in: buffer, validated: validated, scratch: &scratch)
        }
    }

    /// True when the pattern matches anywhere in `subject` (checked for valid UTF-8 unless `validated`).
    public func matches(
        _ subject: [UInt8],
        validated: Bool = false,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Bool {
        try Self.withBuffer(subject) { buffer throws(MatchError) in
            try matches(buffer, validated: validated, scratch: &scratch)
        }
    }

    /// First match in the UTF-8 of `subject` at or after byte offset `start`.
    public func firstMatch(
        in subject: String,
        from start: Int = 0,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Match? {
        try Self.withUTF8(of: subject) { buffer throws(MatchError) in
            try firstMatch(in: buffer, from: start, validated: true, scratch: &scratch)
        }
    }

    /// All non-overlapping matches in the UTF-8 of `subject`.
    public func allMatches(in subject: String, scratch: inout MatchScratch) throws(MatchError) -> [Match] {
        try Self.withUTF8(of: subject) { buffer throws(MatchError) in
            try allMatches(in: buffer, validated: true, scratch: &scratch)
        }
    }

    /// True when the pattern matches anywhere in `subject`.
    public func matches(_ subject: String, scratch: inout MatchScratch) throws(MatchError) -> Bool {
        try Self.withUTF8(of: subject) { buffer throws(MatchError) in
            try matches(buffer, validated: true, scratch: &scratch)
        }
    }

    /// `subject` with every match replaced by `template`'s expansion, or nil when nothing matched.
    public func replacingMatches(
        in subject: UnsafeBufferPointer<UInt8>,
        with template: ReplacementTemplate,
        validated: Bool = true,
        scratch: inout MatchScratch
    ) throws(MatchError) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var replaced = false
        try forEachMatch(in: subject, validated: validated, scratch: &scratch) { match in
            if !replaced { output.reserveCapacity(subject.count) }
            replaced = true
            output.append(contentsOf: UnsafeBufferPointer(rebasing: subject[copied..<match.range.lowerBound]))
            template.expand(match, in: subject, into: &output)
            copied = max(copied, match.range.upperBound)
        }
        guard replaced else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: subject[copied...]))
        return output
    }

    /// `subject` with every match replaced by `template`'s expansion (unchanged when nothing matched).
    public func replacingMatches(
        in subject: String,
        with template: ReplacementTemplate,
        scratch: inout MatchScratch
    ) throws(MatchError) -> String {
        let replaced = try Self.withUTF8(of: subject) { buffer throws(MatchError) in
            try replacingMatches(in: buffer, with: template, validated: true, scratch: &scratch)
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? subject
    }

    /// Runs `body` over the bytes of `array`, keeping `body`'s typed error.
    private static func withBuffer<R>(
        _ array: [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws(MatchError) -> R
    ) throws(MatchError) -> R {
        let result = array.withUnsafeBufferPointer { buffer in
            Result { () throws(MatchError) -> R in try body(buffer) }
        }
        return try result.get()
    }

    /// Runs `body` over the UTF-8 of `string` (contiguous for native strings, copied otherwise).
    private static func withUTF8<R>(
        of string: String,
        _ body: (UnsafeBufferPointer<UInt8>) throws(MatchError) -> R
    ) throws(MatchError) -> R {
        let result = string.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(MatchError) -> R in try body(buffer) }
        }
        if let result { return try result.get() }
        return try withBuffer(Array(string.utf8), body)
    }
}
