import Foundation

/// What a watcher compares between polls: every config file and every file under an include
/// glob, with its size and modification time. A file added, deleted or changed shows up.
struct ConfigFingerprint: Equatable {
    private var entries: [String: [Double]]

    init(files: [String], globs: [String], fileSystem: DiskFileSystem = DiskFileSystem()) {
        var paths = Set(files)
        for glob in globs { paths.formUnion(fileSystem.glob(glob)) }
        var entries: [String: [Double]] = [:]
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? -1
            entries[path] = [modified, size]
        }
        self.entries = entries
    }
}
