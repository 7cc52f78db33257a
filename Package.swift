// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .library(name: "AccordCore", targets: ["AccordCore"]),
        .library(name: "AccordStore", targets: ["AccordStore"]),
        .library(name: "AccordDocuments", targets: ["AccordDocuments"]),
        .library(name: "AccordStatistics", targets: ["AccordStatistics"]),
        .library(name: "AccordWeb", targets: ["AccordWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "AccordCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "AccordStore",
            dependencies: [
                "AccordCore",
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ]
        ),
        .target(
            name: "AccordDemo",
            dependencies: ["AccordCore"]
        ),
        .target(
            name: "AccordDocuments",
            dependencies: [
                "AccordCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Shared migration statistics (issue 21): the SDMX structure, reading, validation, cube and writers.
        .target(
            name: "AccordStatistics",
            dependencies: ["AccordCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.process("Resources")]
        ),
        .target(
            name: "AccordWeb",
            dependencies: [
                "AccordCore",
                "AccordDocuments",
                "AccordStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.process("Resources")]
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "AccordCore",
                "AccordDemo",
                "AccordDocuments",
                "AccordStore",
                "AccordWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "AccordCoreTests", dependencies: ["AccordCore"]),
        .testTarget(
            name: "AccordStoreTests",
            dependencies: [
                "AccordCore", "AccordDemo", "AccordStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(name: "AccordCLITests"),
        .testTarget(
            name: "AccordStatisticsTests",
            dependencies: [
                "AccordCore", "AccordStatistics", "AccordTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // What the test targets share: snapshot files kept beside each target's tests.
        .target(name: "AccordTestSupport", path: "Tests/Support"),
        .testTarget(
            name: "AccordDocumentsTests",
            dependencies: [
                "AccordCore", "AccordDemo", "AccordDocuments", "AccordTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "AccordWebTests",
            dependencies: [
                "AccordCore",
                "AccordDemo",
                "AccordStore",
                "AccordTestSupport",
                "AccordWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
