/// Collects everything needed while a pipeline config is being compiled: the files read,
/// every problem found, and the rule ids seen so far. Used by one thread, during loading only.
public final class ConfigContext {
    public let fileSystem: any ConfigFileSystem
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var sources = SourceTexts()
    /// Every file read so far, in order (the pipeline file first).
    public private(set) var files: [String] = []
    /// Every include glob expanded so far (joined to its base folder), for watching.
    public private(set) var globs: [String] = []
    private var ruleIDs: [String: SourceMark] = [:]
    private var patterns: [String: (rule: String, mark: SourceMark)] = [:]
    /// Match state for checks that run patterns while loading (examples in lint).
    public private(set) lazy var scratch = WorkerContext()
    private var parsed: [String: YAMLNode] = [:]
    /// The pipeline's top-level `policy:`, read before its stages so moderation stages can use it.
    public internal(set) var moderationPolicy = ModerationPolicy()

    public init(fileSystem: any ConfigFileSystem) {
        self.fileSystem = fileSystem
    }

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    public func error(_ message: String, at mark: SourceMark?) {
        diagnostics.append(Diagnostic(.error, message, at: mark))
    }

    public func warning(_ message: String, at mark: SourceMark?) {
        diagnostics.append(Diagnostic(.warning, message, at: mark))
    }

    /// Reads and parses a YAML file once. Reports read and parse errors; nil on failure.
    public func loadYAML(_ path: String, requestedAt mark: SourceMark? = nil) -> YAMLNode? {
        if let node = parsed[path] { return node }
        guard let bytes = readConfigFile(path, requestedAt: mark) else { return nil }
        do {
            let node = try YAMLParser.parse(bytes: bytes, file: path)
            parsed[path] = node
            return node
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads a config file that the caller parses itself (such as a large gazetteer, read as a
    /// stream of YAML events), recording it for diagnostics and watching. Reports read errors.
    public func readConfigFile(_ path: String, requestedAt mark: SourceMark? = nil) -> [UInt8]? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch {
            self.error("cannot read \(path): \(error)", at: mark)
            return nil
        }
        // Shown repaired in source lines; the parser reports invalid UTF-8 with its position.
        sources.add(file: path, bytes: bytes)
        files.append(path)
        return bytes
    }

    /// Adds diagnostics found by a caller's own parsing.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Claims a rule id; reports a duplicate with where the first one is.
    public func claimRuleID(_ id: String, at mark: SourceMark) -> Bool {
        if let first = ruleIDs[id] {
            self.error("duplicate rule id \"\(id)\" (first defined at \(first))", at: mark)
            return false
        }
        ruleIDs[id] = mark
        return true
    }

    /// Records a rule's pattern (with its flags as part of `key`); returns the earlier rule
    /// that has the same one, if any.
    public func claimPattern(_ key: String, rule: String, at mark: SourceMark) -> (rule: String, mark: SourceMark)? {
        if let first = patterns[key] { return first }
        patterns[key] = (rule, mark)
        return nil
    }

    /// Expands an `include:` entry (relative to `file`, globs allowed) to the files it names.
    /// Reports an entry that names nothing.
    public func resolveInclude(_ entry: String, from file: String, at mark: SourceMark) -> [String] {
        let base = ConfigPath.directory(of: file)
        let pattern = ConfigPath.join(base, entry)
        if Glob.hasWildcards(entry) {
            if !globs.contains(pattern) { globs.append(pattern) }
            let found = fileSystem.glob(pattern)
            if found.isEmpty {
                warning("include \"\(entry)\" matches no file", at: mark)
            }
            return found
        }
        guard fileSystem.exists(pattern) else {
            self.error("included file \"\(entry)\" not found (looked for \(pattern))", at: mark)
            return []
        }
        return [pattern]
    }
}
