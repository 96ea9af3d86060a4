import Foundation
import Testing

/// The built binary on the seed fixture site (Tests/Fixtures/sites/seed-site: the
/// Improving Wellbeing page as seeded, frozen): what a reader and a communications
/// officer would look for. The real `content/` is gated as content by
/// `plansite check --strict` and the browser audit, so editing it never breaks these.
@Suite struct SeedSiteTests {
    /// The seed text as published, copied into the repository.
    static let seed = Plansite.fixtures.appendingPathComponent("seed/improving-wellbeing.txt")

    /// A fresh copy of the seed site (content/ and the repository's templates/), built
    /// into its own site/ unless `build` is false; the caller removes `folder`.
    func seedSite(build: Bool = true) throws -> (folder: URL, site: URL, run: Plansite.Run?) {
        let folder = try Plansite.copyOfSite()
        let run = build ? try Plansite.run(["build"], in: folder) : nil
        if let run, run.status != 0 { Issue.record("seed site did not build: \(run.stderr)") }
        return (folder, folder.appendingPathComponent("site"), run)
    }

    func text(_ data: Data?) -> String {
        String(decoding: data ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The seed's lines between two headings, as published (blank lines dropped).
    func seedLines(after start: String, before end: String) throws -> [String] {
        let lines = try String(contentsOf: Self.seed, encoding: .utf8).components(separatedBy: "\n")
        let from = try #require(lines.firstIndex(of: start))
        let to = try #require(lines[from...].firstIndex(of: end))
        return lines[(from + 1)..<to].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("•") ? String($0.dropFirst()).trimmingCharacters(in: .whitespaces) : $0 }
    }

    @Test func homePageCarriesTheSeedText() throws {
        let (folder, site, run) = try seedSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try #require(run)
        #expect(
            result.stdout.range(of: #"^Built \d+ pages and \d+ indicators \(\d+ files\) in \d+\.\d\d s\n$"#, options: .regularExpression)
                != nil, "\(result.stdout)")
        let home = text(Plansite.tree(site)["index.html"])

        // The seed has "reaching reaching"; the fixture's content fixes it and the page shows the fix.
        let paragraphs = try seedLines(after: "Improving population wellbeing", before: "Target outcomes")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.contains { $0.contains("reaching reaching") })
        for paragraph in paragraphs {
            let fixed = paragraph.replacingOccurrences(of: "reaching reaching", with: "reaching")
            #expect(home.contains(fixed), "home page lacks: \(fixed.prefix(60))…")
        }
        #expect(!home.contains("reaching reaching"))
        let outcomes = try seedLines(after: "Target outcomes", before: "Major developments we will see by 2028")
        let developments = try seedLines(
            after: "Major developments we will see by 2028", before: "A blue png file with a black background.")
        #expect(outcomes.count == 5 && developments.count == 5)
        for item in outcomes + developments {
            #expect(home.contains(item), "home page lacks: \(item.prefix(60))…")
        }
    }

    @Test func siblingLinksSayWhereTheyGo() throws {
        let (folder, site, _) = try seedSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = text(Plansite.tree(site)["index.html"])
        let pattern = try NSRegularExpression(pattern: #"<a href="(https://luton2040\.co\.uk/priorities/[^"]+)">([^<]+)</a>"#)
        let matches = pattern.matches(in: home, range: NSRange(home.startIndex..., in: home))
        let texts = matches.map { String(home[Range($0.range(at: 2), in: home)!]) }
        #expect(
            texts == [
                "Find out more about Empowered community", "Find out more about Net zero town",
                "Find out more about Child friendly town", "Find out more about Inclusive economy",
            ])
    }

    @Test func everyPageAReaderLooksForExists() throws {
        let (folder, site, _) = try seedSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = Plansite.tree(site)
        let files = Set(tree.keys)
        for page in [
            "index.html", "404.html", "robots.txt", "sitemap.xml", "accessibility/index.html", "about-the-data/index.html",
            "indicators/index.html", "indicators/housing-completions/index.html", "indicators/year6-obesity/index.html",
            "data/indicators.csv", "data/indicators.json", "assets/site.css",
        ] {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(files.filter { $0.hasPrefix("outcomes/") && !$0.contains("/briefing/") }.count == 5)
        #expect(files.filter { $0.hasPrefix("outcomes/") && $0.hasSuffix("/briefing/index.html") }.count == 5, "a briefing per outcome")
        #expect(files.filter { $0.hasPrefix("commitments/") }.count == 5)
        let statement = text(tree["accessibility/index.html"])
        for heading in [
            "Compliance status", "Enforcement procedure", "How we tested this website", "Preparation of this accessibility statement",
        ] {
            #expect(statement.contains(heading), "accessibility statement lacks \(heading)")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (first, firstSite, _) = try seedSite()
        let (second, secondSite, _) = try seedSite()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = Plansite.tree(firstSite)
        let b = Plansite.tree(secondSite)
        #expect(a.count > 20)
        #expect(a == b)
        #expect(try Plansite.run(["build"], in: first).status == 0)
        #expect(Plansite.tree(firstSite) == b, "rebuilding over a previous build changes nothing")
    }

    @Test func badTemplateExitsNonZeroAndLeavesSiteUnchanged() throws {
        let (folder, site, _) = try seedSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Plansite.tree(site)

        let layout = folder.appendingPathComponent("templates/layout.mustache")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "{{/main}}", with: "{{/mian}}")
            .write(to: layout, atomically: true, encoding: .utf8)
        let result = try Plansite.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("layout.mustache:"))
        #expect(result.stderr.contains("Build failed"))
        #expect(Plansite.tree(site) == before)
    }

    @Test func theFixtureItselfPassesCheckStrict() throws {
        let (folder, _, _) = try seedSite(build: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Plansite.run(["check", "--strict"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Check passed: 0 errors, 0 warnings.\n")
    }

    @Test func missingContentFolderIsAUsageError() throws {
        let folder = Plansite.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Plansite.run(["build", "--content", "/nonexistent/content", "--output", folder.path + "/site"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("content folder '/nonexistent/content' not found"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/site"))
    }
}
