import Foundation
import Testing

/// What no content folder may do to the machine that builds it (issue 21): hang the build,
/// or make the writer touch a folder that is not the output.
@Suite("Hostile content folders, end to end")
struct HardeningTests {
    static let base = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Corpus/_base/content")

    /// A megabyte of prose on one line, full of figures, one of them an older figure of an
    /// indicator the page lists: the stale-figure check once took minutes here (quadratic).
    @Test func aOneMegabyteParagraphIsCheckedWithinTheHangGuard() throws {
        let folder = try Plansite.copyOfSite(content: Self.base)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sentence = "In 2021-22 some 26.5% of 1,204 children in 12 wards were obese, and 27.0% later on; "
        let line = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count)
        let page = "---\ntitle: A healthier start\norder: 1\nindicators: [year6-obesity]\n---\n\n" + line + "\n"
        try page.write(to: folder.appendingPathComponent("content/outcomes/healthier-start.md"), atomically: true, encoding: .utf8)
        let start = Date()
        let run = try Plansite.run(["check"], in: folder, hangGuard: 60)
        #expect(run.status == 0, "\(run.stderr.prefix(2_000))")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// `.site.plansite-back` as a link to another built folder: the build once wrote into it and
    /// deleted its other files. The link is left alone, and so is the folder it points to.
    @Test func aBackBufferThatIsALinkIsNeverWrittenThrough() throws {
        let folder = try Plansite.copyOfSite(content: Self.base)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other-site")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("Built by PlanSite.\n".utf8).write(to: other.appendingPathComponent(".plansite-build"))
        try Data("keep me\n".utf8).write(to: other.appendingPathComponent("keep.html"))
        let before = Plansite.tree(other)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(".site.plansite-back").path,
            withDestinationPath: other.path)
        for _ in 1...2 {  // the second build finds the first one's site to swap out
            let run = try Plansite.run(["build"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(Plansite.tree(other) == before)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(".site.plansite-back").path)
        #expect(link == other.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
    }
}

/// What the built site publishes from hostile text: figures in front matter, CSV fields.
@Suite("What the build publishes from hostile text")
struct PublishedTextTests {
    static let golden = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Snapshots/hostile-csv.csv")

    /// A source title written as a YAML block with a non-ASCII character, and a comparator named
    /// like a formula: each row stays one row, and the formula is neutralised (OWASP).
    @Test func csvRowsStayWholeAndFormulasAreNeutralised() throws {
        let folder = try Plansite.copyOfSite(content: HardeningTests.base)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("content/indicators/homes-built.yml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  title: Housing strategy\n", with: "  title: |\n    Housing strategy – Luton’s\n    completions\n")
        text += "comparators:\n  \"\\t=2+2\":\n    - { period: \"2021-22\", value: -3 }\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try Plansite.run(["build"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("site/data/homes-built.csv"), encoding: .utf8)
        try Golden.compare(csv, file: Self.golden)
        #expect(!csv.contains("\n\t=") && csv.contains("\"'\t=2+2\"") == false && csv.contains("'\t=2+2"))
        #expect(csv.contains(",-3,"), "a number is never prefixed")
    }

    /// `{{homes-built.latest}}` in the home page's summary is replaced, as in a body: it was printed
    /// raw on the home page and in the meta description.
    @Test func aReferenceInASummaryIsReplacedWhereverTheSummaryIsShown() throws {
        let folder = try Plansite.copyOfSite(content: HardeningTests.base)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("content/priority.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "summary: Improving population wellbeing and tackling health inequalities.",
            with: "summary: \"Improving wellbeing: {{homes-built.latest}} new homes last year.\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try Plansite.run(["build"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(!home.contains("{{"))
        #expect(home.contains("<meta name=\"description\" content=\"Improving wellbeing: 310 homes new homes last year.\""))
    }
}
