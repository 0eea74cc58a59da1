import CopydeskPluginAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Swift plugin library opened with `dlopen`, and its export table.
///
/// Never closed: code from the library may be referenced by stages until the process ends, and
/// Swift libraries cannot be unloaded safely. Only a library built with the same Swift toolchain
/// as copydesk is safe to load (they share the Swift runtime and Foundation).
final class PluginLibraryHandle: @unchecked Sendable {
    // The table is immutable and lives as long as the process.
    let path: String
    let handshake: PluginHandshake
    private let table: UnsafePointer<copydesk_plugin_table>

    private init(path: String, handshake: PluginHandshake, table: UnsafePointer<copydesk_plugin_table>) {
        self.path = path
        self.handshake = handshake
        self.table = table
    }

    /// Opens the library and checks its entry point, API version and handshake.
    static func open(_ path: String) throws(PluginLoadError) -> PluginLibraryHandle {
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginLoadError("cannot load \(path): \(lastDLError())")
        }
        guard let symbol = dlsym(library, PluginProtocol.entrySymbol) else {
            throw PluginLoadError("\(path) has no entry point \(PluginProtocol.entrySymbol) (export it with @_cdecl(\"\(PluginProtocol.entrySymbol)\"))")
        }
        typealias Entry = @convention(c) () -> UnsafeRawPointer?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        guard let raw = entry() else {
            throw PluginLoadError("\(PluginProtocol.entrySymbol) in \(path) returned no table")
        }
        // The version is the first member: read it before trusting the rest of the layout.
        let version = raw.load(as: UInt32.self)
        guard version == PluginProtocol.apiVersion else {
            throw PluginLoadError("\(path) was built against plugin API version \(version); this copydesk loads version \(PluginProtocol.apiVersion) (rebuild the plugin against this copydesk's CopydeskPluginAPI)")
        }
        let table = raw.assumingMemoryBound(to: copydesk_plugin_table.self)
        var length = 0
        guard let describe = table.pointee.describe, let buffer = describe(table.pointee.library, &length) else {
            throw PluginLoadError("\(path) does not describe itself")
        }
        defer { table.pointee.release?(buffer) }
        let handshake: PluginHandshake
        do {
            handshake = try PluginHandshake(line: UnsafeRawBufferPointer(start: buffer, count: length))
        } catch {
            throw PluginLoadError("\(path): bad description: \(error)")
        }
        return PluginLibraryHandle(path: path, handshake: handshake, table: table)
    }

    /// Makes stage `name` with its config (a JSON object).
    func makeStage(_ name: String, config: [UInt8]) throws(PluginLoadError) -> PluginStageHandle {
        guard let create = table.pointee.create else { throw PluginLoadError("\(path) cannot create stages") }
        var error: UnsafeMutablePointer<UInt8>?
        let stage = config.withUnsafeBufferPointer { create(table.pointee.library, name, $0.baseAddress, $0.count, &error) }
        guard let stage else {
            var message = "unknown error"
            if let error {
                message = String(cString: UnsafeRawPointer(error).assumingMemoryBound(to: CChar.self))
                table.pointee.release?(error)
            }
            throw PluginLoadError("stage \"\(name)\" of \(path): \(message)")
        }
        return PluginStageHandle(library: self, stage: UInt(bitPattern: stage))
    }

    /// Answers one request line with the stage's response line.
    fileprivate func process(_ stage: UnsafeMutableRawPointer, request: [UInt8]) -> [UInt8]? {
        guard let process = table.pointee.process else { return nil }
        var length = 0
        let answer = request.withUnsafeBufferPointer { process(stage, $0.baseAddress, $0.count, &length) }
        guard let answer else { return nil }
        defer { table.pointee.release?(answer) }
        return Array(UnsafeBufferPointer(start: answer, count: length))
    }

    fileprivate func destroy(_ stage: UnsafeMutableRawPointer) {
        table.pointee.destroy?(stage)
    }

    private static func lastDLError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}

/// A stage made by a plugin library; destroyed with the last reference.
final class PluginStageHandle: Sendable {
    let library: PluginLibraryHandle
    // The plugin's stage pointer, as an integer so that the class stays Sendable.
    private let stage: UInt

    init(library: PluginLibraryHandle, stage: UInt) {
        self.library = library
        self.stage = stage
    }

    /// The response line to one request line; nil when the plugin gave none.
    func process(_ request: [UInt8]) -> [UInt8]? {
        guard let pointer = UnsafeMutableRawPointer(bitPattern: stage) else { return nil }
        return library.process(pointer, request: request)
    }

    deinit {
        if let pointer = UnsafeMutableRawPointer(bitPattern: stage) { library.destroy(pointer) }
    }
}

/// A plugin library that cannot be used.
struct PluginLoadError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
