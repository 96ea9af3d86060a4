import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct PlainLanguageLintTests {
    private func lint(_ body: String, firstLine: Int = 5, summary: String = "") -> [Diagnostic] {
        PlainLanguageLint(
            path: "content/pages/x.md", lines: body.split(separator: "\n", omittingEmptySubsequences: false),
            firstLine: firstLine, precedingText: summary
        ).check()
    }

    private func words(_ n: Int) -> String { (1...n).map { "word\($0)" }.joined(separator: " ") }

    @Test func sentenceOverThirtyWordsIsReportedAtItsStart() {
        let body = "Short one. \(words(31)).\n\nAnother short one."
        let problems = lint(body)
        #expect(problems.count == 1)
        #expect(
            problems.first?.description.hasPrefix(
                "content/pages/x.md:5:12: warning: sentence \"word1 word2 word3 word4 word5 word6 …\" has 31 words; split it") == true)
    }

    @Test func thirtyWordsIsFine() {
        #expect(lint("\(words(30)).").isEmpty)
    }

    @Test func sentenceAcrossLinesAndLinksCountsWhatReadersSee() {
        // The link's address is not words; the sentence goes on over the next line.
        let body = "See [the housing strategy](https://example.org/a/very/long/address/with/many/parts) for \(words(19))\nand \(words(6))."
        let problems = lint(body, firstLine: 10)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("has 31 words") == true)
        #expect(problems.first?.location == SourceLocation(path: "content/pages/x.md", line: 10, column: 1))
    }

    @Test(arguments: [
        "e.g. this (No. 2) is one sentence with Dr. Smith and J. Bloggs and a figure of 57.7% of \(String(repeating: "x ", count: 10))end.",
        "Luton Council\\\nTown Hall\\\nGeorge Street\\\nLuton\\\nLU1 2BQ",
    ])
    func abbreviationsAndAddressesDoNotJoinOrSplitSentencesWrongly(_ body: String) {
        #expect(lint(body).isEmpty)
    }

    @Test func abbreviationsDoNotEndASentence() {
        let sentences = PlainLanguageLint.sentences(in: "See e.g. the Act (No. 2) by Dr. Who. Then another! And a third?")
        #expect(
            sentences.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "See e.g. the Act (No. 2) by Dr. Who.", "Then another!", "And a third?",
            ])
    }

    @Test func acronymNotExpandedIsReportedOnceAtFirstUse() {
        let body = "The JSNA says so.\n\nThe JSNA says it again."
        let problems = lint(body)
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(path: "content/pages/x.md", line: 5, column: 5))
        #expect(
            problems.first?.message.contains(
                "acronym \"JSNA\" is not explained on its first use on this page; write the words in full the first time, then the acronym in brackets"
            ) == true)
    }

    @Test(arguments: [
        "The Joint Strategic Needs Assessment (JSNA) says so. The JSNA again.",
        "The JSNA (Joint Strategic Needs Assessment) says so. The JSNA again.",
        "The NHS and the UK, in a CSV or PDF file, meet level AA.",
        "A quoted title: \"HLE at birth for England's UTLAs\".",
        "SUPPORT IS AVAILABLE NOW.",
        "A postcode LU1 2BQ and an indicator A01b, and `CODE` in code.",
    ])
    func noWrongAcronymWarnings(_ body: String) {
        #expect(lint(body).isEmpty)
    }

    @Test func expandedInTheSummaryCounts() {
        #expect(lint("The PHOF says so.", summary: "Figures from the Public Health Outcomes Framework (PHOF).").isEmpty)
    }

    @Test func linkAddressesAndCodeAreNotText() {
        #expect(lint("See [the data](https://example.org/JSNA-summary.aspx) and ![ALT](IMG.png).").isEmpty)
    }

    @Test func indicatorNotesColumnsCountTheYAMLIndentation() {
        let file = "id: x\nnotes: |\n  The ONS says so.\n"
        let lint = PlainLanguageLint(
            path: "content/indicators/x.yml", lines: ["The ONS says so."], firstLine: 3,
            fileLine: { file.split(separator: "\n", omittingEmptySubsequences: false).dropFirst($0 - 1).first })
        #expect(lint.check().map(\.location) == [SourceLocation(path: "content/indicators/x.yml", line: 3, column: 7)])
    }

    /// The column comes from the file the build loaded, not from a file of the same name under
    /// the working folder (validation once read `content/…` from disk by its display path).
    @Test func notesColumnsComeFromTheLoadedFileWhereverTheSiteIs() throws {
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let relative = "content/indicators/adults-physically-active.yml"
        let original = try String(contentsOf: scratch.root.appendingPathComponent(relative), encoding: .utf8)
        let notes = original.range(of: "notes: |\n")!
        let rest = original[notes.upperBound...]
        let end = rest.range(of: "\n[a-z_]+:", options: .regularExpression)?.lowerBound ?? rest.endIndex
        try scratch.write(
            original[..<notes.upperBound] + "      The QZX team says so.\n" + original[end...], to: relative)
        let warning = try #require(
            scratch.check().report.diagnostics.first { $0.location.path.hasSuffix(relative) && $0.message.contains("QZX") })
        #expect(warning.location.line == 17)
        #expect(warning.location.column == 11)
    }

    /// The priority's narrative, as Luton 2040 published it, gives only warnings a person would agree
    /// with: five long sentences, and no acronym (Covid-19 is a word here). content/ marks it `verbatim: true`.
    @Test func publishedNarrativeGivesOnlyRightWarnings() throws {
        let text = try String(contentsOf: TestPaths.realContent.appendingPathComponent("priority.md"), encoding: .utf8)
        let body = text.components(separatedBy: "\n---\n")[1]
        let problems = PlainLanguageLint(
            path: "content/priority.md", lines: body.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 1
        ).check()
        let counts = problems.compactMap { p in
            p.message.range(of: #"has \d+ words"#, options: .regularExpression).map { String(p.message[$0]) }
        }
        #expect(counts == ["has 37 words", "has 32 words", "has 31 words", "has 32 words", "has 39 words"])
        #expect(!problems.contains { $0.message.contains("acronym") })
    }
}

