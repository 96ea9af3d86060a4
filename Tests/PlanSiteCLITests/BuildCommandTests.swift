import Foundation
import Testing

/// Runs the built `plansite` binary, as CI does.
@Suite("plansite build, end to end")
struct BuildCommandTests {
    static let fixtures = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteKitTests/Fixtures/indicators")

    @Test func aBrokenIndicatorExitsOneReportsEveryProblemAndKeepsTheSite() throws {
        let folder = Plansite.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        let arguments = ["build", "--content", "content", "--templates", Plansite.templates.path, "--output", "site"]

        let good = try Plansite.run(arguments, in: folder)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("Built "))
        let before = Plansite.tree(folder.appendingPathComponent("site"))
        #expect(before.count > 5)

        let broken = folder.appendingPathComponent("content/indicators/rough-sleeping.yml")
        try FileManager.default.removeItem(at: broken)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("broken/rough-sleeping.yml"), to: broken)
        let bad = try Plansite.run(arguments, in: folder)

        #expect(bad.status == 1)
        for line in [
            "content/indicators/rough-sleeping.yml:1:5: error: `id` is \"rough-sleepers\" but the file is named rough-sleeping.yml; they must match",
            "content/indicators/rough-sleeping.yml:5:11: error: `polarity` must be one of higher-is-better, lower-is-better, no-judgement, found \"lower-is-worse\"",
            "content/indicators/rough-sleeping.yml:9:30: error: `value` must be a number, found \"n/a\"",
            "content/indicators/rough-sleeping.yml:10:44: error: `lower_ci` (40) is above `upper_ci` (30)",
            "content/indicators/rough-sleeping.yml:12:15: error: period \"2015\" appears twice in series (first at line 11)",
        ] {
            #expect(bad.stderr.contains(line + "\n"), "missing from stderr: \(line)")
        }
        #expect(bad.stderr.contains("The site in 'site' was not changed."))
        #expect(Plansite.tree(folder.appendingPathComponent("site")) == before)
    }
}
