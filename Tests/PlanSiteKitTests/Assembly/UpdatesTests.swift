import Foundation
import Testing

@testable import PlanSiteKit

/// `updated:` and `next_update:` (issue 24, part 5): the sentence on the page, the check's
/// warnings, and the Atom feed of updates.
@Suite struct UpdatesTests {
    func text(_ path: String, in result: PipelineResult) -> String? { TestBuild.page(path, in: result) }

    /// The updates site, checked on `today`.
    func build(today: CalendarDate = BuildOptions.testDay, edit: ((ScratchSite) throws -> Void)? = nil) throws -> PipelineResult {
        let scratch = try ScratchSite(content: TestPaths.updatesSite)
        defer { scratch.remove() }
        try edit?(scratch)
        return scratch.check(today: today)
    }

    @Test func thePageSaysWhenTheFiguresWereUpdatedAndAreDueNext() throws {
        let result = try build()
        #expect(result.report.diagnostics.map(\.description) == [])
        let bins = try #require(text("indicators/bins/index.html", in: result))
        // Each date in a <time> element, so a reader's tools (and search engines) read it as a date.
        #expect(
            bins.contains(
                "<p>Figures updated <time datetime=\"2026-11-03\">3 November 2026</time>. "
                    + "Next update due <time datetime=\"2027-05-01\">1 May 2027</time>.</p>"))
        let litter = try #require(text("indicators/litter/index.html", in: result))
        #expect(litter.contains("<p>Figures updated <time datetime=\"2026-12-01\">1 December 2026</time>.</p>"))
    }

    @Test func theFeedIsNewestFirstAndDatedOnlyByTheContent() throws {
        let result = try build()
        let feed = try #require(text("updates.xml", in: result))
        let litter = try #require(feed.range(of: "<id>https://example.org/tidy/indicators/litter/</id>"))
        let bins = try #require(feed.range(of: "<id>https://example.org/tidy/indicators/bins/</id>"))
        #expect(litter.lowerBound < bins.lowerBound, "newest first")
        let updated = feed.components(separatedBy: "<updated>").dropFirst().map { $0.prefix(20) }
        #expect(
            updated == ["2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-03T00:00:00Z"], "the feed's date is its newest entry's")
        #expect(!feed.contains("2026-12-07"), "the build's day is written nowhere")
        #expect(feed.contains("<summary>New bins installed: figures updated 3 November 2026.</summary>"))
        // Another day, the same bytes.
        let later = try build(today: CalendarDate(year: 2027, month: 1, day: 2)!)
        #expect(text("updates.xml", in: later) == feed)
        #expect(Route(path: "updates.xml") == .updatesFeed)
    }

    @Test func everyPageLinksToTheFeed() throws {
        let result = try build()
        // An embed page is shown inside another site's frame, with no head of the site's own to offer a feed in.
        let pages = (result.files ?? []).filter { $0.isPage && !$0.path.hasPrefix("embed/") }
        #expect(pages.count > 3)
        for page in pages {
            let html = String(decoding: page.contents, as: UTF8.self)
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\""), "\(page.path)")
        }
        let home = try #require(text("index.html", in: result))
        #expect(home.contains("href=\"updates.xml\" title=\"Tidy Town: indicator updates\">"))
    }

    @Test func noIndicatorWithUpdatedNoFeed() throws {
        let result = TestBuild.run(content: TestPaths.miniSite)
        let files = try #require(result.files)
        #expect(!files.contains { $0.path == Route.updatesFeed.path })
        for page in files.filter(\.isPage) {
            #expect(!String(decoding: page.contents, as: UTF8.self).contains("application/atom+xml"), "\(page.path)")
            #expect(!String(decoding: page.contents, as: UTF8.self).contains("Figures updated"), "\(page.path)")
        }
    }

    @Test func aPassedReleaseAndAnUpdateAfterTodayAreWarnedAbout() throws {
        let result = try build(today: CalendarDate(year: 2027, month: 5, day: 2)!)
        #expect(
            result.report.diagnostics.map(\.description).contains {
                $0.hasPrefix("content/indicators/bins.yml:14:14: warning: `next_update` 2027-05-01 has passed (today is 2027-05-02)")
                    && $0.contains("set `updated` to the day you did and `next_update` to the source's next release")
            })
        let early = try build(today: CalendarDate(year: 2026, month: 11, day: 30)!)
        #expect(
            early.report.diagnostics.map(\.description) == [
                "content/indicators/litter.yml:15:10: warning: `updated` 2026-12-01 is after today (2026-11-30); write the day the figures were last updated from the source"
            ])
    }

    @Test func aDateThatIsNotADayIsAnErrorAtItsLine() throws {
        let result = try build { scratch in
            let path = "content/indicators/bins.yml"
            let text = try String(contentsOf: scratch.root.appendingPathComponent(path), encoding: .utf8)
            try scratch.write(text.replacingOccurrences(of: "next_update: 2027-05-01", with: "next_update: 01/05/2027"), to: path)
        }
        #expect(
            result.report.diagnostics.map(\.description).contains(
                "content/indicators/bins.yml:14:14: error: `next_update` must be a real date written YYYY-MM-DD, e.g. 2026-11-03; found \"01/05/2027\""
            ))
    }
}

