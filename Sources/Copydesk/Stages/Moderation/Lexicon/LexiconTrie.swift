/// A dense trie over the 26 folded letters and the space between words of a phrase.
///
/// Lists hold hundreds of terms, so a node is 27 `Int32` child slots: a child is one load.
struct LexiconTrie: Sendable {
    static let width = 27
    static let space = 26
    /// `children[node * width + symbol]`: the child node, or 0 for none (the root is never a child).
    private(set) var children: [Int32] = Array(repeating: 0, count: width)
    /// The entry that ends at each node, or -1.
    private(set) var terminal: [Int32] = [-1]

    var isEmpty: Bool { terminal.count == 1 }

    /// Adds a normalised term (`LexiconEntry.normalize`); returns the entry already there, if any.
    mutating func insert(_ term: [UInt8], entry: Int32) -> Int32? {
        var node = 0
        for byte in term {
            let symbol = byte == UInt8(ascii: " ") ? Self.space : Int(byte - UInt8(ascii: "a"))
            let slot = node * Self.width + symbol
            if children[slot] == 0 {
                children[slot] = Int32(terminal.count)
                terminal.append(-1)
                children.append(contentsOf: repeatElement(0, count: Self.width))
            }
            node = Int(children[slot])
        }
        if terminal[node] >= 0 { return terminal[node] }
        terminal[node] = entry
        return nil
    }

    @inline(__always)
    func child(_ node: Int, _ symbol: Int) -> Int {
        Int(children[node &* Self.width &+ symbol])
    }
}
