// swift-tools-version:6.0
// The libFuzzer target, a package of its own so the normal build never compiles it:
// `make fuzz SECONDS=N` (scripts/fuzz.sh) builds it with `-sanitize=fuzzer` and runs it.
import PackageDescription

let package = Package(
    name: "PlanSiteFuzz",
    dependencies: [.package(name: "PlanSite", path: "..")],
    targets: [
        .executableTarget(
            name: "PlanSiteFuzz",
            dependencies: [.product(name: "PlanSiteKit", package: "PlanSite")]
        )
    ]
)
