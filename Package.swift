// swift-tools-version:6.0
import PackageDescription

// Modules follow the pipeline: domain ← language ← interpreter ← store ← output ← shell ← cts.
// Each arrow points at what a module may import; nothing imports against the flow. A target
// lists exactly the modules its files import (SwiftPM does not check that on Linux).
// Dynamic exclusivity checks (`swift_beginAccess` on every access to a class's stored
// property) were a fifth of the cost of executing a record command in a release build, ~20
// checks a line of a big script. The debug build and the tests keep them, so a violation
// still traps there.
let uncheckedExclusivityInRelease: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "cts",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cts", targets: ["cts"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Zips the parts of an xlsx workbook (it needs zlib: Debian's zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The model: entities, enums, dates, values, the in-memory session. No I/O.
        .target(name: "CTSDomain", swiftSettings: uncheckedExclusivityInRelease),
        // Lexer, parser, AST, source locations, diagnostics, the command table.
        .target(name: "CTSLanguage", dependencies: ["CTSDomain"]),
        // Runs commands against a session; produces results and diagnostics as values.
        .target(
            name: "CTSInterpreter", dependencies: ["CTSDomain", "CTSLanguage"],
            swiftSettings: uncheckedExclusivityInRelease),
        // The sqlite3_db_config calls Swift cannot make (a variadic function).
        .target(name: "CSQLiteShim", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Session files: the session in SQLite (through GRDB), saved, opened, kept up to date.
        .target(
            name: "CTSStore",
            dependencies: [
                "CTSDomain", "CSQLiteShim", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Renders result tables and diagnostics as text.
        .target(name: "CTSOutput", dependencies: ["CTSDomain", "CTSLanguage"]),
        // The system libedit (Debian: libedit-dev) and the C wrappers Swift needs for its variadic calls.
        .systemLibrary(
            name: "CLineEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "CLineEditShim", dependencies: ["CLineEdit"]),
        // The script runner and the interactive shell: the only place that does terminal I/O.
        .target(
            name: "CTSShell",
            dependencies: [
                "CTSDomain", "CTSLanguage", "CTSInterpreter", "CTSStore", "CTSOutput", "CLineEdit",
                "CLineEditShim", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ], swiftSettings: uncheckedExclusivityInRelease),
        .executableTarget(
            name: "cts",
            dependencies: [
                "CTSShell", "CTSInterpreter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `scripts/bench` runs it in release mode to time TAB completion at 10⁶ cadres.
        .executableTarget(name: "cts-bench", dependencies: ["CTSShell", "CTSDomain", "CTSLanguage", "CTSInterpreter"]),
        // The fuzz target (scripts/fuzz builds it with libFuzzer; scripts/test replays its
        // regressions with the ordinary build): inputs through the shell, checked by oracles.
        .executableTarget(
            name: "cts-fuzz", dependencies: ["CTSShell", "CTSInterpreter", "CTSStore", "CTSDomain", "CTSLanguage"]),
        // What several test targets share: the spec's workshop script. Only tests depend on it.
        .target(name: "CTSTestSupport", path: "Tests/CTSTestSupport"),
        .testTarget(name: "CTSDomainTests", dependencies: ["CTSDomain"]),
        .testTarget(name: "CTSLanguageTests", dependencies: ["CTSLanguage", "CTSDomain", "CTSTestSupport"]),
        .testTarget(
            name: "CTSInterpreterTests",
            dependencies: ["CTSInterpreter", "CTSLanguage", "CTSDomain", "CTSTestSupport"]),
        .testTarget(name: "CTSOutputTests", dependencies: ["CTSOutput", "CTSDomain", "CTSLanguage"]),
        .testTarget(
            name: "CTSStoreTests",
            dependencies: ["CTSStore", "CTSDomain", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        // Golden scripts run against the built `cts` executable, so the tests depend on it.
        .testTarget(
            name: "CTSShellTests",
            dependencies: [
                "CTSShell", "cts", "CTSDomain", "CTSLanguage", "CTSInterpreter", "CTSOutput",
                "CTSTestSupport",
            ],
            exclude: ["Golden", "BadInput"]),
    ]
)
