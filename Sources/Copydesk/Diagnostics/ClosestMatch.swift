/// The candidate closest to `word`, for "did you mean …?" hints.
///
/// Compares case-insensitively by Levenshtein distance over characters. A candidate
/// qualifies when its distance is at most `max(1, word.count / 3)`; among the closest,
/// the first in `candidates` wins. Returns `nil` when none qualifies.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    let limit = max(1, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = levenshteinDistance(target, Array(candidate.lowercased()))
        if distance <= limit, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
func levenshteinDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// `unknown <what> "<name>" [in <place>]`, then a "did you mean" hint or the list of valid names.
public func unknownNameMessage(_ what: String, _ name: String, in place: String? = nil, among candidates: [String]) -> String {
    let subject = "unknown \(what) \"\(name)\"" + (place.map { " in \($0)" } ?? "")
    if let suggestion = closestMatch(to: name, among: candidates) {
        return subject + "; did you mean \"\(suggestion)\"?"
    }
    return subject + "; expected one of: \(candidates.joined(separator: ", "))"
}
