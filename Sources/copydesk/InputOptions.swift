import ArgumentParser
import Copydesk

/// Where documents come from and how they are read; shared by `run` and `explain`.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The field that holds the article text.", valueName: "name"))
    var textField = "text"

    @Option(help: ArgumentHelp("auto, jsonl or text.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    @Argument(help: ArgumentHelp("Input file (default: stdin).", valueName: "file"))
    var file: String?

    /// The input's name in messages.
    var inputName: String { file ?? "<stdin>" }

    /// Opens the input file, or stdin; a file that cannot be opened is a usage error.
    func open() throws -> Int32 {
        try InputFile.open(file)
    }
}
