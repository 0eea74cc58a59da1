import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Usage errors exit with 2 (ArgumentParser's default is 64); everything else is the
// subcommand's own status.
do {
    var command = try CopydeskCommand.parseAsRoot()
    try command.run()
} catch {
    let code = CopydeskCommand.exitCode(for: error)
    let message = CopydeskCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty {
        FileHandleOutput.standardError(message + "\n")
    }
    exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
}
