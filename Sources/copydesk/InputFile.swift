import ArgumentParser
import Foundation

/// The input named on the command line.
enum InputFile {
    /// A descriptor for `path`, or 0 (stdin) for nil or `-`. A file that cannot be opened is a usage error.
    static func open(_ path: String?) throws -> Int32 {
        guard let path, path != "-" else { return 0 }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            FileHandleOutput.standardError("copydesk: error: cannot open \(path): \(String(cString: strerror(errno)))\n")
            throw ExitCode(ExitStatus.usage)
        }
        return descriptor
    }
}
