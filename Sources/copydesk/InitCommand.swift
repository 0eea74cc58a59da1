import ArgumentParser
import Copydesk
import Foundation

/// `copydesk init`: write an editable copy of the default pipeline.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the default pipeline as DIR/copydesk.yaml, with the rule packs it includes.",
        discussion: "Run copydesk in DIR afterwards and it picks up ./copydesk.yaml.")

    @Argument(help: ArgumentHelp("Folder to write into (default: the current folder).", valueName: "dir"))
    var directory = "."

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    func run() throws {
        let files: [(path: String, contents: String)]
        do {
            files = try DefaultConfigExport.files()
        } catch {
            FileHandleOutput.standardError(error.description + "\n")
            throw ExitCode(ExitStatus.configError)
        }
        let manager = FileManager.default
        let targets = files.map { (ConfigPath.join(directory, $0.path), $0.contents) }
        if !force {
            let existing = targets.map(\.0).filter { manager.fileExists(atPath: $0) }
            if !existing.isEmpty {
                FileHandleOutput.standardError("copydesk: not overwriting \(existing.joined(separator: ", ")) (use --force)\n")
                throw ExitCode.failure
            }
        }
        for (path, contents) in targets {
            try manager.createDirectory(atPath: ConfigPath.directory(of: path).isEmpty ? "." : ConfigPath.directory(of: path), withIntermediateDirectories: true)
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(path)")
        }
    }
}
