import Foundation
import Testing

/// `plansite changes`, run as staff and CI run it, on the frozen copy of the real content
/// (Tests/Fixtures/sites/improving-wellbeing) and a copy of it made here.
@Suite("plansite changes")
struct ChangesCommandTests {
    static let real = Plansite.fixtures.appendingPathComponent("sites/improving-wellbeing/content")
    static let snapshots = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Snapshots")

    /// A copy of the frozen real content, placed beside the repository's templates, with what a
    /// sign-off must see: a new period; a revision that flips the comparison with England; a
    /// series that turns to improving (a direction flip); a regional figure revised across
    /// Luton's interval (a regional flip); a status changed with who, when and why; and a
    /// reworded outcome.
    static func editedCopy() throws -> URL {
        let folder = try Plansite.copyOfSite(content: real)
        let content = folder.appendingPathComponent("content")
        let indicators = content.appendingPathComponent("indicators")
        try edit(
            indicators.appendingPathComponent("housing-completions.yml"),
            "  - { period: \"2020-21\", value: 280 }\n",
            "  - { period: \"2020-21\", value: 280 }\n  - { period: \"2021-22\", value: 310 }\n")
        // England's 2022 rate above the top of Luton's interval (2.4 to 8.8, Byar on 11 people): similar becomes better.
        try edit(
            indicators.appendingPathComponent("rough-sleeping-rate.yml"),
            "{ period: \"2022\", value: 5.42835937309719 }", "{ period: \"2022\", value: 9.0 }")
        try editHappinessToImproving(indicators.appendingPathComponent("happiness-mean-score.yml"))
        try edit(
            indicators.appendingPathComponent("life-satisfaction-mean-score.yml"),
            "    - { period: \"2022-23\", value: 7.5, lower_ci: 7.43, upper_ci: 7.56 }",
            "    - { period: \"2022-23\", value: 7.6, lower_ci: 7.53, upper_ci: 7.66 }")
        try edit(
            content.appendingPathComponent("commitments/family-hubs.md"),
            "status: achieved\nassessed_by: \"the Corporate Performance team\"\nassessed_on: 2026-12-01\n",
            "status: at-risk\nassessed_by: \"the Children's Services team\"\nassessed_on: 2026-12-03\n"
                + "reason: \"The Bailey Street hub closed for repairs in October 2026.\"\n")
        try edit(
            content.appendingPathComponent("outcomes/safer-community.md"),
            "fewer than three in every four incidents are reported", "only about two in every three incidents are reported")
        return folder
    }

    /// The last five years of happiness rise by half a point a year with narrow intervals:
    /// improving by any published method, where the frozen figures show no change.
    static func editHappinessToImproving(_ file: URL) throws {
        let rising = [("2018-19", 6.0), ("2019-20", 6.5), ("2020-21", 7.0), ("2021-22", 7.5), ("2022-23", 8.0)]
        for (period, value) in rising {
            let text = try String(contentsOf: file, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  - { period: \"\(period)\"") })
            try edit(
                file, String(line), "  - { period: \"\(period)\", value: \(value), lower_ci: \(value - 0.05), upper_ci: \(value + 0.05) }")
        }
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "the frozen fixture no longer has \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [false, true])
    func theRealContentAgainstAnEditedCopyPrintsExactlyThoseFacts(markdown: Bool) throws {
        let folder = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.run(["changes", Self.real.path, "--content", "content"] + (markdown ? ["--markdown"] : []), in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        // What a sign-off needs, whatever words the methods give the verdicts.
        for fact in [
            "direction of travel: ", "regional comparison: ", "status: Achieved → At risk",
            "assessed by: the Corporate Performance team → the Children's Services team",
            "assessed on: 1 December 2026 → 3 December 2026",
            "reason reworded: ", "text reworded: … board heard that [-fewer than three in every four-] {+only about two in every three+}",
        ] {
            let written = markdown ? fact.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]") : fact
            #expect(run.stdout.contains(written), "missing: \(written)")
        }
        try Golden.compare(run.stdout, file: Self.snapshots.appendingPathComponent(markdown ? "changes.md" : "changes.txt"))
    }

    @Test func identicalFoldersSayNothingChanged() throws {
        let folder = try Plansite.copyOfSite(content: Self.real)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.run(["changes", Self.real.path], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout == "Nothing changed: every indicator's figures, directions of travel, comparisons and targets, "
                + "and every outcome's and commitment's text, status, assessment and targets, are the same in both versions.\n")
    }

    @Test func anErrorInEitherVersionIsReportedAsBuildReportsIt() throws {
        let folder = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.edit(folder.appendingPathComponent("content/indicators/housing-completions.yml"), "value: 310", "value: n/a")
        let run = try Plansite.run(["changes", Self.real.path], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr.hasPrefix("content/indicators/housing-completions.yml:30:33: error: `value` must be a number, found \"n/a\""),
            "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Changes not compared: 1 error (fix them, then run again).\n"))
        let missing = try Plansite.run(["changes", "no-such-folder"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: content folder 'no-such-folder' not found; run from the repository root or pass --content DIR\n")
    }
}
