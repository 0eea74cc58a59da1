/// Finds nested quantifiers that can make a regex backtrack exponentially, such as `(a+)+`,
/// `(.*)*` or `(\w+\s?)+`: a group repeated without bound whose body, in some alternative,
/// can be nothing but another unbounded repeat. Possessive quantifiers and atomic groups are
/// safe. A heuristic: it reads the pattern's structure, not what its classes overlap.
public enum BacktrackingRisk {
    /// The code-point offset of the first risky group, or nil.
    public static func firstRisk(in pattern: String, extended: Bool = false) -> Int? {
        var parser = Parser(Array(pattern.unicodeScalars), extended: extended)
        let root = parser.parseAlternatives()
        return findRisk(in: root)
    }

    fileprivate struct Element {
        var offset: Int
        var minimum: Int = 1
        var unbounded = false
        var possessive = false
        /// Alternatives of a group's body; nil for a single atom.
        var body: [[Element]]?
        var atomic = false
        /// Lookarounds, anchors and option settings match no characters.
        var zeroWidth = false

        var repeatsWithoutBound: Bool { unbounded && !possessive }
        var isOptional: Bool { minimum == 0 || zeroWidth }
    }

    private static func findRisk(in alternatives: [[Element]]) -> Int? {
        for sequence in alternatives {
            for element in sequence {
                guard let body = element.body else { continue }
                if element.repeatsWithoutBound && !element.atomic && !element.zeroWidth {
                    for alternative in body where canBeJustARepeat(alternative) {
                        return element.offset
                    }
                }
                if let inner = findRisk(in: body) { return inner }
            }
        }
        return nil
    }

