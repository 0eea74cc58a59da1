import ArgumentParser
import Copydesk

/// How documents are read: shared by `run` (over many inputs) and `explain` (one input).
struct DocumentFormatOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The field that holds the article text.", valueName: "name"))
    var textField = "text"

    @Option(help: ArgumentHelp("auto, jsonl or text.", valueName: "format"))
    var inputFormat: InputFormat = .auto
}
