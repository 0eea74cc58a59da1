import CopydeskPluginAPI

/// The library's name, version and stages. Built once, on the first call of the entry point.
let library = PluginLibrary(
    name: "swift-example", version: "1.0.0",
    stages: [WordStatsStage.factory, ShoutingStage.factory])

/// What Copydesk looks up with dlsym after dlopen.
@_cdecl("copydesk_plugin_entry")
public func copydeskPluginEntry() -> UnsafeRawPointer {
    library.table
}
