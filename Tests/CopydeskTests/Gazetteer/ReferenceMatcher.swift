import Copydesk

/// Naive matcher used as an oracle: tries every surface form at every
/// start/end scalar position, normalising with `Unicode.Scalar.Properties`
/// directly (no tables, no trie).
struct ReferenceMatcher {
    private struct Form {
        var entry: Int
        var scalars: [UInt32]
        var caseSensitive: Bool
    }

    private var forms: [Form] = []

    init(entries: [GazetteerEntry]) {
        for (index, entry) in entries.enumerated() {
            for form in [entry.name] + entry.aliases {
                var scalars = Self.normalize(Array(form.unicodeScalars)[...], fold: !entry.caseSensitive)
                while scalars.first == 0x20 { scalars.removeFirst() }
                while scalars.last == 0x20 { scalars.removeLast() }
                if !scalars.isEmpty {
                    forms.append(Form(entry: index, scalars: scalars, caseSensitive: entry.caseSensitive))
                }
            }
        }
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func normalize(_ scalars: ArraySlice<Unicode.Scalar>, fold: Bool) -> [UInt32] {
        var out: [UInt32] = []
        for s in scalars {
            if s.properties.isWhitespace {
                if out.last != 0x20 { out.append(0x20) }
            } else if s.value == 0x2019 {
                out.append(0x27)
            } else if s.value == 0x2013 {
                out.append(0x2D)
            } else if fold, s.value < 0x800 || (s.value >= 0x1E00 && s.value < 0x2000) {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars.map(\.value))
            } else {
                out.append(s.value)
            }
        }
        return out
    }

    func matches(in text: String) -> [GazetteerMatch] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        for s in scalars { offsets.append(offsets[offsets.count - 1] + String(s).utf8.count) }
        var result: [GazetteerMatch] = []
        var i = 0
        while i < scalars.count {
            guard i == 0 || !Self.isAlnum(scalars[i - 1]) else {
                i += 1
                continue
            }
            var best: (end: Int, entry: Int)?
            for j in (i + 1)...scalars.count where j == scalars.count || !Self.isAlnum(scalars[j]) {
                let folded = Self.normalize(scalars[i..<j], fold: true)
                let exact = Self.normalize(scalars[i..<j], fold: false)
                if let form = forms.first(where: { $0.scalars == ($0.caseSensitive ? exact : folded) }) {
                    best = (j, form.entry)
                }
            }
            if let best {
                result.append(GazetteerMatch(range: offsets[i]..<offsets[best.end], entry: best.entry))
                i = best.end
            } else {
                i += 1
            }
        }
        return result
    }
}
