/// A line-by-line diff of two texts, by longest common subsequence, shown as unified-diff hunks.
///
/// Lines are split at LF only, so a trailing newline shows as a last empty line. Common leading
/// and trailing lines are matched first; if what is left is still too large for the quadratic
/// table, the middle is shown as all removed, then all added.
public struct LineDiff: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)

        /// The line as in a unified diff: ` `, `-` or `+`, then the text.
        public var unified: String {
            switch self {
            case .same(let text): " " + text
            case .removed(let text): "-" + text
            case .added(let text): "+" + text
            }
        }
    }

    /// A run of changes with the unchanged lines around them.
    public struct Hunk: Sendable, Equatable {
        /// 1-based first line in the old text (the line before, when `oldCount` is 0).
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var lines: [Line]

        /// `@@ -oldStart,oldCount +newStart,newCount @@`.
        public var header: String {
            "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"
        }
    }

    /// Every line of both texts, in order.
    public let lines: [Line]

    /// The most cells of the LCS table before the diff gives up on finding common lines.
    static let maximumTableCells = 4_000_000

    public init(old: String, new: String) {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = Self.diff(before, after)
    }

    /// Whether the two texts differ.
    public var hasChanges: Bool {
        lines.contains { !$0.isSame }
    }

    /// The changes, each with up to `context` unchanged lines before and after it; hunks
    /// whose context would touch are merged.
    public func hunks(context: Int = 1) -> [Hunk] {
        // Line numbers (1-based) of the next old and new line before each entry.
        var oldLine = [Int](repeating: 1, count: lines.count + 1)
        var newLine = [Int](repeating: 1, count: lines.count + 1)
        for (index, line) in lines.enumerated() {
            oldLine[index + 1] = oldLine[index] + (line.isAdded ? 0 : 1)
            newLine[index + 1] = newLine[index] + (line.isRemoved ? 0 : 1)
        }
        var ranges: [Range<Int>] = []
        for (index, line) in lines.enumerated() where !line.isSame {
            let range = max(0, index - context)..<min(lines.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { range in
            let oldCount = oldLine[range.upperBound] - oldLine[range.lowerBound]
            let newCount = newLine[range.upperBound] - newLine[range.lowerBound]
            return Hunk(
                oldStart: oldLine[range.lowerBound] - (oldCount == 0 ? 1 : 0), oldCount: oldCount,
                newStart: newLine[range.lowerBound] - (newCount == 0 ? 1 : 0), newCount: newCount,
                lines: Array(lines[range]))
        }
    }

    static func diff(_ old: [String], _ new: [String]) -> [Line] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let oldMiddle = old[prefix..<(old.count - suffix)]
        let newMiddle = new[prefix..<(new.count - suffix)]
        var result = old[..<prefix].map(Line.same)
        result += middle(Array(oldMiddle), Array(newMiddle))
        result += old[(old.count - suffix)...].map(Line.same)
        return result
    }

    /// The LCS edit script of two line lists that share no first or last line.
    private static func middle(_ old: [String], _ new: [String]) -> [Line] {
        let rows = old.count + 1
        let columns = new.count + 1
        guard !old.isEmpty, !new.isEmpty, rows * columns <= maximumTableCells else {
            return old.map(Line.removed) + new.map(Line.added)
        }
        // common[i * columns + j]: length of the LCS of old[i...] and new[j...].
        var common = [Int32](repeating: 0, count: rows * columns)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i * columns + j] = old[i] == new[j]
                    ? common[(i + 1) * columns + j + 1] + 1
                    : max(common[(i + 1) * columns + j], common[i * columns + j + 1])
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(.same(old[i]))
                i += 1
                j += 1
            } else if j == new.count || (i < old.count && common[(i + 1) * columns + j] >= common[i * columns + j + 1]) {
                result.append(.removed(old[i]))
                i += 1
            } else {
                result.append(.added(new[j]))
                j += 1
            }
        }
        return result
    }
}

extension LineDiff.Line {
    var isSame: Bool { if case .same = self { true } else { false } }
    var isRemoved: Bool { if case .removed = self { true } else { false } }
    var isAdded: Bool { if case .added = self { true } else { false } }
}
