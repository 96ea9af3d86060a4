import Foundation
import Testing

@testable import PlanSiteKit

/// Property: any input yields diagnostics or a result, never a crash or a hang.
/// Seeded and bounded (each test well under 10 s), so it runs in CI on every change.
/// For a longer campaign: PLANSITE_FUZZ_SCALE=20 multiplies the runs, PLANSITE_FUZZ_SEED=7 picks other inputs.
@Suite struct LoaderFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let scale = max(1, Int(environment["PLANSITE_FUZZ_SCALE"] ?? "") ?? 1)
    static let seedOffset = UInt64(environment["PLANSITE_FUZZ_SEED"] ?? "") ?? 0

    static let yamlPieces = [
        "id: ", "title: ", "value: ", "series:", "\n", "\n  ", "- ", "  - ", "{ ", " }", "[", "]", ", ", ": ",
        "&a ", "*a ", "\t", "\"", "'", "#", "|\n", ">\n", "!!str ", "? ", "%YAML 1.1\n", "---\n", "...\n",
        "n/a", "1e999", ".nan", "null", "~", "2021-22", "-1.5", "é", "’", "\u{FEFF}", "\r\n",
    ]
    static let markdownPieces = [
        "# ", "## ", "#### ", "*", "_", "**", "[", "](", ")", "![", "<", ">", "`", "```\n", "|", "---\n", "\n",
        "\n\n", "    ", "&amp;", "&#0;", "\\", "~~", "[^1]", "[^1]: ", "http://x.org", "javascript:x",
        "/about/", "here", "reaching reaching", "<script>", "- ", "1. ", "> ", "\t", "é",
    ]
    static let templatePieces = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{> partials/header}}", "{{> x}}",
        "{{<layout}}", "{{/layout}}", "{{$main}}", "{{/main}}", "{{title}}", "{{=<% %>=}}", "{{!c}}", "<a href=\"x\">",
        "</a>", "here", "\n", " ", "{{& t}}", "{{.}}", "{{a.b}}", "{{uppercase(title)}}",
    ]

    @Test func decodingRandomBytesNeverCrashes() {
        var random = SeededRandom(seed: 1 &+ Self.seedOffset)
        for _ in 0..<(3000 * Self.scale) {
            let data = Data(random.bytes(count: 200))
            let decoded = collecting { TextFileReader.decode(data, at: SourceLocation(path: "x.md"), problems: &$0) }
            if let text = decoded.value {
                #expect(!text.contains("\r") && !text.hasPrefix("\u{FEFF}") && decoded.problems.isEmpty)
            } else {
                #expect(decoded.problems.count == 1 && decoded.problems.allSatisfy { $0.severity == .error })
            }
        }
    }

    @Test func parsingRandomYAMLNeverCrashes() {
        var random = SeededRandom(seed: 2 &+ Self.seedOffset)
        for _ in 0..<(3000 * Self.scale) {
            let text = random.text(from: Self.yamlPieces, count: 60)
            var problems: [Diagnostic] = []
            if let document = YAMLDocument.parse(text, path: "i.yml", problems: &problems) {
                _ = IndicatorReader(document: document, expectedID: "i", path: "i.yml").read(problems: &problems)
                _ = SiteConfigReader(document: document).read(problems: &problems)
                _ = PageReader(
                    path: "p.md", sourceFile: "commitments/p.md", slug: "p", kind: .commitment, document: document, body: "",
                    bodyFirstLine: 1
                ).read(problems: &problems)
            }
        }
    }

    @Test func renderingRandomMarkdownNeverCrashes() {
        var random = SeededRandom(seed: 3 &+ Self.seedOffset)
        let renderer = MarkdownRenderer()
        for _ in 0..<(2000 * Self.scale) {
            let text = random.text(from: Self.markdownPieces, count: 80)
            let outline = renderer.render(text, path: "p.md", firstLine: 5).outline
            _ = ContentLint(path: "p.md", kind: .page, body: text, outline: outline, allowsRawHTML: false).check()
            #expect(outline.links.allSatisfy { $0.location.line >= 5 })
        }
    }

    @Test func scanningRandomTemplatesNeverCrashes() {
        var random = SeededRandom(seed: 4 &+ Self.seedOffset)
        for _ in 0..<(2000 * Self.scale) {
            let text = random.text(from: Self.templatePieces, count: 40)
            _ = TemplateTagScanner.tags(in: text)
            _ = try? MustacheParser.parse(text)
        }
    }

    /// Whole-site runs: one base file at a time mutated, then load, validate and render.
    @Test func mutatedSitesGiveDiagnosticsOrPages() throws {
        let site = try ScratchSite(content: TestPaths.corpusBase.appendingPathComponent("content"))
        defer { site.remove() }
        var random = SeededRandom(seed: 5 &+ Self.seedOffset)
        let files = [
            "content/site.yml", "content/priority.md", "content/outcomes/healthier-start.md", "content/commitments/more-homes.md",
            "content/indicators/year6-obesity.yml", "content/indicators/homes-built.yml", "templates/page.mustache",
        ]
        let originals = try files.map { try String(contentsOf: site.root.appendingPathComponent($0), encoding: .utf8) }
        for run in 0..<(150 * Self.scale) {
            let index = run % files.count
            let pieces =
                files[index].hasSuffix(".yml")
                ? Self.yamlPieces : files[index].hasSuffix(".md") ? Self.markdownPieces + Self.yamlPieces : Self.templatePieces
            try site.write(random.mutate(originals[index], with: pieces), to: files[index])
            let result = site.check()
            #expect(result.files != nil || result.report.hasErrors, "run \(run): no pages and no error")
            _ = result.report.rendered(sources: result.sources)
            try site.write(originals[index], to: files[index])
        }
    }
}
