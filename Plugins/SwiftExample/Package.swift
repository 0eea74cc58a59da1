// swift-tools-version: 6.0
// An in-process Copydesk plugin: a dynamic library that links CopydeskPluginAPI only.
// Build it with `make plugins` from the Copydesk folder (or `swift build -c release` here).
import PackageDescription

let package = Package(
    name: "SwiftExample",
    products: [
        .library(name: "CopydeskSwiftExample", type: .dynamic, targets: ["SwiftExample"]),
    ],
    dependencies: [
        .package(name: "Copydesk", path: "../.."),
    ],
    targets: [
        .target(
            name: "SwiftExample",
            dependencies: [.product(name: "CopydeskPluginAPI", package: "Copydesk")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
