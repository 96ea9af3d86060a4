import Foundation
import Testing

@testable import PlanSiteKit

/// Lints, links and Markdown read ASCII text on its bytes (fast paths); these check on random
/// text that each decides exactly as the Character-by-Character reading, Foundation or the
/// regular expression it stands in for does.
@Suite struct ByteReadingTests {
    @Test func acronymsReadOnBytesAreTheExpressionsMatches() {
        let pieces = [
            "NHS", "JSNA", "ONS", "UK", "A", "B", "s", "S", "the", "The", "(", ")", "\"", ".", "-", "/", "@", "1",
            " ", "  ", "\n", "\t", "x", "SUPPORT", "NOW", "e.g.", ".a", "AB-", "ABs", "ABC.d", "_", "é",
        ]
        var random = SeededRandom(seed: 0xAC20)
        var found = 0
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: 14).filter { $0.isASCII && $0 != "\r" && $0 != "\r\n" }
            let bytes = PlainLanguageLint.asciiAcronyms(in: text)
            let matched = PlainLanguageLint.matchedAcronyms(in: text)
            #expect(bytes.map(\.word) == matched.map(\.word), "\(text.debugDescription)")
            #expect(bytes.map(\.range) == matched.map(\.range), "\(text.debugDescription)")
            found += bytes.count
        }
        #expect(found > 300)
    }

    @Test func blocksReadOnBytesAreTheBlocksReadOnCharacters() {
        let pieces = [
            "word", "Word", " ", "  ", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "| a | b |", "|---|", "```", "~~~", "   ",
            "[link](https://example.org)", "![alt](a.png)", "`code`", "*", "_", "\\", ":", ".", "NHS", "é", "\t",
        ]
        var random = SeededRandom(seed: 0xB1CC)
        for _ in 0..<2000 {
            let body = random.text(from: pieces, count: 30).filter { $0 != "\r" && $0 != "\r\n" }
            let lint = PlainLanguageLint(path: "p.md", lines: body.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 3)
            let (bytes, characters) = (lint.blocks(), lint.blocks(bytesWhenPlain: false))
            #expect(bytes.map(\.text) == characters.map(\.text), "\(body.debugDescription)")
            #expect(bytes.map(\.isHeading) == characters.map(\.isHeading), "\(body.debugDescription)")
            let places = { (block: PlainLanguageLint.Block) in block.text.indices.map { block.location(at: $0) } }
            #expect(
                zip(bytes, characters).allSatisfy { places($0).elementsEqual(places($1)) { $0 == $1 } }, "\(body.debugDescription)")
        }
    }

    @Test func bracketedLinksReadOnBytesAreTheExpressionsMatches() {
        let pieces = ["!", "[", "]", "(", ")", "![", "](", "a", "my photo.jpg", " ", "\n", "<", ">", "x"]
        var random = SeededRandom(seed: 0xB7AC)
        var found = 0
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: 16).filter { $0.isASCII }
            let bytes = ContentLint.asciiBracketedLinks(in: text)
            #expect(bytes == ContentLint.bracketedLinks(in: text), "\(text.debugDescription)")
            found += bytes.count
            for link in bytes {
                #expect(
                    ContentLint.trimmingSpacesAndTabs(text[link.address]) == text[link.address].trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(found > 50)
    }

    @Test func addressesReadOnBytesAreReadAsOnCharacters() {
        let pieces = [
            "#", "/", "//", "\\", "http", "HTTPS", "mailto", "java", "script", ":", "a", "1", "+", ".", "-", "x y", " ", "?", "é",
            "data", "../", "index.md",
        ]
        var random = SeededRandom(seed: 0xADD2)
        for _ in 0..<3000 {
            let url = random.text(from: pieces, count: 6)
            let printable = url.utf8.allSatisfy { (0x20..<0x80).contains($0) } && url.first != " " && url.last != " "
            guard printable else { continue }
            #expect(AddressKind(printableASCII: url) == AddressKind(anyText: url), "\(url.debugDescription)")
        }
    }

    @Test func linkTextNormalisedOnBytesAsOnCharacters() {
        let pieces = [
            "Read", "MORE", "here", " ", "  ", "\t", "\n", "\r\n", ".", ",", "!", "?", "\"", "'", "(", ")", "[", "]", ">", "www.", "x",
        ]
        var random = SeededRandom(seed: 0x7E47)
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: 10).filter(\.isASCII)
            #expect(TextRules.asciiNormalised(text) == TextRules.characterNormalised(text), "\(text.debugDescription)")
        }
    }

    @Test func linesAreFoundOnBytesAsTheSplitOnCharactersFindsThem() {
        let pieces = ["a", "\n", "\r\n", "\r", "\n\r", "é", "e\u{301}", "\u{301}", " ", "\n\n"]
        var random = SeededRandom(seed: 0x11E5)
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: 12)
            #expect(MarkdownRenderer.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func columnsFoundOnBytesAsOnCharacters() {
        let pieces = ["[", "![", "<", "link", "https://a.org", "text", " ", "(", ")", "]", "x"]
        var random = SeededRandom(seed: 0xC01A)
        for _ in 0..<3000 {
            let line = random.text(from: pieces, count: 10).filter { $0.isASCII && $0 != "\r" && $0 != "\r\n" && $0 != "\n" }
            let needles = [random.text(from: pieces, count: 3), "[" + random.text(from: pieces, count: 2), "["]
                .map { $0.filter { $0.isASCII && $0 != "\r" && $0 != "\r\n" } }.filter { !$0.isEmpty }
            let hint = random.integer(1...(line.count + 2))
            #expect(
                MarkdownOutline.asciiColumn(of: needles, in: line[...], hint: hint)
                    == MarkdownOutline.characterColumn(of: needles, in: line[...], hint: hint),
                "\(line.debugDescription) \(needles) \(hint)")
        }
    }

    @Test func templateAssetsReadOnScalarsAreTheExpressionsMatches() {
        let pieces = [
            "{{assets_href}}/", "{{{assets_href}}}/", "{{ assets_href }}/", "{{", "}}", "}", "{", "assets/", "assets_href", "logo.svg",
            "\"", "'", " ", "\n", "=", "(", ")", "?", "#", "<", ">", "img/", "·", "x",
        ]
        var random = SeededRandom(seed: 0xA55E)
        var found = 0
        for _ in 0..<3000 {
            let source = random.text(from: pieces, count: 12).filter { $0 != "\r" && $0 != "\r\n" }
            let scalars = TemplateAssetLint.scalarReferences(in: source)
            let matched = source.matches(of: TemplateAssetLint.reference).map { ($0.range.lowerBound, $0.output.1) }
            #expect(scalars.map(\.start) == matched.map(\.0), "\(source.debugDescription)")
            #expect(scalars.map(\.path) == matched.map(\.1), "\(source.debugDescription)")
            found += scalars.count
        }
        #expect(found > 300)
    }
}
