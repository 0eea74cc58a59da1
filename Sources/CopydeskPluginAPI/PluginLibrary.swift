#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Swift plugin library: its name, version and stage factories, exported as a C table.
///
/// Make one in a global `let` and return its `table` from the entry point:
///
///     let library = PluginLibrary(name: "example", version: "1.0.0", stages: [WordCount.factory])
///
///     @_cdecl("copydesk_plugin_entry")
///     public func copydeskPluginEntry() -> UnsafeRawPointer { library.table }
///
/// The table is allocated once and never freed: Copydesk never unloads a plugin.
public final class PluginLibrary: Sendable {
    public let handshake: PluginHandshake
    private let contents: LibraryContents
    // The table's address; an integer so that the class stays Sendable.
    private let tableAddress: UInt

    public init(name: String, version: String, stages: [PluginStageFactory]) {
        let capabilities = PluginCapability.allCases.filter { capability in stages.contains { $0.capabilities.contains(capability) } }
        handshake = PluginHandshake(
            name: name, version: version, capabilities: capabilities.map(\.rawValue),
            stages: stages.map { .init(name: $0.name, capabilities: $0.capabilities.map(\.rawValue)) })
        contents = LibraryContents(handshake: handshake, factories: stages)
        let table = UnsafeMutablePointer<copydesk_plugin_table>.allocate(capacity: 1)
        table.initialize(to: copydesk_plugin_table(
            api_version: PluginProtocol.apiVersion,
            library: Unmanaged.passRetained(contents).toOpaque(),
            describe: { library, length in
                guard let library else { return nil }
                let contents = Unmanaged<LibraryContents>.fromOpaque(library).takeUnretainedValue()
                return PluginBuffer.make(contents.handshake.line, length: length)
            },
            create: { library, name, config, configLength, error in
                guard let library, let name else { return nil }
                let contents = Unmanaged<LibraryContents>.fromOpaque(library).takeUnretainedValue()
                switch contents.makeStage(String(cString: name), config: UnsafeRawBufferPointer(start: config, count: configLength)) {
                case .success(let box):
                    return Unmanaged.passRetained(box).toOpaque()
                case .failure(let failure):
                    error?.pointee = PluginBuffer.make(Array(failure.description.utf8) + [0], length: nil)
                    return nil
                }
            },
            process: { stage, request, requestLength, length in
                guard let stage else { return nil }
                let box = Unmanaged<StageBox>.fromOpaque(stage).takeUnretainedValue()
                let answer = PluginLibrary.respond(to: UnsafeRawBufferPointer(start: request, count: requestLength), with: box.stage)
                return PluginBuffer.make(answer, length: length)
            },
            release: { buffer in free(buffer) },
            destroy: { stage in
                if let stage { Unmanaged<StageBox>.fromOpaque(stage).release() }
            }))
        tableAddress = UInt(bitPattern: table)
    }

    /// The table to return from the `copydesk_plugin_entry` function.
    public var table: UnsafeRawPointer {
        // Non-nil: it was allocated in init and is never freed.
        UnsafeRawPointer(bitPattern: tableAddress).unsafelyUnwrapped
    }

    /// Answers one request line with `stage`: the response line (no newline). Errors thrown by
    /// the stage become `{"id": n, "error": …}`.
    public static func respond(to request: UnsafeRawBufferPointer, with stage: any PluginStage) -> [UInt8] {
        let object: [String: Any]
        do {
            object = try PluginJSON.object(request)
        } catch {
            return PluginResponse(id: -1, outcome: .error("bad request: \(error)")).line
        }
        let id = object["id"] as? Int ?? -1
        let original = PluginDocument(json: object["doc"] as? [String: Any] ?? [:])
        var document = original
        do {
            try stage.process(&document)
            return PluginResponse(id: id, outcome: document.outcome(since: original)).line
        } catch {
            return PluginResponse(id: id, outcome: .error("\(error)")).line
        }
    }
}

/// What the table's `library` pointer refers to.
private final class LibraryContents: Sendable {
    let handshake: PluginHandshake
    let factories: [PluginStageFactory]

    init(handshake: PluginHandshake, factories: [PluginStageFactory]) {
        self.handshake = handshake
        self.factories = factories
    }

    func makeStage(_ name: String, config: UnsafeRawBufferPointer) -> Result<StageBox, PluginConfigError> {
        guard let factory = factories.first(where: { $0.name == name }) else {
            return .failure(PluginConfigError("no stage \"\(name)\" in this library"))
        }
        let values: [String: Any]
        do {
            values = config.isEmpty ? [:] : try PluginJSON.object(config)
        } catch {
            return .failure(PluginConfigError("bad config: \(error)"))
        }
        do {
            return .success(StageBox(stage: try factory.make(PluginConfig(json: values))))
        } catch {
            return .failure(PluginConfigError("\(error)"))
        }
    }
}

/// What a stage handle refers to.
private final class StageBox: Sendable {
    let stage: any PluginStage

    init(stage: any PluginStage) {
        self.stage = stage
    }
}

/// Buffers handed to the host, which frees them with the table's `release` (that is, `free`).
private enum PluginBuffer {
    static func make(_ bytes: [UInt8], length: UnsafeMutablePointer<Int>?) -> UnsafeMutablePointer<UInt8>? {
        guard let buffer = malloc(max(bytes.count, 1))?.assumingMemoryBound(to: UInt8.self) else { return nil }
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        length?.pointee = bytes.count
        return buffer
    }
}
