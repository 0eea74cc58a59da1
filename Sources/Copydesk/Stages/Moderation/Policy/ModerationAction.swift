/// What a moderation stage does with a finding.
public enum ModerationAction: Sendable, Equatable {
    /// Raise a flag (decision at least `flag`).
    case flag
    /// Rewrite the matched text; the document is kept.
    case redact(Redaction)
    /// Add a tag (`tag`, or the finding's default tag when nil).
    case tag(String?)
    /// Drop the document.
    case drop

    /// The action's name, as in the config and the `action` member of the output.
    public var name: String {
        switch self {
        case .flag: "flag"
        case .redact: "redact"
        case .tag: "tag"
        case .drop: "drop"
        }
    }

    static let names = ["flag", "redact", "tag", "drop"]
}

/// How redacted text is rewritten.
public enum Redaction: Sendable, Equatable {
    /// Every character but whitespace becomes `mask`, so the text keeps its length in characters.
    case mask(String)
    /// The match becomes `[REDACTED:<label>]` (the PII type, or the lexicon category).
    case label

    /// The replacement bytes for `text` (the matched bytes, valid UTF-8).
    func replacement(for text: ArraySlice<UInt8>, label name: String) -> [UInt8] {
        switch self {
        case .label:
            return Array("[REDACTED:\(name)]".utf8)
        case .mask(let mask):
            let maskBytes = Array(mask.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(text.count)
            for byte in text where byte & 0xC0 != 0x80 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    out.append(byte)
                } else {
                    out.append(contentsOf: maskBytes)
                }
            }
            return out
        }
    }
}