    /// True when one element repeats without bound and every other one may match nothing.
    private static func canBeJustARepeat(_ sequence: [Element]) -> Bool {
        let repeating = sequence.filter { $0.repeatsWithoutBound && !$0.zeroWidth }
        guard !repeating.isEmpty else {
            // A nested group may itself be such a sequence: ((a+))+.
            let required = sequence.filter { !$0.isOptional }
            if required.count == 1, let body = required[0].body, !required[0].atomic {
                return body.contains(where: canBeJustARepeat)
            }
            return false
        }
        return sequence.allSatisfy { $0.isOptional || $0.repeatsWithoutBound }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let extended: Bool
        var index = 0

        init(_ scalars: [Unicode.Scalar], extended: Bool) {
            self.scalars = scalars
            self.extended = extended
        }

        mutating func parseAlternatives() -> [[Element]] {
            var alternatives: [[Element]] = [[]]
            while index < scalars.count {
                let c = scalars[index]
                if c == ")" { break }
                if c == "|" {
                    index += 1
                    alternatives.append([])
                    continue
                }
                if extended && (c == " " || c == "\t" || c == "\n" || c == "\r") {
                    index += 1
                    continue
                }
                if extended && c == "#" {
                    while index < scalars.count && scalars[index] != "\n" { index += 1 }
                    continue
                }
                var element = parseAtom()
                if extended { skipSpaceAndComments() }
                parseQuantifier(into: &element)
                alternatives[alternatives.count - 1].append(element)
            }
            return alternatives
        }

        private mutating func parseAtom() -> Element {
            let start = index
            let c = scalars[index]
            switch c {
            case "(":
                return parseGroup()
            case "[":
                skipClass()
                return Element(offset: start)
            case "\\":
                return parseEscape()
            case "^", "$":
                index += 1
                var element = Element(offset: start)
                element.zeroWidth = true
                return element
            default:
                index += 1
                return Element(offset: start)
            }
        }

        private mutating func parseGroup() -> Element {
            var element = Element(offset: index)
            index += 1
            if peek("?") {
                index += 1
                switch scalars[safe: index] {
                case "#":
                    skip(past: ")")
                    element.zeroWidth = true
                    return element
                case ":", "|":
                    index += 1
                case ">":
                    element.atomic = true
                    index += 1
                case "=", "!":
                    element.zeroWidth = true
                    index += 1
                case "<" where scalars[safe: index + 1] == "=" || scalars[safe: index + 1] == "!":
                    element.zeroWidth = true
                    index += 2
                case "<", "'":
                    skip(past: scalars[safe: index] == "'" ? "'" : ">", from: index + 1)
                case "P" where scalars[safe: index + 1] == "<":
                    skip(past: ">", from: index + 2)
                case let c? where isCall(c):
                    skip(past: ")")
                    return element  // a subroutine call or recursion: one atom
                case "(":
                    // A conditional: skip its condition; the branches are the body.
                    element.zeroWidth = true
                    skip(past: ")")
                default:
                    // Option letters, then ')' (a setting, no body) or ':' (a group with options).
                    while let c = scalars[safe: index], c != ")" && c != ":" { index += 1 }
                    if scalars[safe: index] == ")" {
                        index += 1
                        element.zeroWidth = true
                        return element
                    }
                    index += 1
                }
            }
            element.body = parseAlternatives()
            if peek(")") { index += 1 }
            return element
        }

        /// In extended mode, whitespace and `#` comments may stand between an atom and its quantifier.
        private mutating func skipSpaceAndComments() {
            while let c = scalars[safe: index] {
                if c == " " || c == "\t" || c == "\n" || c == "\r" {
                    index += 1
                } else if c == "#" {
                    while let d = scalars[safe: index], d != "\n" { index += 1 }
                } else {
                    return
                }
            }
        }

        private func peek(_ c: Unicode.Scalar) -> Bool {
            scalars[safe: index] == c
        }

        /// Whether `(?` is followed by a subroutine call or recursion such as `(?1)`, `(?R)`, `(?&name)`.
        private func isCall(_ c: Unicode.Scalar) -> Bool {
            let next = scalars[safe: index + 1]
            switch c {
            case "P": return next == ">"
            case "&", "R": return true
            case "-", "+": return next.map { ("0"..."9").contains($0) } ?? false
            default: return ("0"..."9").contains(c)
            }
        }

        private mutating func skip(past terminator: Unicode.Scalar, from start: Int? = nil) {
            if let start { index = start }
            while let c = scalars[safe: index], c != terminator { index += 1 }
            index = min(index + 1, scalars.count)
        }

        private mutating func parseEscape() -> Element {
            let start = index
            index += 1
            guard index < scalars.count else { return Element(offset: start) }
            let c = scalars[index]
            index += 1
            var element = Element(offset: start)
            switch c {
            case "b", "B", "A", "z", "Z", "G", "K":
                element.zeroWidth = true
            case "Q":
                while index + 1 < scalars.count && !(scalars[index] == "\\" && scalars[index + 1] == "E") { index += 1 }
                index = min(index + 2, scalars.count)
            case "p", "P", "x", "o", "g", "k", "N":
                if index < scalars.count && scalars[index] == "{" {
                    while index < scalars.count && scalars[index] != "}" { index += 1 }
                    index += 1
                }
            default:
                break
            }
            return element
        }

        private mutating func skipClass() {
            index += 1
            if index < scalars.count && scalars[index] == "^" { index += 1 }
            if index < scalars.count && scalars[index] == "]" { index += 1 }
            while index < scalars.count && scalars[index] != "]" {
                if scalars[index] == "\\" {
                    index += 2
                } else if scalars[index] == "[" && index + 1 < scalars.count && scalars[index + 1] == ":" {
                    while index < scalars.count && !(scalars[index] == "]" && scalars[index - 1] == ":") { index += 1 }
                    index += 1
                } else {
                    index += 1
                }
            }
            index += 1
        }

        private mutating func parseQuantifier(into element: inout Element) {
            guard index < scalars.count else { return }
            switch scalars[index] {
            case "*":
                element.minimum = 0
                element.unbounded = true
                index += 1
            case "+":
                element.unbounded = true
                index += 1
            case "?":
                element.minimum = 0
                index += 1
            case "{":
                var probe = index + 1
                var text = ""
                while probe < scalars.count && scalars[probe] != "}" {
                    text.unicodeScalars.append(scalars[probe])
                    probe += 1
                }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard probe < scalars.count, parts.count <= 2, let low = Int(parts[0]) else { return }
                element.minimum = low
                element.unbounded = parts.count == 2 && parts[1].isEmpty
                index = probe + 1
            default:
                return
            }
            if index < scalars.count && scalars[index] == "+" {
                element.possessive = true
                index += 1
            } else if index < scalars.count && scalars[index] == "?" {
                index += 1
            }
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