/// The open-data metadata (issue 24, part 6): CSVW beside each CSV, schema.org `Dataset` in each indicator page.
@Suite struct OpenDataMetadataTests {
    func json(_ path: String, in result: PipelineResult) throws -> [String: Any] {
        let file = try #require(result.files?.first { $0.path == path })
        return try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any])
    }

    /// The W3C "Metadata Vocabulary for Tabular Data" requirements a table description must meet: no
    /// JSON Schema of CSVW could be found, so they are checked here, property by property.
    @Test func eachCSVHasCSVWMetadataAsTheSpecRequires() throws {
        let result = TestBuild.run(content: TestPaths.updatesSite)
        for id in ["bins", "litter"] {
            let metadata = try json("data/\(id).csv-metadata.json", in: result)
            #expect(metadata["@context"] as? String == "http://www.w3.org/ns/csvw")
            // A table description's `url` is required; relative, it names the CSV beside the metadata.
            #expect(metadata["url"] as? String == "\(id).csv")
            #expect(metadata["dc:title"] is String)
            #expect((metadata["dc:license"] as? [String: Any])?["@id"] is String)
            #expect((metadata["dc:publisher"] as? [String: Any])?["schema:name"] as? String == "Example Council")
            let schema = try #require(metadata["tableSchema"] as? [String: Any])
            let columns = try #require(schema["columns"] as? [[String: Any]])
            // One column description per column of the CSV, in order, titled as its header.
            #expect(columns.map { $0["name"] as? String } == DataDownloads.csvHeader.split(separator: ",").map(String.init))
            #expect(columns.map { $0["titles"] as? String } == columns.map { $0["name"] as? String })
            let builtIn: Set<String> = ["string", "decimal", "integer", "date"]
            #expect(columns.allSatisfy { builtIn.contains($0["datatype"] as? String ?? "") })
            for column in columns {
                let name = try #require(column["name"] as? String)
                // A name is a URI template variable: letters, digits, `_`, `%`-escapes, not starting with `_`.
                #expect(name.range(of: "^[A-Za-z0-9][A-Za-z0-9_.]*$", options: .regularExpression) != nil)
            }
            #expect(columns.first { $0["name"] as? String == "value" }?["datatype"] as? String == "decimal")
        }
        let litter = try json("data/litter.csv-metadata.json", in: result)
        #expect((litter["dc:modified"] as? [String: Any])?["@value"] as? String == "2026-12-01")
        let undated = try json("data/litter.csv-metadata.json", in: TestBuild.run(content: TestPaths.miniSite))
        #expect(undated["dc:modified"] == nil, "never the build's day")
        #expect(Route(path: "data/litter.csv-metadata.json") == .indicatorCSVMetadata(id: "litter"))
    }

    @Test func eachIndicatorPageDescribesItsDataset() throws {
        let result = TestBuild.run(content: TestPaths.updatesSite)
        let page = try #require(TestBuild.page("indicators/litter/index.html", in: result))
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let data = try #require(
            try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(data["@type"] as? String == "Dataset")
        #expect(data["name"] as? String == "Streets with litter")
        #expect(data["url"] as? String == "https://example.org/tidy/indicators/litter/")
        #expect(data["temporalCoverage"] as? String == "2021/2023")
        #expect(data["dateModified"] as? String == "2026-12-01")
        let download = try #require((data["distribution"] as? [[String: Any]])?.first)
        #expect(download["contentUrl"] as? String == "https://example.org/tidy/data/litter.csv")
        #expect(download["encodingFormat"] as? String == "text/csv")
    }

    @Test func noTitleCanCloseTheScriptElement() throws {
        let scratch = try ScratchSite(content: TestPaths.miniSite)
        defer { scratch.remove() }
        let path = "content/indicators/litter.yml"
        let text = try String(contentsOf: scratch.root.appendingPathComponent(path), encoding: .utf8)
        try scratch.write(
            text.replacingOccurrences(
                of: "title: Streets with litter", with: "title: \"Litter </script><script>alert(1)</script> & <!--\""),
            to: path)
        let result = scratch.check()
        let page = try #require(TestBuild.page("indicators/litter/index.html", in: result))
        // Two script elements: the JSON-LD and the chart's PNG button (assets/chart-png.js); the title closes neither.
        #expect(page.components(separatedBy: "<script").count == 3, "two script elements, the JSON-LD and chart-png.js")
        #expect(page.components(separatedBy: "</script>").count == 3)
        #expect(page.contains("<script src=\"../../assets/chart-png.js\" defer></script>"))
        #expect(page.contains(#""name" : "Litter \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003c!--""#))
        #expect(DatasetStructuredData.escaped("a</script>&\u{2028}") == #"a\u003c/script\u003e\u0026\u2028"#)
    }
}
