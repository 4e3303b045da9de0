// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "leadtop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "leadtop", targets: ["leadtop"]),
        // Libraries for the separate Benchmarks/ package.
        .library(name: "LeadOSContract", targets: ["LeadOSContract"]),
        .library(name: "LeadOSAPI", targets: ["LeadOSAPI"]),
        .library(name: "LeadTopCore", targets: ["LeadTopCore"]),
        .library(name: "LeadTopRender", targets: ["LeadTopRender"]),
        .library(name: "LeadOSSimulator", targets: ["LeadOSSimulator"]),
        .library(name: "LeadTopRuntime", targets: ["LeadTopRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // CSV output of the subcommands (RFC 4180 quoting).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Tests only: property-based rendering of extreme values and decoding of any campaign.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The LeadOS contract: models, their JSON, timestamps, request shapes, the text sanitizer.
        // No network and no crypto, so the pure modules build and link nothing else.
        .target(name: "LeadOSContract"),
        // The LeadOS client: HTTP transport, retries, pagination, errors, webhook signatures.
        .target(
            name: "LeadOSAPI",
            dependencies: [
                "LeadOSContract",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Pure application core: state, actions, effects, reducer, keymap. No I/O.
        .target(name: "LeadTopCore", dependencies: ["LeadOSContract"]),
        // Pure renderer: cell grid, text width and sanitizer, widgets, panes, themes.
        .target(
            name: "LeadTopRender",
            dependencies: ["LeadTopCore", "LeadOSContract", "CWidth", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // libc's wcwidth, which Glibc's Swift module hides.
        .target(name: "CWidth"),
        // glibc's mallopt, for the dashboard's memory settings.
        .target(name: "CMallocTuning"),
        // Runtime edges: store, effect runner, pollers, outbox and cache (SQLite), config, webhook receiver.
        .target(
            name: "LeadTopRuntime",
            dependencies: [
                "LeadOSAPI", "LeadTopCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // Lead records as CSV, shared by `leadtop leads` and the dashboard's export.
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The dashboard session: the state's one owner on the UI thread, the effect interpreter,
        // and the screen and engine it talks to as protocols, so it runs without a terminal in tests.
        .target(name: "LeadTopApp", dependencies: ["LeadTopCore", "LeadTopRender", "LeadTopRuntime"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // ncurses' wide-character calls, compiled as C: on macOS the wide API must be switched on
        // by the command line's macros (see wide_curses.c).
        .target(name: "CWideCurses", cSettings: [
            .define("_XOPEN_SOURCE_EXTENDED", to: "1", .when(platforms: [.macOS])),
            .define("NCURSES_WIDECHAR", to: "1", .when(platforms: [.macOS])),
        ]),
        // The only module that touches ncurses.
        .target(
            name: "LeadTopTerminal", dependencies: ["CNcursesw", "CWideCurses", "CWidth", "LeadTopRender", "LeadTopCore", "LeadOSContract"],
            linkerSettings: [.linkedLibrary("ncursesw", .when(platforms: [.linux])), .linkedLibrary("ncurses", .when(platforms: [.macOS]))]
        ),
        // The LeadOS simulator: seeded world, HTTP routes, webhook sender, fault injection.
        .target(
            name: "LeadOSSimulator",
            dependencies: [
                "LeadOSAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("openapi.json")]
        ),
        // The version `scripts/install` stamps into a release build (-Xcc -DLEADTOP_VERSION=…).
        .target(name: "CBuildStamp"),
        // The scriptable subcommands (leads, campaigns, rate, suppress, balance, stats, feedback, version).
        .target(
            name: "LeadTopCLI",
            dependencies: [
                "LeadOSAPI", "LeadTopRuntime", "LeadTopRender", "CWidth", "CBuildStamp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "leadtop",
            dependencies: [
                "LeadOSAPI", "LeadTopCore", "LeadTopRender", "LeadTopRuntime", "LeadTopTerminal", "LeadOSSimulator",
                "LeadTopApp", "LeadTopCLI", "CMallocTuning", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A small program that drives the terminal module in a real terminal, for the tmux tests.
        .executableTarget(name: "leadtop-terminal-check", dependencies: ["LeadTopTerminal", "LeadTopRender", "LeadTopCore", "CWidth"]),
        .target(
            name: "LeadTopTestSupport",
            dependencies: ["LeadOSAPI", "LeadTopCore", "LeadTopRender", "LeadOSSimulator", "CWidth"]
        ),
        .testTarget(name: "LeadOSAPITests", dependencies: [
            "LeadOSAPI", "LeadOSSimulator", "LeadTopTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "LeadOSSimulatorTests", dependencies: ["LeadOSSimulator", "LeadOSAPI", "LeadTopTestSupport"]),
        .testTarget(name: "LeadTopCoreTests", dependencies: ["LeadTopCore", "LeadTopTestSupport"]),
        .testTarget(
            name: "LeadTopRenderTests",
            dependencies: ["LeadTopRender", "LeadTopCore", "LeadTopTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LeadTopRuntimeTests", dependencies: [
            "LeadTopRuntime", "LeadOSSimulator", "LeadTopTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "LeadTopAppTests", dependencies: ["LeadTopApp", "LeadTopTestSupport"]),
        .testTarget(name: "LeadTopTerminalTests", dependencies: ["LeadTopTerminal", "LeadTopRender", "LeadTopCore", "CNcursesw"]),
        // The real leadtop binary's subcommands against the simulator, and their output formats.
        .testTarget(name: "CommandLineTests", dependencies: [
            "LeadTopCLI", "LeadOSSimulator", "LeadOSAPI", "LeadTopRuntime", "LeadTopTestSupport",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "LeadOSSimulator", "LeadOSAPI", "LeadTopRuntime", "LeadTopTestSupport", "CWidth",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
