import ArgumentParser
import Copydesk

/// Where one input comes from and how it is read (`explain`).
struct InputOptions: ParsableArguments {
    @OptionGroup var formatOptions: DocumentFormatOptions

    @Argument(help: ArgumentHelp("Input file (default: stdin).", valueName: "file"))
    var file: String?

    var textField: String { formatOptions.textField }
    var inputFormat: InputFormat { formatOptions.inputFormat }

    /// The input's name in messages.
    var inputName: String { file ?? "<stdin>" }

    /// Opens the input file, or stdin; a file that cannot be opened is a usage error.
    func open() throws -> Int32 {
        try InputFile.open(file)
    }
}
