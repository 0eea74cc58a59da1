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
        try jobs(for: inputs, batch: BatchOptions(destination: destination))
    }

    /// The jobs of `batch` over `inputs`. Refuses any file that two writers share, any file written
    /// over an input (by path or, for files that exist, by device and inode), stdin with an output
    /// folder, and `--resume` with a single rejects or dropped file.
    static func jobs(for inputs: [BatchInput], batch: BatchOptions) throws(BatchPlanError) -> [BatchJob] {
        let inputPaths = Set(inputs.compactMap { $0.path.map(InputDiscovery.absolute) })
        let inputFiles = Set(inputs.compactMap { $0.path.flatMap(FileIdentity.init(path:)) })
        var owners: [String: String] = [:]
        func claim(_ path: String, by owner: String) throws(BatchPlanError) {
            let key = InputDiscovery.absolute(path)
            if let other = owners[key] {
                throw BatchPlanError(description: "\(other) and \(owner) would both write \(path)")
            }
            if inputPaths.contains(key) || FileIdentity(path: path).map(inputFiles.contains) == true {
                throw BatchPlanError(description: "\(owner) would overwrite the input \(path)")
            }
            owners[key] = owner
        }
        if case .file(let path) = batch.destination { try claim(path, by: "--output") }
        if let path = batch.rejectsPath { try claim(path, by: "--rejects") }
        if let path = batch.droppedPath { try claim(path, by: "--dropped") }
        guard case .directory(let folder, let override) = batch.destination else {
            return inputs.enumerated().map { BatchJob(index: $0.offset, input: $0.element, paths: nil) }
        }
        if batch.resume, batch.rejectsPath != nil || batch.droppedPath != nil {
            let option = batch.rejectsPath != nil ? "--rejects" : "--dropped"
            throw BatchPlanError(description: """
                --resume cannot be used with \(option) FILE: the run would start that file afresh and lose what \
                the skipped inputs put in it; leave \(option) out to keep side files beside each output
                """)
        }
        var jobs: [BatchJob] = []
        for (index, input) in inputs.enumerated() {
            guard input.path != nil else {
                throw BatchPlanError(description: "stdin (-) has no name to write under --output-dir; use --output FILE or stdout")
            }
            let paths = outputPaths(for: input, folder: folder, compression: override ?? input.compression)
            for path in [paths.output, paths.rejects, paths.dropped] {
                try claim(path, by: input.name)
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
