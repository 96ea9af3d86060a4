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
            ],
            // gperftools' TCMalloc (Debian's libtcmalloc-minimal4) in place of glibc's malloc: a
            // build makes millions of short-lived blocks on two cores, and glibc's search of its
            // free lists grew with the heap (5% of a 10,000-indicator build, against 2% at 1,000),
            // where TCMalloc's per-thread caches did not: the same binary built 10,000 indicators in
            // 4.6-4.9 s with TCMalloc against 6.0-6.2 s with glibc's (docs/performance.md, tenth session).
            // Linked by the file name the runtime package installs, so building needs no -dev package.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libtcmalloc_minimal.so.4"], .when(platforms: [.linux]))]
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
