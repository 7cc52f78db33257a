// swift-tools-version:6.0
import PackageDescription

// A package of its own, so that `swift build` and `swift test` at the root never compile the benchmarks;
// it uses the root package's libraries exactly as the `accord` executable does.
let package = Package(
    name: "AccordBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Accord", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "accord-benchmarks",
            dependencies: [
                .product(name: "AccordCore", package: "Accord"),
                .product(name: "AccordDocuments", package: "Accord"),
                .product(name: "AccordStatistics", package: "Accord"),
                .product(name: "AccordServices", package: "Accord"),
                .product(name: "AccordStore", package: "Accord"),
                .product(name: "Logging", package: "swift-log"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
