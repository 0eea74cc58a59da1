/// C4's bad-words check (datatrove `C4BadWordsFilter`, English): does the lowercased text contain a
/// listed word or phrase with a non-word character (Python `\W`) or the text's edge on both sides?
///
/// Words are bucketed by their first two bytes, so each word start in the text costs one array
/// lookup; words of one byte sit in their own table.
public struct BadWordList: Sendable {
    /// The words, lowercased, as bytes.
    public let words: [[UInt8]]
    /// For each two-byte prefix, the range of `order` holding the words that start with it.
    private let bucketStarts: [Int32]
    private let order: [Int32]
    private let singleBytes: [Bool]

    public init(_ list: [String]) {
        var unique: [[UInt8]] = []
        var seen: Set<[UInt8]> = []
        for word in list {
            let bytes = Array(word.lowercased().utf8)
            if !bytes.isEmpty, seen.insert(bytes).inserted { unique.append(bytes) }
        }
        words = unique
        var singles = [Bool](repeating: false, count: 256)
        // A counting sort of the words longer than one byte by their first two bytes.
        var starts = [Int32](repeating: 0, count: 65537)
        for word in unique where word.count > 1 { starts[(Int(word[0]) << 8 | Int(word[1])) + 1] += 1 }
        for key in 0..<65536 { starts[key + 1] += starts[key] }
        var next = starts
        var flat = [Int32](repeating: 0, count: Int(starts[65536]))
        for (index, word) in unique.enumerated() {
            if word.count == 1 {
                singles[Int(word[0])] = true
            } else {
                let key = Int(word[0]) << 8 | Int(word[1])
                flat[Int(next[key])] = Int32(index)
                next[key] += 1
            }
        }
        bucketStarts = starts
        order = flat
        singleBytes = singles
    }

    /// The first listed word found in `text`, or nil.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let end = text.count
        var i = 0
        var previousIsWord = false
        while i < end {
            let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
            if !previousIsWord, let word = match(at: i, in: text) { return word }
            previousIsWord = ScalarClass.isWord(scalar)
            i += length
        }
        return nil
    }

    private func match(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let first = PythonText.lower(text[i])
        if singleBytes[Int(first)], boundary(after: i + 1, in: text) { return [first] }
        guard i + 1 < text.count else { return nil }
        let key = Int(first) << 8 | Int(PythonText.lower(text[i + 1]))
        let candidates = Int(bucketStarts[key])..<Int(bucketStarts[key + 1])
        for slot in candidates {
            let word = words[Int(order[slot])]
            guard i + word.count <= text.count else { continue }
            var k = 2
            while k < word.count, PythonText.lower(text[i + k]) == word[k] { k += 1 }
            if k == word.count, boundary(after: i + word.count, in: text) { return word }
        }
        return nil
    }

    /// `(?:\W|$)` at `position`.
    private func boundary(after position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < text.count else { return true }
        let (scalar, _) = ScalarClass.decode(text, at: position, end: text.count)
        return !ScalarClass.isWord(scalar)
    }
}
