// swift-tools-version:6.0
import PackageDescription

// Fuzzing (README, "Fuzzing"). The accord-fuzz executable's own module is always built with libFuzzer, so that a
// plain `swift build` builds it with the rest and scripts/check runs it briefly on the seed corpus in Fuzz/Corpus.
// ACCORD_FUZZ=1 also instruments the libraries the fuzz targets reach, with AddressSanitizer, for a deep
// coverage-guided run; such a build can link only accord-fuzz, so it gets a scratch path of its own:
// `ACCORD_FUZZ=1 swift build --scratch-path .build-fuzz --product accord-fuzz`.
// libFuzzer ships with Swift on Linux only (not in Xcode's toolchain), so elsewhere accord-fuzz builds without it.
let deepFuzzing = Context.environment["ACCORD_FUZZ"] == "1"
let fuzzFlags = deepFuzzing ? ["-sanitize=fuzzer,address"] : ["-sanitize=fuzzer"]
let fuzzedLibrary: [SwiftSetting] = deepFuzzing ? [.unsafeFlags(fuzzFlags, .when(platforms: [.linux]))] : []

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .library(name: "AccordCore", targets: ["AccordCore"]),
        .library(name: "AccordStore", targets: ["AccordStore"]),
        .library(name: "AccordDocuments", targets: ["AccordDocuments"]),
        .library(name: "AccordServices", targets: ["AccordServices"]),
        .library(name: "AccordStatistics", targets: ["AccordStatistics"]),
        .library(name: "AccordWeb", targets: ["AccordWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.8.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "AccordCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            swiftSettings: fuzzedLibrary
        ),
        .target(
            name: "AccordStore",
            dependencies: [
                "AccordCore",
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
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
            ],
            swiftSettings: fuzzedLibrary
        ),
        // Shared migration statistics (issue 21): the SDMX structure, reading, validation, cube and writers.
        .target(
            name: "AccordStatistics",
            dependencies: ["AccordCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.process("Resources")]
        ),
        // The application layer: commands and queries, the read policy, accounts. No HTTP.
        .target(
            name: "AccordServices",
            dependencies: [
                "AccordCore",
                "AccordDocuments",
                "AccordStatistics",
                "AccordStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(
            name: "AccordWeb",
            dependencies: [
                "AccordCore",
                "AccordDocuments",
                "AccordServices",
                "AccordStatistics",
                "AccordStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The OpenAPI document, one JSON file per area of the API, merged when the server starts.
            resources: [.process("Resources"), .copy("OpenAPI/openapi")],
            swiftSettings: fuzzedLibrary
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "AccordCore",
                "AccordDemo",
                "AccordDocuments",
                "AccordServices",
                "AccordStatistics",
                "AccordStore",
                "AccordWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A fuzz target per parser that takes outside bytes: `accord-fuzz TARGET [libFuzzer options] [corpus]`.
        .executableTarget(
            name: "accord-fuzz",
            dependencies: ["AccordCore", "AccordDemo", "AccordDocuments", "AccordWeb", "CLibFuzzer"],
            swiftSettings: [
                .unsafeFlags(fuzzFlags, .when(platforms: [.linux])),
                .define("ACCORD_LIBFUZZER", .when(platforms: [.linux])),
            ],
            linkerSettings: [.unsafeFlags(fuzzFlags, .when(platforms: [.linux]))]
        ),
        // libFuzzer's driver, declared for Swift; the sanitizer runtime linked into accord-fuzz defines it.
        .target(name: "CLibFuzzer"),
        .testTarget(
            name: "AccordCoreTests",
            dependencies: ["AccordCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "AccordStoreTests",
            dependencies: [
                "AccordCore", "AccordDemo", "AccordStore", "AccordTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "AccordCLITests",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")]
        ),
        .testTarget(
            name: "AccordServicesTests",
            dependencies: [
                "AccordCore", "AccordDemo", "AccordServices", "AccordStatistics", "AccordStore", "AccordTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "AccordStatisticsTests",
            dependencies: [
                "AccordCore", "AccordStatistics", "AccordTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // What the test targets share: snapshot files kept beside each target's tests, and a fresh database of
        // either backend per test, PostgreSQL on one throwaway server per test process.
        .target(
            name: "AccordTestSupport",
            dependencies: ["AccordStore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support"
        ),
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
                "AccordDocuments",
                "AccordStore",
                "AccordServices",
                "AccordStatistics",
                "AccordTestSupport",
                "AccordWeb",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
