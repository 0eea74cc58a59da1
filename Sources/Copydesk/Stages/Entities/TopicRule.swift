/// A topic tag that fires when any of its entities or words occurs in a document.
public struct TopicRule: Sendable {
    public let tag: String
    /// Entity names (canonical or as written), lowercased.
    public let entities: Set<String>
    /// Words and phrases, matched as whole words, case-insensitively, a space standing for any
    /// run of whitespace (the gazetteer's matching: all topics' words are found in one pass).
    public let words: [String]
    public let mark: SourceMark

    public init(tag: String, entities: [String], words: [String], mark: SourceMark) {
        self.tag = tag
        self.entities = Set(entities.map { $0.lowercased() })
        self.words = words.filter { !$0.isEmpty }
        self.mark = mark
    }
}

/// The words of every topic in one gazetteer, so that a document is read once for all of them.
struct TopicWords: Sendable {
    private let gazetteer: Gazetteer?

    init(_ topics: [TopicRule]) {
        let entries = topics.enumerated().flatMap { index, topic in
            topic.words.map { GazetteerEntry(name: $0, label: topic.tag, id: String(index)) }
        }
        gazetteer = entries.isEmpty ? nil : Gazetteer(entries: entries)
    }

    /// The indexes of the topics whose words occur in `text`.
    func topics(in text: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        guard let gazetteer else { return [] }
        return Set(gazetteer.matches(in: text).compactMap { gazetteer.entries[$0.entry].id.flatMap { Int($0) } })
    }
}
