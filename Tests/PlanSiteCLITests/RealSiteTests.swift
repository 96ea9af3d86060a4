import Foundation
import Testing

/// The built binary on the real Improving Wellbeing content: what a reader
/// and a communications officer would look for.
@Suite struct RealSiteTests {
    let root = CommandRunner.packageRoot
    let seed = CommandRunner.packageRoot.appendingPathComponent("../shared/seed/improving-wellbeing.txt").standardizedFileURL

    func buildRealSite(into output: URL) throws -> CommandRunner.Output {
        try CommandRunner.run(["build", "--output", output.path])
    }

    func text(_ data: Data?) -> String {
        String(decoding: data ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The seed's lines between two headings, as published (blank lines dropped).
    func seedLines(after start: String, before end: String) throws -> [String] {
        let lines = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n")
        let from = try #require(lines.firstIndex(of: start)), to = try #require(lines[from...].firstIndex(of: end))
        return lines[(from + 1)..<to].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("•") ? String($0.dropFirst()).trimmingCharacters(in: .whitespaces) : $0 }
    }

    @Test func homePageCarriesTheSeedText() throws {
        let output = CommandRunner.scratch().appendingPathComponent("site")
        let result = try buildRealSite(into: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.range(of: #"^Built \d+ pages and \d+ indicators \(\d+ files\) in \d+\.\d\d s\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
        let home = text(CommandRunner.tree(output)["index.html"])

        let paragraphs = try seedLines(after: "Improving population wellbeing", before: "Target outcomes")
        #expect(paragraphs.count == 3)
        for paragraph in paragraphs {
            let fixed = paragraph.replacingOccurrences(of: "reaching reaching", with: "reaching")
            #expect(home.contains(fixed), "home page lacks: \(fixed.prefix(60))…")
        }
        let outcomes = try seedLines(after: "Target outcomes", before: "Major developments we will see by 2028")
        let developments = try seedLines(after: "Major developments we will see by 2028", before: "A blue png file with a black background.")
        #expect(outcomes.count == 5 && developments.count == 5)
        for item in outcomes + developments {
            #expect(home.contains(item), "home page lacks: \(item.prefix(60))…")
        }
    }

    @Test func siblingLinksSayWhereTheyGo() throws {
        let output = CommandRunner.scratch().appendingPathComponent("site")
        _ = try buildRealSite(into: output)
        let home = text(CommandRunner.tree(output)["index.html"])
        let pattern = try NSRegularExpression(pattern: #"<a href="(https://luton2040\.co\.uk/priorities/[^"]+)">([^<]+)</a>"#)
        let matches = pattern.matches(in: home, range: NSRange(home.startIndex..., in: home))
        let texts = matches.map { String(home[Range($0.range(at: 2), in: home)!]) }
        #expect(texts == ["Find out more about Empowered community", "Find out more about Net zero town",
                          "Find out more about Child friendly town", "Find out more about Inclusive economy"])
    }

    @Test func everyPageAReaderLooksForExists() throws {
        let output = CommandRunner.scratch().appendingPathComponent("site")
        _ = try buildRealSite(into: output)
        let files = Set(CommandRunner.tree(output).keys)
        for page in ["index.html", "404.html", "robots.txt", "sitemap.xml", "accessibility/index.html", "about-the-data/index.html",
                     "indicators/index.html", "data/indicators.csv", "data/indicators.json", "assets/site.css"] {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(files.filter { $0.hasPrefix("outcomes/") }.count == 5)
        #expect(files.filter { $0.hasPrefix("commitments/") }.count == 5)
        let statement = text(CommandRunner.tree(output)["accessibility/index.html"])
        for heading in ["Compliance status", "Enforcement procedure", "How we tested this website", "Preparation of this accessibility statement"] {
            #expect(statement.contains(heading), "accessibility statement lacks \(heading)")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = CommandRunner.scratch().appendingPathComponent("site")
        let second = CommandRunner.scratch().appendingPathComponent("site")
        #expect(try buildRealSite(into: first).status == 0)
        #expect(try buildRealSite(into: second).status == 0)
        let a = CommandRunner.tree(first), b = CommandRunner.tree(second)
        #expect(a.count > 40)
        #expect(a == b)
        #expect(try buildRealSite(into: first).status == 0)
        #expect(CommandRunner.tree(first) == b, "rebuilding over a previous build changes nothing")
    }

    @Test func badTemplateExitsNonZeroAndLeavesSiteUnchanged() throws {
        let scratch = CommandRunner.scratch()
        let templates = scratch.appendingPathComponent("templates"), output = scratch.appendingPathComponent("site")
        try FileManager.default.copyItem(at: root.appendingPathComponent("templates"), to: templates)
        #expect(try buildRealSite(into: output).status == 0)
        let before = CommandRunner.tree(output)

        let layout = templates.appendingPathComponent("layout.mustache")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "{{/main}}", with: "{{/mian}}")
            .write(to: layout, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--templates", templates.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("layout.mustache:"))
        #expect(result.stderr.contains("Build failed"))
        #expect(CommandRunner.tree(output) == before)
    }

    @Test func missingContentFolderIsAUsageError() throws {
        let result = try CommandRunner.run(["build", "--content", "/nonexistent/content", "--output", CommandRunner.scratch().path + "/site"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("content folder '/nonexistent/content' not found"))
    }
}
