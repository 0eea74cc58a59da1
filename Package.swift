// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Copydesk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Copydesk", targets: ["Copydesk"]),
        // What a Swift plugin library links: the plugin stage protocol and the message types.
        .library(name: "CopydeskPluginAPI", targets: ["CopydeskPluginAPI"]),
        .executable(name: "copydesk", targets: ["copydesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        .target(name: "CCopydeskPlugin"),
        .target(name: "CSpawn"),
        .target(
            name: "CopydeskPluginAPI",
            dependencies: ["CCopydeskPlugin"]
        ),
        .target(
            name: "Copydesk",
            dependencies: ["CYAML", "CPCRE2", "CZlib", "CZstd", "CSpawn", "CopydeskPluginAPI"]
        ),
        .executableTarget(
            name: "copydesk",
            dependencies: [
                "Copydesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CopydeskTests",
            dependencies: ["Copydesk"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system && !["CCopydeskPlugin", "CSpawn"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
