// swift-tools-version: 6.0
import PackageDescription

/// A libFuzzer target for leadtop: bytes as LeadOS replies through decode, the reducer and a drawn
/// frame. Kept out of the main package because every module is built with `-sanitize=fuzzer`.
/// Build and run with `scripts/fuzz [iterations]`.
let package = Package(
    name: "leadtop-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "leadtop", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ReplyFuzzer",
            dependencies: [
                .product(name: "LeadOSAPI", package: "leadtop"),
                .product(name: "LeadTopCore", package: "leadtop"),
                .product(name: "LeadTopRender", package: "leadtop"),
            ]
        ),
    ]
)
