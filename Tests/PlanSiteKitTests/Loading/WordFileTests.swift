import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Word files")
struct WordFileTests {
    static let path = "templates/words/cy.yml"

    /// The English file with some lines replaced (by key) or removed (replacement nil).
    static func edited(_ changes: [String: String?]) -> String {
        let text = try! String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("templates/words/en-GB.yml"), encoding: .utf8)
        var lines: [String] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if skipping, line.hasPrefix("  ") { continue }
            skipping = false
            let key = line.split(separator: ":").first.map(String.init) ?? ""
            if let change = changes[key], !line.hasPrefix(" "), !line.hasPrefix("#") {
                if let change { lines.append(change) }
                skipping = true
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func problems(_ text: String, language: String = "en-GB") -> [Diagnostic] {
        let (words, found) = WordFile.parse(text, language: language, path: path)
        return found + WordFile.check(words)
    }

    @Test func theShippedEnglishFileHasEveryKeyWithItsPlaceholders() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("templates/words/en-GB.yml"), encoding: .utf8)
        #expect(Self.problems(text, language: "en-GB").isEmpty)
        #expect(Words.english.entries.count == WordKey.allCases.count)
    }

    @Test func theEnglishFileListsTheKeysInWordKeysOrder() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("templates/words/en-GB.yml"), encoding: .utf8)
        let keys = text.split(separator: "\n").filter { $0.first?.isLetter ?? false }.map { String($0.prefix { $0 != ":" }) }
        #expect(keys == WordKey.allCases.map(\.rawValue))
    }

    @Test func aMissingKeyIsAnErrorThatSaysWhatItShouldHold() {
        let problems = Self.problems(Self.edited(["skip_link": nil, "comparison_better": nil, "yearly_figures": nil]))
        let messages = problems.map { "\($0.location): \($0.severity): \($0.message)" }
        #expect(problems.count == 3 && problems.allSatisfy { $0.severity == .error }, "\(messages)")
        #expect(messages.contains("\(Self.path):1:1: error: `skip_link` is missing: add it, as skip_link: <text>"))
        #expect(
            messages.contains(
                "\(Self.path):1:1: error: `comparison_better` is missing: add it, as comparison_better: \"<text with {name}>\""))
        #expect(messages.contains { $0.contains("`yearly_figures` is missing") && $0.contains("one:") && $0.contains("other:") })
    }

    @Test func aMissingOrUnknownPlaceholderIsAnErrorAtItsLineAndColumn() throws {
        let text = Self.edited([
            "comparison_better": "comparison_better: \"gwell na {enw}\"",
            "sibling_link": "sibling_link: Find out more",
        ])
        let problems = Self.problems(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let better = try #require(lines.firstIndex { $0.hasPrefix("comparison_better:") }) + 1
        let sibling = try #require(lines.firstIndex { $0.hasPrefix("sibling_link:") }) + 1
        let found = problems.map { "\($0.location): \($0.message)" }
        // The unknown one at the brace itself: `comparison_better: "gwell na {` is 29 characters.
        #expect(found.contains { $0.hasPrefix("\(Self.path):\(better):30: `{enw}` is not a placeholder of `comparison_better`") })
        #expect(found.contains { $0.hasPrefix("\(Self.path):\(better):1: `comparison_better` has no `{name}`") })
        #expect(found.contains { $0.hasPrefix("\(Self.path):\(sibling):1: `sibling_link` has no `{title}`") })
        #expect(problems.count == 3, "all at once: \(found)")
    }

    @Test func pluralFormsAreCheckedForTheLanguage() {
        let text = Self.edited([
            "yearly_figures": "yearly_figures:\n  one: \"{count} ffigur\"\n  other: \"{count} ffigur\"\n  lots: \"{count}\"",
            "skip_link": "skip_link:\n  one: Neidio\n  other: Neidio",
            "breakdown_untested": "breakdown_untested:\n  one: Un grŵp.",
        ])
        let messages = Self.problems(text, language: "cy").map { "\($0.severity): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("error: `lots` is not a plural form") })
        #expect(messages.contains("error: `skip_link` counts nothing, so it takes one text, not plural forms"))
        #expect(messages.contains { $0.hasPrefix("error: `breakdown_untested` has plural forms but no `other:`") })
        #expect(messages.contains { $0.hasPrefix("warning: `yearly_figures` has no `zero`, `two`, `few`, `many` form, which cy uses") })
    }

    @Test func aCountedEntryTakesTheLanguagesForm() {
        let welsh = Words(
            language: "cy",
            entries: [
                "yearly_figures": WordEntry(
                    forms: [
                        .zero: [.text("dim ffigurau")], .one: [.placeholder("count"), .text(" ffigur")],
                        .two: [.placeholder("count"), .text(" ffigur (deuol)")], .other: [.placeholder("count"), .text(" o ffigurau")],
                    ], isPlural: true)
            ])
        #expect((0...3).map { welsh(.yearlyFigures, count: $0) } == ["dim ffigurau", "1 ffigur", "2 ffigur (deuol)", "3 o ffigurau"])
        #expect(Words.english(.yearlyFigures, count: 1) == "1 yearly figure")
        #expect(Words.english(.yearlyFigures, count: 1_234) == "1,234 yearly figures")
    }

    @Test func datesTakeTheLanguagesMonthNamesAndOrder() throws {
        var entries = Words.english.entries
        entries["month_3"] = WordEntry("Mawrth")
        entries["date"] = WordEntry("{day} {month} {year}")
        entries["period_on"] = WordEntry("ar {date}")
        let welsh = Words(language: "cy", entries: entries)
        #expect(PeriodText.display("2024-03-31", welsh) == "31 Mawrth 2024")
        #expect(PeriodText.phrase("31 Mar 2024", welsh) == "ar 31 Mawrth 2024")
        #expect(try #require(CalendarDate(iso: "2026-03-03")).long(welsh) == "3 Mawrth 2026")
        entries["date"] = WordEntry("{month} {day}, {year}")
        #expect(PeriodText.display("2024-03-31", Words(language: "en-US", entries: entries)) == "Mawrth 31, 2024")
    }

    @Test func aMissingLanguageFileNamesTheFileAndHowToMakeIt() throws {
        var content = MemorySiteTests.content
        content["site.yml"] = content["site.yml"]! + "\nlanguage: cy\n"
        let nowhere = URL(fileURLWithPath: "/nonexistent")
        var options = BuildOptions.testing(content: nowhere, templates: nowhere, output: nowhere)
        options.inMemory = (MemoryFiles(content, displayPrefix: "content/"), try MemorySiteTests.templates())
        let problems = BuildPipeline(options: options).run(through: .validate).report.diagnostics.filter { $0.severity == .error }
        #expect(
            problems.map { "\($0.location): \($0.message)" } == [
                "content/site.yml:6:11: `language: cy` needs the word file templates/words/cy.yml, which does not exist; copy "
                    + "templates/words/en-GB.yml to templates/words/cy.yml and translate each entry, or set `language` to one "
                    + "that has a file (en-GB)"
            ])
    }

    // MARK: Templates

    /// A page with the word file and two values its entries' placeholders name.
    struct Page: TemplateModel {
        var words: Words
        var national: String
        var href: String
        static let keys = TemplateKeys<Self>([
            .entries("words", "", { TemplateWords($0.words) }), .text("national", "", \.national), .text("href", "", \.href),
        ])
    }

    static func render(_ template: String, _ page: Page) throws -> String {
        TemplateRenderer(templates: ["t": try MustacheParser.parse(template)]).render(page, with: "t")
    }

    @Test func templatesReadEntriesAndFillTheirPlaceholders() throws {
        let words = Words(
            language: "en-GB",
            entries: [
                "plain": WordEntry("Tom & Jerry's"),
                "with_value": WordEntry("Compared with {national}"),
                "with_link": WordEntry("See the <{link}> & more"),
            ])
        let values = Page(words: words, national: "England", href: "/a?b=1&c=2")
        #expect(try Self.render("{{words.plain}}", values) == "Tom &amp; Jerry&#39;s")
        #expect(try Self.render("{{words.with_value}}", values) == "Compared with England")
        #expect(
            try Self.render(#"{{#words.with_link}}{{$link}}<a href="{{href}}">here</a>{{/link}}{{/words.with_link}}"#, values)
                == #"See the &lt;<a href="/a?b=1&amp;c=2">here</a>&gt; &amp; more"#)
        #expect(try Self.render("{{words.unknown}}", values) == "")
    }
}

@Suite("Word file lints")
struct WordLintTests {
    @Test func linkTextFromTheWordFileIsHeldToTheLinkRules() throws {
        let folder = TestPaths.scratch()
        try #"<p><a href="/x/">{{words.more}}</a> <a href="/y/">{{words.about}}</a></p>"#.write(
            to: folder.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        var problems: [Diagnostic] = []
        let templates = TemplateLibrary.read(from: folder, problems: &problems)
        let words = Words(language: "en-GB", entries: ["more": WordEntry("Click here"), "about": WordEntry("Find out more about {title}")])
        let found = TemplateLinkLint(templates: templates, words: words).check()
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("link text \"Click here\"") == true)
    }
}
