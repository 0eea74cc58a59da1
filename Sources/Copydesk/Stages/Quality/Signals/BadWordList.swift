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
    /// All words' bytes back to back, and where each word starts (plus the end).
    private let flat: [UInt8]
    private let offsets: [Int32]

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
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        for word in unique {
            bytes += word
            offsets.append(Int32(bytes.count))
        }
        self.flat = bytes
        self.offsets = offsets
    }

    /// The first listed word found in `text`, or nil.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let found: Int? = flat.withUnsafeBufferPointer { words in
            bucketStarts.withUnsafeBufferPointer { starts in
                order.withUnsafeBufferPointer { order in
                    offsets.withUnsafeBufferPointer { offsets in
                        let end = text.count
                        var i = 0
                        var previousIsWord = false
                        while i < end {
                            let byte = text[i]
                            if !previousIsWord, let word = match(at: i, in: text, words, starts, order, offsets) { return word }
                            if byte < 0x80 {
                                previousIsWord = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
                                i += 1
                            } else {
                                let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
                                previousIsWord = ScalarClass.isWord(scalar)
                                i += length
                            }
                        }
                        return nil
                    }
                }
            }
        }
        return found.map { self.words[$0] }
    }

    @inline(__always)
    private func match(
        at i: Int, in text: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>,
        _ order: UnsafeBufferPointer<Int32>, _ offsets: UnsafeBufferPointer<Int32>
    ) -> Int? {
        let first = PythonText.lower(text[i])
        if singleBytes[Int(first)], boundary(after: i + 1, in: text) {
            return self.words.firstIndex(of: [first])
        }
        guard i + 1 < text.count else { return nil }
        let key = Int(first) << 8 | Int(PythonText.lower(text[i + 1]))
        var slot = Int(starts[key])
        let last = Int(starts[key + 1])
        while slot < last {
            let index = Int(order[slot])
            let wordStart = Int(offsets[index]), wordEnd = Int(offsets[index + 1])
            let count = wordEnd - wordStart
            slot += 1
            guard i + count <= text.count else { continue }
            var k = 2
            while k < count, PythonText.lower(text[i + k]) == words[wordStart + k] { k += 1 }
            if k == count, boundary(after: i + count, in: text) { return index }
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
