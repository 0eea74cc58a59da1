extension InputFormat {
    /// The format a file's name states, once any `.gz`/`.zst` ending is removed: `.jsonl` and
    /// `.ndjson` are JSON Lines, `.txt` is plain text; nil when the name says nothing.
    ///
    /// With `--input-format auto`, a named file is read in the format its name states, so that a
    /// JSON Lines shard whose first line happens to be bad is not taken for one plain-text document.
    public static func stated(byName name: String) -> InputFormat? {
        let base = Compression(path: name).removingExtension(from: name)
        if base.hasSuffix(".jsonl") || base.hasSuffix(".ndjson") { return .jsonl }
        if base.hasSuffix(".txt") { return .text }
        return nil
    }
}
