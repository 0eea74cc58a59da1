import ArgumentParser
import Copydesk

/// Where `run` writes when it reads files and folders, and which files it reads in folders.
struct BatchOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Write one output per input under this folder, at the input's relative path.",
        discussion: "Rejects and dropped documents go beside each output (NAME.rejects.jsonl, NAME.dropped.jsonl) unless --rejects/--dropped name one file.",
        valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Write every document to this one file instead of stdout (compressed if it ends in .gz or .zst).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("gz, zst or none: compression of the files under --output-dir (default: the input's).", valueName: "kind"))
    var outputCompression: Compression?

    @Flag(help: "With --output-dir, skip inputs whose output already exists (outputs appear only when complete).")
    var resume = false

    @Option(help: ArgumentHelp(
        "In folders, read files matching this glob (repeatable; default *.jsonl, *.ndjson, plain, .gz or .zst).",
        discussion: "A glob without / matches the file name, one with / the path inside the folder (** spans folders).",
        valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("In folders, skip files matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    func validate() throws {
        if outputDir != nil && output != nil { throw ValidationError("use either --output-dir or --output, not both") }
        if outputCompression != nil && outputDir == nil {
            throw ValidationError("--output-compression goes with --output-dir (--output takes its compression from the file name)")
        }
        if resume && outputDir == nil { throw ValidationError("--resume needs --output-dir") }
    }

    var destination: BatchDestination {
        if let outputDir { return .directory(outputDir, compression: outputCompression) }
        if let output { return .file(output) }
        return .standardOutput
    }
}

extension Compression: ExpressibleByArgument {}
