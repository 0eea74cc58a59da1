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
    /// Binary files (such as a model), base64-encoded, decoded when read.
    public let base64Files: [String: String]

    public init(files: [String: String], base64Files: [String: String] = [:]) {
        self.files = files
        self.base64Files = base64Files
    }

    public func read(_ path: String) throws -> [UInt8] {
        let key = ConfigPath.normalize(path)
        if let text = files[key] { return Array(text.utf8) }
        if let encoded = base64Files[key], let data = Data(base64Encoded: encoded) { return [UInt8](data) }
        throw ConfigReadError(description: "no such file")
    }

    public func exists(_ path: String) -> Bool {
        let key = ConfigPath.normalize(path)
        return files[key] != nil || base64Files[key] != nil
    }

    public func glob(_ pattern: String) -> [String] {
        let normalized = ConfigPath.normalize(pattern)
        return (Array(files.keys) + Array(base64Files.keys)).filter { Glob.matches(normalized, $0) }.sorted()
    }
}
