import Foundation

/// A path on the command line that cannot be read.
public struct InputDiscoveryError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot open \(path): \(reason)" }
}

/// Turns the paths of `copydesk run PATH...` into the list of inputs: files as they are, `-` for
/// stdin, and every matching file under a folder (recursively, in byte order of the relative
/// path, skipping hidden files and folders).
///
/// In folders, a file is taken when its relative path matches an `include` glob (default: the
/// JSON Lines endings, compressed or not) and no `exclude` glob. A glob without `/` is matched
/// against the file name, one with `/` against the path relative to the folder (`**` spans
/// folders). Files named on the command line are always taken.
public struct InputDiscovery: Sendable {
    public static let defaultIncludes = ["*.jsonl", "*.jsonl.gz", "*.jsonl.zst", "*.ndjson", "*.ndjson.gz", "*.ndjson.zst"]

    public var includes: [String]
    public var excludes: [String]
    /// A folder never to look into (the output folder, when it sits inside an input folder).
    public var skippedFolder: String?

    public init(includes: [String] = [], excludes: [String] = [], skippedFolder: String? = nil) {
        self.includes = includes.isEmpty ? Self.defaultIncludes : includes
        self.excludes = excludes
        self.skippedFolder = skippedFolder.map(Self.absolute)
    }

    public func inputs(for paths: [String]) throws(InputDiscoveryError) -> [BatchInput] {
        var inputs: [BatchInput] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw InputDiscoveryError(path: path, reason: String(cString: strerror(errno)))
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                inputs += try folderInputs(path)
            } else {
                guard access(path, R_OK) == 0 else {
                    throw InputDiscoveryError(path: path, reason: String(cString: strerror(errno)))
                }
                let name = URL(fileURLWithPath: path).lastPathComponent
                inputs.append(BatchInput(path: path, relativePath: name, size: Int(info.st_size), compression: Compression(path: path)))
            }
        }
        return inputs
    }

    /// Whether a file at `relativePath` inside a folder is taken.
    public func selects(_ relativePath: String) -> Bool {
        includes.contains { Self.matches($0, relativePath) } && !excludes.contains { Self.matches($0, relativePath) }
    }

    private static func matches(_ pattern: String, _ relativePath: String) -> Bool {
        if pattern.contains("/") { return Glob.matches(pattern, relativePath) }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return Glob.matches(pattern, name)
    }

    private func folderInputs(_ folder: String) throws(InputDiscoveryError) -> [BatchInput] {
        let root = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        var found: [BatchInput] = []
        var visited: Set<FileIdentity> = []
        if let identity = FileIdentity(path: root) { visited.insert(identity) }
        try walk(root: root, relative: "", into: &found, visited: &visited)
        return found.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// Adds the files under `relative` to `found`. A folder already in `visited` (a symbolic link
    /// back up the tree, or a second link to the same folder) is not read again.
    private func walk(root: String, relative: String, into found: inout [BatchInput], visited: inout Set<FileIdentity>) throws(InputDiscoveryError) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        if let skippedFolder, Self.absolute(folder) == skippedFolder { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw InputDiscoveryError(path: folder, reason: "cannot list the folder")
        }
        // In byte order, so that a folder reached by two paths is read under the same one every run.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : relative + "/" + name
            let path = root + "/" + child
            var info = stat()
            guard stat(path, &info) == 0 else { continue }  // a dangling link
            if info.st_mode & S_IFMT == S_IFDIR {
                guard visited.insert(FileIdentity(info)).inserted else { continue }
                try walk(root: root, relative: child, into: &found, visited: &visited)
            } else if info.st_mode & S_IFMT == S_IFREG, selects(child) {
                found.append(BatchInput(path: path, relativePath: child, size: Int(info.st_size), compression: Compression(path: name)))
            }
        }
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
