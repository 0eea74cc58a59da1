/// Finds known names (entries and their aliases) in UTF-8 text in one scan.
///
/// Semantics:
/// - Surface forms (name and aliases) are trimmed; whitespace runs inside
///   them match any whitespace run in the text (ASCII whitespace, NBSP and
///   the other Unicode `White_Space` scalars). `’` equals `'` and `–` equals
///   `-`, in forms and text alike. Blank forms are ignored.
/// - Case-insensitive forms are compared after per-scalar full lowercase
///   mapping of `U+0000..<U+0800` (Latin, Greek, Cyrillic, …) and
///   `U+1E00..<U+2000` (Latin Extended Additional, Greek Extended); other
///   scalars compare exactly. Case-sensitive forms compare exact bytes.
/// - A match starts at the start of the text or after a scalar that is not
///   alphabetic/numeric, and ends at the end of the text or before such a
///   scalar. Invalid UTF-8 bytes count as non-letters and never match.
/// - Leftmost-longest: scanning left to right, at each start the longest
///   matching form wins, and the scan resumes after it. When several entries
///   share the same normalised form, the entry with the lowest index wins.
///
/// Instances are immutable and can be shared between threads.
public final class Gazetteer: Sendable {
    /// The entries, as given to `init`; `GazetteerMatch.entry` indexes them.
    public let entries: [GazetteerEntry]
    private let trie: ByteTrie

    /// Builds the matcher (cost linear in the total size of the forms, plus
    /// a sort of the forms).
    public init(entries: [GazetteerEntry]) {
        self.entries = entries
        self.trie = UnicodeTables.withView { unicode in
            var builder = TrieBuilder()
            builder.add(entries, unicode: unicode)
            return builder.build()
        }
    }

    /// Number of trie nodes (for diagnostics and benchmarks).
    public var nodeCount: Int { trie.nodeCount }

    /// Leftmost-longest, non-overlapping matches in `text` (UTF-8 bytes, not
    /// necessarily valid), ordered by position. Ranges are byte offsets.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [GazetteerMatch] {
        guard !text.isEmpty else { return [] }
        return UnicodeTables.withView { unicode in
            trie.withView { view in
                Scanner(text: text, trie: view, unicode: unicode).run()
            }
        }
    }

    /// Convenience: matches in a string's UTF-8 bytes.
    public func matches(in text: String) -> [GazetteerMatch] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }
}
