import Foundation

/// Where config files come from: the disk, or the rule files embedded in the binary.
public protocol ConfigFileSystem: Sendable {
    /// The file's bytes; the YAML layer checks the UTF-8 and says where it is broken.
    func read(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
    /// Paths matching a glob pattern (`*`, `?`, `**`), sorted.
    func glob(_ pattern: String) -> [String]
}

/// A file could not be read as UTF-8 text.
public struct ConfigReadError: Error, CustomStringConvertible {
    public var description: String
}

/// Config files on disk.
public struct DiskFileSystem: ConfigFileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigReadError(description: FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file")
        }
        return [UInt8](data)
    }

    public func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func glob(_ pattern: String) -> [String] {
        let root = Glob.literalPrefixDirectory(of: pattern)
        guard let enumerator = FileManager.default.enumerator(atPath: root.isEmpty ? "." : root) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = root.isEmpty ? relative : ConfigPath.join(root, relative)
            if Glob.matches(pattern, path), exists(path) { found.append(path) }
        }
        return found.sorted()
    }
}

/// Config files held in memory, such as the default rules embedded in the binary.
public struct InMemoryFileSystem: ConfigFileSystem {
    public let files: [String: String]

    public init(files: [String: String]) {
        self.files = files
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let text = files[ConfigPath.normalize(path)] else {
            throw ConfigReadError(description: "no such file")
        }
        return Array(text.utf8)
    }

    public func exists(_ path: String) -> Bool {
        files[ConfigPath.normalize(path)] != nil
    }

    public func glob(_ pattern: String) -> [String] {
        let normalized = ConfigPath.normalize(pattern)
        return files.keys.filter { Glob.matches(normalized, $0) }.sorted()
    }
}
