import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written under a hidden temporary name (`.NAME.partial-PID`, beside the
/// final one) and renamed to NAME only by `commit`, so that a killed run never leaves a file
/// under the final name that looks complete. Compresses as it writes when asked to.
///
/// A lazy file is created on its first write; committing a lazy file that got no bytes
/// removes the final file an earlier run may have left, and creates nothing. Temporary files of
/// killed runs are cleared by `removeStalePartials(in:)`, once per folder at the start of a run.
public final class StagedOutputFile: ByteOutput, @unchecked Sendable {
    public let path: String
    public let compression: Compression
    let partialPath: String
    private let lazy: Bool
    private var descriptor: Int32 = -1
    private var encoder: (any StreamEncoder)?
    private var committed = false
    /// Bytes that reached the file (after compression).
    public private(set) var bytesOnDisk = 0

    public init(path: String, compression: Compression, lazy: Bool = false) throws(OutputWriteError) {
        self.path = path
        self.compression = compression
        self.lazy = lazy
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        partialPath = directory + "/." + url.lastPathComponent + ".partial-\(getpid())"
        if !lazy { try openPartial() }
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        if !committed { _ = unlink(partialPath) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if descriptor < 0 { try openPartial() }
        if let encoder {
            try encoder.encode(bytes) { try writeToDisk($0) }
        } else {
            try writeToDisk(bytes)
        }
    }

    /// Ends the compressed stream, flushes the file to disk and gives it its final name.
    public func commit() throws {
        guard !committed else { return }
        if descriptor < 0 {
            if lazy {
                committed = true
                if unlink(path) != 0 && errno != ENOENT { throw OutputWriteError(name: path, code: errno) }
                return
            }
            try openPartial()
        }
        if let encoder { try encoder.finish { try writeToDisk($0) } }
        if fsync(descriptor) != 0 { throw OutputWriteError(name: partialPath, code: errno) }
        _ = systemClose(descriptor)
        descriptor = -1
        if rename(partialPath, path) != 0 { throw OutputWriteError(name: path, code: errno) }
        committed = true
    }

    /// Removes the temporary file; the final name is left as it was.
    public func discard() {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        descriptor = -1
        if !committed { _ = unlink(partialPath) }
    }

    private func openPartial() throws(OutputWriteError) {
        let fd = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputWriteError(name: partialPath, code: errno) }
        descriptor = fd
        do {
            encoder = try compression.encoder(name: path)
        } catch {
            discard()
            throw error
        }
    }

    private func writeToDisk(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeFully(descriptor, bytes)
        if code != 0 { throw OutputWriteError(name: partialPath, code: code) }
        bytesOnDisk += bytes.count
    }

    /// Deletes the temporary files (`.NAME.partial-PID`) in `directory` that runs no longer
    /// alive left behind. Lists the folder once, however many outputs it holds.
    public static func removeStalePartials(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let me = getpid()
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".partial-", options: .backwards),
                let pid = Int32(name[marker.upperBound...]), pid > 0, pid != me
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { _ = unlink(directory + "/" + name) }
        }
    }
}

#if canImport(Glibc)
private let systemClose = Glibc.close
#elseif canImport(Darwin)
private let systemClose = Darwin.close
#endif
