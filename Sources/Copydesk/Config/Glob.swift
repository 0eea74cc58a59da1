/// Shell-style path globs: `*` and `?` within one path component, `**` across components,
/// and `[abc]` character classes.
public enum Glob {
    public static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains { "*?[".contains($0) }
    }

    /// The directory part of `pattern` before its first wildcard component.
    public static func literalPrefixDirectory(of pattern: String) -> String {
        var kept: [Substring] = []
        for component in pattern.split(separator: "/", omittingEmptySubsequences: false).dropLast() {
            if hasWildcards(String(component)) { break }
            kept.append(component)
        }
        let joined = kept.joined(separator: "/")
        return joined.isEmpty && pattern.hasPrefix("/") ? "/" : joined
    }

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let patternParts = ConfigPath.normalize(pattern).split(separator: "/").map(String.init)
        let pathParts = ConfigPath.normalize(path).split(separator: "/").map(String.init)
        return matchComponents(patternParts[...], pathParts[...])
    }

    private static func matchComponents(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            var rest = path
            while true {
                if matchComponents(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let component = path.first, matchComponent(Array(first.unicodeScalars)[...], Array(component.unicodeScalars)[...]) else {
            return false
        }
        return matchComponents(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let p = pattern.first else { return name.isEmpty }
        switch p {
        case "*":
            var rest = name
            while true {
                if matchComponent(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && matchComponent(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let c = name.first, let close = pattern.dropFirst().firstIndex(of: "]") else {
                return !name.isEmpty && name.first == "[" && matchComponent(pattern.dropFirst(), name.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if set[index] <= c && c <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == c { found = true }
                    index += 1
                }
            }
            return found != negated && matchComponent(pattern[(close + 1)...], name.dropFirst())
        default:
            return name.first == p && matchComponent(pattern.dropFirst(), name.dropFirst())
        }
    }
}
