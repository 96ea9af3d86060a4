import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct ContentLoaderTests {
    @Test func loadsTheMiniSite() throws {
        let result = ContentLoader(contentFolder: TestPaths.miniSite).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.config.title == "Tidy Town")
        #expect(site.outcomes.map(\.slug) == ["cleaner-streets"])
        #expect(site.commitments.first?.targets.first?.value == 100)
        #expect(site.indicators.map(\.id) == ["bins", "litter"])
        let litter = try #require(site.indicator("litter"))
        #expect(litter.series.map(\.value) == [12.5, nil, 9.25])
        #expect(litter.series[1].note == "suppressed")
        #expect(litter.comparator("England")?.series.count == 2)
    }

    @Test func frontMatterErrorsPointIntoTheMarkdownFile() throws {
        let content = try TestPaths.copy(TestPaths.miniSite)
        try write("---\ntitle: Cleaner streets\norder: first\n---\nText.\n", to: "outcomes/cleaner-streets.md", in: content)
        let result = ContentLoader(contentFolder: content).load()
        #expect(
            result.diagnostics.map(\.description) == [
                "content/outcomes/cleaner-streets.md:3:8: error: `order` must be a number, found \"first\""
            ])
    }

    @Test func unclosedFrontMatterIsReported() throws {
        let content = try TestPaths.copy(TestPaths.miniSite)
        try write("---\ntitle: Oops\n\nNo closing line.\n", to: "pages/accessibility.md", in: content)
        let messages = ContentLoader(contentFolder: content).load().diagnostics.map(\.description)
        #expect(
            messages == [
                "content/pages/accessibility.md:1:1: error: front matter opened with `---` is never closed; add a `---` line after it"
            ])
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let content = try TestPaths.copy(TestPaths.miniSite)
        try write("---\ntitle: Later\ndraft: true\n---\nNot yet.\n", to: "pages/later.md", in: content)
        #expect(ContentLoader(contentFolder: content).load().site?.pages.map(\.slug) == ["accessibility"])
        #expect(ContentLoader(contentFolder: content, includeDrafts: true).load().site?.pages.map(\.slug) == ["accessibility", "later"])
    }

    @Test func missingSiteSettingsIsAnError() throws {
        let content = try TestPaths.copy(TestPaths.miniSite)
        try FileManager.default.removeItem(at: content.appendingPathComponent("site.yml"))
        let result = ContentLoader(contentFolder: content).load()
        #expect(result.site == nil)
        #expect(result.diagnostics.first?.description.hasPrefix("content/site.yml:1:1: error: missing file") == true)
    }
}

@Suite struct YAMLDocumentTests {
    @Test func syntaxErrorsCarryLineAndColumn() {
        guard let diagnostic = collecting({ YAMLDocument.parse("title: a\nlist: [1, 2\n", path: "x.yml", problems: &$0) }).failure else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(diagnostic.location.path == "x.yml")
        #expect(diagnostic.location.line >= 2)
        #expect(diagnostic.message.hasPrefix("YAML syntax:"))
    }

    @Test func aliasBombIsStoppedQuickly() {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            yaml +=
                "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let start = Date()
        guard let diagnostic = collecting({ YAMLDocument.parse(yaml, path: "x.yml", problems: &$0) }).failure else {
            Issue.record("expected the alias bomb to be refused")
            return
        }
        #expect(diagnostic.message.contains("aliases"))
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func lineOffsetShiftsPositions() throws {
        let document = try collecting { YAMLDocument.parse("title: x\norder: 2\n", path: "p.md", lineOffset: 1, problems: &$0) }.get()
        let order = try #require(document.root?["order"])
        #expect(document.location(of: order) == SourceLocation(path: "p.md", line: 3, column: 8))
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let parts = try #require(FrontMatter.split("---\ntitle: A\n---\nBody\n"))
        #expect(parts.yaml == "title: A")
        #expect(parts.body == "Body\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let parts = try #require(FrontMatter.split("Just text"))
        #expect(parts.yaml == nil)
        #expect(parts.body == "Just text")
    }
}

@Suite struct TextFileReaderTests {
    @Test func byteOrderMarkAndCRLFAreNormalised() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8))
        #expect(try collecting { TextFileReader.decode(data, at: SourceLocation(path: "f"), problems: &$0) }.get() == "a\nb\n")
    }

    @Test func invalidUTF8IsReportedOnItsLine() {
        let data = Data(Array("ok\n".utf8) + [0xC3, 0x28])
        guard let diagnostic = collecting({ TextFileReader.decode(data, at: SourceLocation(path: "f"), problems: &$0) }).failure else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.description == "f:2:1: error: file is not valid UTF-8 text; save it with UTF-8 encoding")
    }
}

@Suite struct YAMLMessageTests {
    @Test func commonSyntaxErrorsAreSaidInPlainWords() {
        guard
            let diagnostic = collecting({
                YAMLDocument.parse("series:\n  - { period: \"2016\", value: 76\ntitle: x\n", path: "x.yml", problems: &$0)
            }).failure
        else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(
            diagnostic.message.hasPrefix(
                "YAML syntax: a { … } group is not closed: separate its items with commas and end it with }. YAML says: did not find expected ',' or '}'"
            ))
    }
}

@Suite struct FileNameOfPathTests {
    /// Found by Characters, as NSString finds it (a `/` followed by a combining mark is no separator).
    @Test(arguments: ["indicators/x.yml", "priority.md", "pages/a-b.md", "indicators/\u{301}x.yml", "a/b/c\u{301}.md", "é/ü.yml"])
    func fileNameIsNSStringsLastPathComponent(_ path: String) {
        #expect(LoadContext.fileName(path) == (path as NSString).lastPathComponent)
    }
}
