// swift-tools-version: 6.1
import PackageDescription

/// Release-build benchmarks for leadtop, kept out of the main package so its build and CI stay lean.
/// Run with `scripts/bench` (everything) or
/// `swift package --package-path Benchmarks --scratch-path .build-bench benchmark`.
let package = Package(
    name: "leadtop-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "leadtop", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The shared seeded account and states both benchmarks start from.
        .target(
            name: "BenchmarkWorld",
            dependencies: [
                .product(name: "LeadTopCore", package: "leadtop"),
                .product(name: "LeadOSAPI", package: "leadtop"),
                .product(name: "LeadOSSimulator", package: "leadtop"),
            ]
        ),
        // Fills a dashboard cache with a big account, for the start-up and memory figures.
        .executableTarget(
            name: "SeedCache",
            dependencies: ["BenchmarkWorld", .product(name: "LeadTopRuntime", package: "leadtop")]
        ),
        // One frame or one empty poll, repeated, for instruction counts under callgrind.
        .executableTarget(
            name: "CostProbe",
            dependencies: [
                "BenchmarkWorld",
                .product(name: "LeadTopRender", package: "leadtop"),
                .product(name: "LeadTopCore", package: "leadtop"),
                .product(name: "LeadOSAPI", package: "leadtop"),
            ]
        ),
        // Whole-dashboard render into the cell grid plus the diff against the previous frame.
        benchmark("Frame"),
        // Decoding `GET /v1/leads?limit=100` pages, and one page from bytes to a drawn screen.
        benchmark("Decode"),
    ]
)

/// A package-benchmark target under `Benchmarks/<name>`, with the modules every benchmark here uses.
func benchmark(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkWorld",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "LeadTopRender", package: "leadtop"),
            .product(name: "LeadTopCore", package: "leadtop"),
            .product(name: "LeadOSAPI", package: "leadtop"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
