// swift-tools-version:6.1
// GRDB 7 needs tools 6.1.
import PackageDescription

let package = Package(
    name: "beads",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "beads", targets: ["beads"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for bead ids and doc content hashes; no hand-rolled hashing.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Child processes in their own session, torn down as a process group: Foundation's
        // Process waits for grandchildren on Linux, so a recipe's stray child would hang us.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // Tests only: the official MCP SDK's client talks to `beads mcp` (MCPClientProbe).
        // The server is beads' own: the SDK's module brings FoundationNetworking and libcurl.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `beads serve`, and in the tests a real HTTP server on 127.0.0.1 standing in for GitHub's API.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // GitHub's cmark fork from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        // Never link plain libcmark next to it: the symbols collide.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The one file call Swift cannot see (renameat2 is declared under _GNU_SOURCE only).
        .target(name: "CFileExchange"),
        // Bottom layer: SQLite store (beads, docs index tables), JSONL.
        .target(
            name: "BeadsStore",
            dependencies: [
                "CFileExchange",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the one loop GRDB's Row makes slow (the JSONL export).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Bottom layer: the only importer of CCmarkGFM.
        .target(name: "BeadsMarkdown", dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        // Knowledge: docs index, signatures, matching.
        .target(
            name: "BeadsKnowledge",
            dependencies: [
                "BeadsStore", "BeadsMarkdown",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The one system call Swift cannot make itself (prctl is variadic).
        .target(name: "CProcessControl"),
        // Remedies: environment probe, recipe ranking, child processes and runners.
        .target(
            name: "BeadsRemedy",
            dependencies: [
                "BeadsStore", "BeadsMarkdown", "CProcessControl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Use cases, between knowledge and remedies and the front doors (CLI, server, MCP):
        // each returns typed values that the doors present; failures carry a kind.
        .target(name: "BeadsCore", dependencies: ["BeadsStore", "BeadsKnowledge", "BeadsRemedy"]),
        // Commands on top: one subcommand a file.
        .target(
            name: "BeadsCommands",
            dependencies: [
                "BeadsStore", "BeadsMarkdown", "BeadsKnowledge", "BeadsRemedy", "BeadsCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "beads", dependencies: ["BeadsCommands", "BeadsRemedy"],
            exclude: ["exports.map"],
            // `--static-swift-stdlib` links with --export-dynamic (for the backtracer's
            // dladdr), exporting every symbol of ours; the map keeps the table to `main`.
            // Crash backtraces still name functions: swift-backtrace reads the symbol table.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/beads/exports.map"])]
        ),

        .target(name: "BeadsTestSupport", path: "Tests/BeadsTestSupport"),
        // A test helper, not a product: the MCP SDK's own Client, driving `beads mcp` from a
        // process of its own (MCPClientEndToEndTests).
        .executableTarget(
            name: "mcp-client-probe",
            dependencies: [.product(name: "MCP", package: "swift-sdk"), .product(name: "SystemPackage", package: "swift-system")],
            path: "Tests/MCPClientProbe"
        ),
        .testTarget(name: "BeadsStoreTests", dependencies: ["BeadsStore", "BeadsTestSupport"]),
        .testTarget(name: "BeadsMarkdownTests", dependencies: ["BeadsMarkdown"]),
        .testTarget(
            name: "BeadsKnowledgeTests",
            dependencies: ["BeadsKnowledge", "BeadsStore", "BeadsTestSupport"],
            // TeamKB and HeldOutKB (other teams' runbooks) are read from the source tree, as a
            // user's docs are.
            exclude: ["TeamKB", "HeldOutKB"],
            resources: [.copy("Logs")]
        ),
        .testTarget(name: "BeadsRemedyTests", dependencies: ["BeadsRemedy", "BeadsTestSupport"]),
        .testTarget(name: "BeadsCoreTests", dependencies: ["BeadsCore", "BeadsKnowledge", "BeadsStore", "BeadsTestSupport"]),
        // The commands run in-process, each in a context of its own (folder, environment, streams).
        .testTarget(
            name: "BeadsCommandsTests",
            dependencies: [
                "BeadsCommands", "BeadsStore", "BeadsKnowledge", "BeadsTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "BeadsEndToEndTests",
            dependencies: ["BeadsTestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            // Fixture docs are read from the source tree, as the binary under test reads them.
            exclude: ["Fixtures"]
        ),
    ]
)
