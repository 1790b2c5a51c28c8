// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "archive",
    products: [
        .executable(name: "archive", targets: ["archive"]),
        .executable(name: "archive-serve", targets: ["archive-serve"]),
        .library(name: "ArchiveCore", targets: ["ArchiveCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // The system SQLite (Debian: libsqlite3-dev). FTS5 is checked at open.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The system's decoders of gzip, zstd, xz and bzip2 (Debian: zlib1g-dev,
        // libzstd-dev, liblzma-dev, libbz2-dev), for compressed dumps and bundles.
        .systemLibrary(
            name: "CCompression",
            providers: [.apt(["zlib1g-dev", "libzstd-dev", "liblzma-dev", "libbz2-dev"])]
        ),
        // The MinHash inner loop, vectorized where the processor allows (same results).
        .target(name: "CMinHash"),
        // An FTS5 ranking function for the CJK index: bm25 without the whole-index
        // document count when a query has one phrase.
        .target(name: "CRank", dependencies: ["CSQLite"], linkerSettings: [.linkedLibrary("m")]),
        // Process-wide SQLite settings (sqlite3_config, which Swift cannot call).
        .target(name: "CSQLiteConfig", dependencies: ["CSQLite"]),
        // Turns migrations/*.sql into Swift source so the binary carries its schema.
        .executableTarget(name: "MigrationEmbedder"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["MigrationEmbedder"]
        ),
        .target(
            name: "ArchiveCore",
            dependencies: [
                "CSQLite",
                "CCompression",
                "CMinHash",
                "CRank",
                "CSQLiteConfig",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedMigrations"]
        ),
        // `archive serve`: the web pages and JSON API over the façade (Hummingbird 2),
        // kept out of ArchiveCore so that the library stays free of networking.
        .target(
            name: "ArchiveWeb",
            dependencies: [
                "ArchiveCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Linked position-dependent by the Makefile's release builds (CLI_LINK_FLAGS).
        .executableTarget(
            name: "archive",
            dependencies: [
                "ArchiveCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `archive serve` runs this binary: linked into `archive`, the web server's
        // libraries slowed the start of every command by about a quarter.
        .executableTarget(
            name: "archive-serve",
            dependencies: [
                "ArchiveCore",
                "ArchiveWeb",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic news for the two tools below: the corpus (BBC or built-in stories),
        // the benchmark's article generator, the copies, the calendar.
        .target(name: "SyntheticNews", dependencies: ["ArchiveCore"]),
        // Labeled near-duplicate test sets and their evaluation (`make eval-dedup`).
        .target(name: "ArchiveEvaluation", dependencies: ["ArchiveCore", "SyntheticNews"]),
        .executableTarget(
            name: "archive-eval",
            dependencies: [
                "ArchiveEvaluation",
                "SyntheticNews",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: corpus generation and in-process search timing.
        .executableTarget(
            name: "archive-bench",
            dependencies: [
                "ArchiveCore",
                "SyntheticNews",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArchiveCoreTests", dependencies: ["ArchiveCore", "CSQLite"]),
        .testTarget(name: "ArchiveEvaluationTests", dependencies: ["ArchiveEvaluation", "SyntheticNews", "ArchiveCore"]),
        .testTarget(name: "archiveTests", dependencies: ["ArchiveCore"], exclude: ["Golden"]),
        // The command-line layer's own logic, against ArgumentParser (QuickSearchParser).
        .testTarget(name: "ArchiveCommandTests", dependencies: [
            "archive", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ArchiveWebTests", dependencies: [
            "ArchiveWeb", "ArchiveCore", "CSQLite", .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
