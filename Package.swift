// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlanSite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plansite", targets: ["plansite"]),
        .library(name: "PlanSiteKit", targets: ["PlanSiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PlanSiteKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "plansite",
            dependencies: [
                "PlanSiteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanSiteKitTests",
            dependencies: ["PlanSiteKit"],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "PlanSiteCLITests",
            dependencies: ["PlanSiteKit"],
            exclude: ["Corpus"]
        ),
    ]
)
