/// A topic tag that fires when any of its entities or words occurs in a document.
public struct TopicRule: Sendable {
    public let tag: String
    /// Entity names (canonical or as written), lowercased.
    public let entities: Set<String>
    /// The words as one caseless pattern with word boundaries, or nil when there are none.
    public let words: Pattern?
    public let mark: SourceMark

    public init(tag: String, entities: [String], words: [String], mark: SourceMark) throws(PatternError) {
        self.tag = tag
        self.entities = Set(entities.map { $0.lowercased() })
        let alternatives = words.filter { !$0.isEmpty }.map(Self.literalPattern)
        self.words = alternatives.isEmpty ? nil : try Pattern(#"(?<![\p{L}\p{N}])(?:"# + alternatives.joined(separator: "|") + #")(?![\p{L}\p{N}])"#, options: [.caseless])
        self.mark = mark
    }

    /// A word as a pattern that matches it literally, any run of whitespace standing for its spaces.
    static func literalPattern(_ word: String) -> String {
        var pattern = ""
        for scalar in word.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !pattern.hasSuffix(#"\s+"#) { pattern += #"\s+"# }
            } else if scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                pattern += "\\" + String(scalar)
            } else {
                pattern.unicodeScalars.append(scalar)
            }
        }
        return pattern
    }

    /// Whether the rule fires on a document with these mentions and fields.
    func fires(mentionNames: Set<String>, fields: [[UInt8]], scratch: inout MatchScratch) -> Bool {
        if !entities.isDisjoint(with: mentionNames) { return true }
        guard let words else { return false }
        for text in fields {
            let found = (try? text.withUnsafeBufferPointer { (buffer) throws(MatchError) -> Bool in
                try words.matches(buffer, scratch: &scratch)
            }) ?? false
            if found { return true }
        }
        return false
    }
}
