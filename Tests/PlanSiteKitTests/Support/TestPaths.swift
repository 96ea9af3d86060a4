import Foundation

/// Folders the tests read, found from this file so tests run from any directory.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/PlanSiteKitTests/Fixtures")
    static let snapshots = packageRoot.appendingPathComponent("Tests/PlanSiteKitTests/Snapshots")
    static let templates = packageRoot.appendingPathComponent("templates")
    static let miniSite = fixtures.appendingPathComponent("mini-site/content")
    /// A frozen copy of the Improving Wellbeing content (1 December 2026), so tests of what the
    /// generator does with real-shaped data never fail because staff edited `content/`;
    /// `content/` itself is gated by `plansite check --strict` and the browser audit.
    static let realContent = packageRoot.appendingPathComponent("Tests/Fixtures/sites/improving-wellbeing/content")
    static let corpusBase = packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Corpus/_base")
    static let indicatorFixtures = fixtures.appendingPathComponent("indicators")
    static let fixtureContent = indicatorFixtures.appendingPathComponent("content")

    /// A new empty folder under the system temp folder.
    static func scratch(_ name: String = #function) -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-\(safe)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies a folder to a scratch place, so a test can break it.
    static func copy(_ folder: URL, name: String = #function) throws -> URL {
        let destination = scratch(name).appendingPathComponent(folder.lastPathComponent)
        try FileManager.default.copyItem(at: folder, to: destination)
        return destination
    }
}

extension TestPaths {
    /// The invented site with an ordered (deprivation decile) and an unordered (ward) breakdown.
    /// The mini site with `updated:` and `next_update:` on its indicators: the feed of updates.
    static let updatesSite = packageRoot.appendingPathComponent("Tests/Fixtures/sites/updates-site/content")
    static let breakdownSite = packageRoot.appendingPathComponent("Tests/Fixtures/sites/breakdown-site/content")
    /// luton-series.yml, copied unchanged from the research: what the real site's figures must match.
    static let lutonSeries = packageRoot.appendingPathComponent("Tests/Fixtures/sources/luton-series.yml")
}