/// The lints read ASCII text byte by byte (fast paths); these check that they decide
/// exactly as the Character-by-Character reading (or the regular expression) does.
@Suite struct TextLintFastPathTests {
    static let pieces = [
        "word", "Word", "WORD", "e.g.", "No.", "etc.", "J.", "(", ")", "\"", ".", "!", "?", " ", "  ",
        "\t", "\n", "\u{0B}", "the", "The", "the the", "a A", "1", "_", "-", ",", "...", "end.", "x",
    ]

    @Test func asciiSentencesSplitAsCharacterSentencesDo() {
        var random = SeededRandom(seed: 0x5E47)
        for _ in 0..<3000 {
            let text = random.text(from: Self.pieces, count: 40).filter { $0 != "\r" && $0 != "\r\n" }
            guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { continue }
            #expect(
                PlainLanguageLint.asciiSentences(in: text) == PlainLanguageLint.characterSentences(in: text), "\(text.debugDescription)")
        }
    }

    @Test func theRepeatedWordPrecheckPassesEveryTextTheExpressionMatches() throws {
        let regex = Patterns.repeatedWord
        var random = SeededRandom(seed: 0x2E9E)
        var matched = 0
        var skipped = 0
        for _ in 0..<3000 {
            let text = random.text(from: Self.pieces, count: 12)
            let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if matches {
                matched += 1
                #expect(ContentLint.mayRepeatAWord(text), "\(text.debugDescription)")
            }
            if !ContentLint.mayRepeatAWord(text) { skipped += 1 }
        }
        // Both kinds occur, so the check above is not empty and the precheck does skip text.
        #expect(matched > 100 && skipped > 100)
        #expect(!ContentLint.mayRepeatAWord("A clean sentence, with no word twice in a row."))
        #expect(
            ContentLint.mayRepeatAWord("It is is here.") && ContentLint.mayRepeatAWord("The the") && ContentLint.mayRepeatAWord("café café")
        )
    }
}

extension TextLintFastPathTests {
    static let inlinePieces = [
        "word", " ", "[", "]", "(", ")", "![", "<", ">", "https:", "a@b", "`", "*", "**", "_", "a_b", "\\",
        "#", "## ", "- ", "* ", "+ ", "1. ", "12) ", "1234567890. ", "> ", ">", "|", "   ", "\t", "x",
    ]

    @Test func asciiLinesReadAsBytesGiveTheSameTextAndColumnsAsCharacters() {
        var random = SeededRandom(seed: 0x1A11)
        let lint = PlainLanguageLint(path: "p.md", lines: [], firstLine: 1)
        for _ in 0..<3000 {
            let line = random.text(from: Self.inlinePieces, count: 16).filter { $0.isASCII && $0 != "\r" && $0 != "\r\n" && $0 != "\n" }
            for skip in [0, 2] {
                var bytes = PlainLanguageLint.Block()
                var characters = PlainLanguageLint.Block()
                lint.appendInline(line[...], from: min(skip, line.count), line: 7, to: &bytes, asBytes: true)
                lint.appendInline(line[...], from: min(skip, line.count), line: 7, to: &characters, asBytes: false)
                #expect(bytes.text == characters.text, "\(line.debugDescription)")
                let columns = { (block: PlainLanguageLint.Block) in block.text.indices.map { block.location(at: $0).column } }
                #expect(columns(bytes) == columns(characters), "\(line.debugDescription)")
            }
        }
    }

    @Test func theBlockStartIsReadByHandAsTheExpressionReadsIt() {
        var random = SeededRandom(seed: 0xB10C)
        var matched = 0
        for _ in 0..<3000 {
            let line = random.text(from: Self.inlinePieces, count: 5).filter { $0.isASCII && $0 != "\r" && $0 != "\r\n" }
            let byHand = PlainLanguageLint.blockStartEnd(line[...], asBytes: true)
            #expect(byHand == PlainLanguageLint.blockStartEnd(line[...], asBytes: false), "\(line.debugDescription)")
            if byHand != nil { matched += 1 }
        }
        #expect(matched > 300)
    }
}
