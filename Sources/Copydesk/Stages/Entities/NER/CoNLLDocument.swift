/// One document of a CoNLL file: its tokens, sentence boundaries and gold entities.
public struct CoNLLDocument: Sendable {
    /// Token texts in order.
    public var tokens: [String] = []
    /// Index of each sentence's first token.
    public var sentenceStarts: [Int] = []
    /// Gold entities in document token indices (never crossing a sentence boundary).
    public var entities: [TokenSpan] = []

    public init(tokens: [String] = [], sentenceStarts: [Int] = [], entities: [TokenSpan] = []) {
        self.tokens = tokens
        self.sentenceStarts = sentenceStarts
        self.entities = entities
    }

    /// Token range `start..<end` of sentence `index`.
    public func sentence(_ index: Int) -> Range<Int> {
        sentenceStarts[index]..<(index + 1 < sentenceStarts.count ? sentenceStarts[index + 1] : tokens.count)
    }

    /// The document as text the tagger can read: tokens separated by spaces, sentences by
    /// line breaks, with the byte range of every token.
    public func layout() -> (text: [UInt8], tokens: [NERTokenRange]) {
        var text: [UInt8] = []
        var ranges: [NERTokenRange] = []
        ranges.reserveCapacity(tokens.count)
        var nextSentence = 1
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                if nextSentence < sentenceStarts.count && sentenceStarts[nextSentence] == index {
                    text.append(UInt8(ascii: "\n"))
                    nextSentence += 1
                } else {
                    text.append(UInt8(ascii: " "))
                }
            }
            let start = text.count
            text.append(contentsOf: token.utf8)
            ranges.append(NERTokenRange(start: start, end: text.count))
        }
        return (text, ranges)
    }
}
