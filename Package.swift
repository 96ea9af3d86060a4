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
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // Indicator figures saved from a spreadsheet (indicators/<id>.csv) and Fingertips exports.
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // `plansite import` of an .xlsx sheet: the file is a ZIP of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
        // The preview server: sockets and async/await only, no SwiftNIO (see docs/preview-server.md).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
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
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // `plansite serve`: kept out of PlanSiteKit so the library never links a server.
        .target(
            name: "PlanSitePreview",
            dependencies: [
                "PlanSiteKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "plansite",
            dependencies: [
                "PlanSiteKit",
                "PlanSitePreview",
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
            // Depending on the executable makes `swift build --build-tests` build the
            // binary these tests run, in the same build folder as the tests.
            dependencies: ["plansite"],
            exclude: ["Corpus", "Snapshots"]
        ),
    ]
)
