/// Which files one input writes under `--output-dir`.
struct OutputPaths: Sendable, Equatable {
    var output: String
    var compression: Compression
    /// Beside the output: `NAME.rejects.jsonl[.gz]`, `NAME.dropped.jsonl[.gz]`.
    var rejects: String
    var dropped: String
}

/// One input and where it goes.
struct BatchJob: Sendable {
    /// Position in the list of inputs.
    var index: Int
    var input: BatchInput
    /// nil unless the destination is a folder.
    var paths: OutputPaths?
}

/// Maps inputs to outputs and checks that the mapping is sound before anything is written.
enum BatchPlan {
    /// Name endings that are the format, not the name: `part-1.jsonl` is `part-1` + `.jsonl`.
    static let formatExtensions = [".jsonl", ".ndjson", ".json", ".txt"]

    static func jobs(for inputs: [BatchInput], destination: BatchDestination) throws(BatchPlanError) -> [BatchJob] {
        guard case .directory(let folder, let override) = destination else {
            return inputs.enumerated().map { BatchJob(index: $0.offset, input: $0.element, paths: nil) }
        }
        var owners: [String: String] = [:]
        var jobs: [BatchJob] = []
        let inputPaths = Set(inputs.compactMap { $0.path.map(InputDiscovery.absolute) })
        for (index, input) in inputs.enumerated() {
            guard input.path != nil else {
                throw BatchPlanError(description: "stdin (-) has no name to write under --output-dir; use --output FILE or stdout")
            }
            let paths = outputPaths(for: input, folder: folder, compression: override ?? input.compression)
            for path in [paths.output, paths.rejects, paths.dropped] {
                let key = InputDiscovery.absolute(path)
                if let other = owners[key] {
                    throw BatchPlanError(description: "\(other) and \(input.name) would both write \(path)")
                }
                if inputPaths.contains(key) {
                    throw BatchPlanError(description: "\(input.name) would overwrite the input \(path)")
                }
                owners[key] = input.name
            }
            jobs.append(BatchJob(index: index, input: input, paths: paths))
        }
        return jobs
    }

    static func outputPaths(for input: BatchInput, folder: String, compression: Compression) -> OutputPaths {
        let relative = input.compression.removingExtension(from: input.relativePath)
        let base = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/"
        let format = formatExtensions.first { relative.hasSuffix($0) && relative.count > $0.count } ?? ""
        let stem = String(relative.dropLast(format.count))
        let ending = compression.fileExtension
        return OutputPaths(
            output: base + relative + ending, compression: compression,
            rejects: base + stem + ".rejects" + (format.isEmpty || format == ".json" ? ".jsonl" : format) + ending,
            dropped: base + stem + ".dropped.jsonl" + ending)
    }
}
