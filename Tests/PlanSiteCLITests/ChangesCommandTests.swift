import Foundation
import Testing

/// `plansite changes`, run as staff and CI run it, on the frozen copy of the real content
/// (Tests/Fixtures/sites/improving-wellbeing) and a copy of it made here.
@Suite("plansite changes")
struct ChangesCommandTests {
    static let real = Plansite.fixtures.appendingPathComponent("sites/improving-wellbeing/content")
    static let snapshots = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Snapshots")

    /// A copy of the frozen real content with one new period, one revision that flips a comparison
    /// (so three facts in all), placed beside the repository's templates.
    static func editedCopy() throws -> URL {
        let folder = try Plansite.copyOfSite(content: real)
        let content = folder.appendingPathComponent("content/indicators")
        try edit(content.appendingPathComponent("housing-completions.yml"),
                 "  - { period: \"2020-21\", value: 280 }\n", "  - { period: \"2020-21\", value: 280 }\n  - { period: \"2021-22\", value: 310 }\n")
        // England's 2022 rate above the top of Luton's interval (2.4 to 8.8, Byar on 11 people): similar becomes better.
        try edit(content.appendingPathComponent("rough-sleeping-rate.yml"),
                 "{ period: \"2022\", value: 5.42835937309719 }", "{ period: \"2022\", value: 9.0 }")
        return folder
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
        try Golden.compare(run.stdout, file: Self.snapshots.appendingPathComponent(markdown ? "changes.md" : "changes.txt"))
    }

    @Test func identicalFoldersSayNothingChanged() throws {
        let folder = try Plansite.copyOfSite(content: Self.real)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.run(["changes", Self.real.path], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "Nothing changed: every indicator's figures, comparisons and targets, and every commitment's status and targets, are the same in both versions.\n")
    }

    @Test func anErrorInEitherVersionIsReportedAsBuildReportsIt() throws {
        let folder = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.edit(folder.appendingPathComponent("content/indicators/housing-completions.yml"), "value: 310", "value: n/a")
        let run = try Plansite.run(["changes", Self.real.path], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("content/indicators/housing-completions.yml:30:33: error: `value` must be a number, found \"n/a\""), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Changes not compared: 1 error (fix them, then run again).\n"))
        let missing = try Plansite.run(["changes", "no-such-folder"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: content folder 'no-such-folder' not found; run from the repository root or pass --content DIR\n")
    }
}
