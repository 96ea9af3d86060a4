import Foundation
import Testing

@testable import PlanSiteKit

/// Builds the real site (`content/`) in a pseudo-language: a word file made from en-GB.yml with
/// every entry wrapped in ⟦…⟧ (placeholders kept). Every word a reader can see or hear (the text of
/// every page, and its alt, aria-label and title attributes) must then be inside the markers, or
/// come from the content itself (titles, names, periods, the words of Markdown pages), or be a
/// number. A word left over was written by the generator without going through the word file.
@Suite("Pseudo-language build")
struct PseudoLanguageTests {
    static let open: Character = "⟦"
    static let close: Character = "⟧"

    /// Each text of the English file wrapped in markers, as YAML.
    static func pseudoWordFile() throws -> String {
        var lines = ["# Every entry of en-GB.yml in markers, for PseudoLanguageTests."]
        let quote = { (text: String) in
            "\"" + "\(open)\(text)\(close)".replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        for (key, entry) in Words.english.entries.sorted(by: { $0.key < $1.key }) {
            let text = { (pieces: [WordEntry.Piece]) in
                pieces.map {
                    switch $0 {
                    case .text(let text): text
                    case .placeholder(let name): "{\(name)}"
                    }
                }.joined()
            }
            if entry.isPlural {
                lines.append("\(key):")
                for (category, pieces) in entry.forms.sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(category.rawValue): \(quote(text(pieces)))")
                }
            } else {
                lines.append("\(key): \(quote(text(entry.forms[.other] ?? [])))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A content folder and the templates in a scratch folder, with `language: qps` and its word file.
    static func pseudoSite(from source: URL) throws -> (content: URL, templates: URL) {
        let root = TestPaths.scratch("pseudo")
        let content = root.appendingPathComponent("content")
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: source, to: content)
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        try pseudoWordFile().write(to: templates.appendingPathComponent("words/qps.yml"), atomically: true, encoding: .utf8)
        let siteFile = content.appendingPathComponent("site.yml")
        let site = try String(contentsOf: siteFile, encoding: .utf8)
        #expect(site.contains("\nlanguage: en-GB\n"))
        try site.replacingOccurrences(of: "\nlanguage: en-GB\n", with: "\nlanguage: qps\n").write(
            to: siteFile, atomically: true, encoding: .utf8)
        return (content, templates)
    }

    /// Every file under `content/` as one text, as `normalised` reads it: what pages may show unmarked.
    static func contentText(_ folder: URL) -> String {
        var texts: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            if let text = try? String(contentsOf: file, encoding: .utf8) { texts.append(normalised(text)) }
        }
        // A figure reference ({{id.latest}}) stands where the page shows a figure or a period.
        return texts.joined(separator: "\n").replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "\u{2}", options: .regularExpression)
    }

    /// A number or a period as pages write them: "1,234", "57.7%", "2019-21".
    static let figure = #"[0-9][0-9.,/%-]*"#

    /// Whether the content holds the phrase, where each figure in it may stand for any figure or a reference.
    static func contentHolds(_ phrase: String, in content: String) -> Bool {
        guard phrase.contains(where: \.isNumber) else { return content.contains(phrase) }
        let literal = phrase.replacingOccurrences(of: figure, with: "\u{3}", options: .regularExpression)
        let pattern = literal.split(separator: "\u{3}", omittingEmptySubsequences: false)
            .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "(?:\(figure)|\u{2})")
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: content, range: NSRange(content.startIndex..., in: content)) != nil
    }

    /// Lower case, one space for any run of spaces, plain quotes, no Markdown emphasis.
    static func normalised(_ text: String) -> String {
        var result = text.lowercased()
        for (from, to) in [
            ("\\\"", "\""), ("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("*", ""), ("_", ""), ("`", ""),
        ] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The real site, and the test sites with a breakdown of each kind and the smallest site.
    static let sites = ["content", "Tests/Fixtures/sites/breakdown-site/content", "Tests/PlanSiteKitTests/Fixtures/mini-site/content"]

    @Test(arguments: sites)
    func everyWordOnEveryPageComesFromTheWordFileOrTheContent(_ site: String) throws {
        let (content, templates) = try Self.pseudoSite(from: TestPaths.packageRoot.appendingPathComponent(site))
        var options = BuildOptions.testing(content: content, templates: templates)
        // Test results for the accessibility statement: their figures and check names are the audit's, not words.
        let results = AccessibilityStatementTests.results(date: "2026-12-01", pages: 41, failures: [0, 2, 1])
        options.auditResults = content.deletingLastPathComponent().appendingPathComponent("results.json")
        try results.write(to: options.auditResults!, atomically: true, encoding: .utf8)
        let result = BuildPipeline(options: options).run()
        #expect(!result.report.hasErrors, "\(result.report.diagnostics.map(\.message).prefix(5))")
        let pages = (result.files ?? []).filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 3)
        let found = Self.leftovers(
            in: pages.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) },
            allowed: Self.contentText(content) + "\n" + Self.normalised(results))
        #expect(found.isEmpty, "words written outside the word file:\n\(found.joined(separator: "\n"))")
        // The markers reached the pages: the pseudo-language is in use, not English.
        #expect(pages.allSatisfy { String(decoding: $0.contents, as: UTF8.self).contains(Self.open) })
    }

    /// The same reading of a site built elsewhere (PLANSITE_PSEUDO_CHECK=<folder>), such as one built
    /// before the words had a file: every generated word is then a leftover.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANSITE_PSEUDO_CHECK"] != nil))
    func aSiteBuiltElsewhere() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PLANSITE_PSEUDO_CHECK"]!)
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var pages: [(String, String)] = []
        while let file = walker?.nextObject() as? URL {
            guard file.pathExtension == "html" else { continue }
            pages.append((file.path.replacingOccurrences(of: folder.path + "/", with: ""), try String(contentsOf: file, encoding: .utf8)))
        }
        let found = Self.leftovers(in: pages, allowed: Self.contentText(TestPaths.packageRoot.appendingPathComponent("content")))
        #expect(found.isEmpty, "\(found.count) words written outside the word file:\n\(found.joined(separator: "\n"))")
    }

    /// Each page's phrases outside the markers that the content does not have: "page: phrase".
    static func leftovers(in pages: [(path: String, html: String)], allowed: String) -> [String] {
        var known: [String: Bool] = [:]
        var found: [String] = []
        for (path, html) in pages.sorted(by: { $0.path < $1.path }) {
            let (text, attributes) = VisibleText.read(html)
            for phrase in ([text] + attributes).flatMap(unmarked) {
                let key = normalised(phrase)
                let isContent = known[key] ?? contentHolds(key, in: allowed)
                known[key] = isContent
                if !isContent { found.append("\(path): \(phrase)") }
            }
        }
        return found
    }

    /// The phrases outside ⟦…⟧ (which nest: a sentence may hold other entries) that hold a letter:
    /// text between markers, tags and sentence punctuation, so a page title's " – " between two
    /// names, or a list's commas, do not join names into one phrase the content never wrote.
    static func unmarked(_ text: String) -> [String] {
        var depth = 0
        var phrases: [String] = []
        var phrase = ""
        func end() {
            let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            if trimmed.contains(where: \.isLetter) { phrases.append(trimmed) }
            phrase = ""
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == open {
                if depth == 0 { end() }
                depth += 1
            } else if character == close {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let stop = ",;:()[]|\u{2013}\u{2014}\u{1}".contains(character) || (character == "." && next.isWhitespace)
                if stop { end() } else { phrase.append(character) }
            }
        }
        end()
        return phrases
    }
}

/// The text a reader gets from a page: every text node (scripts and styles left out) in order,
/// joined as one text so a sentence with a link inside reads whole, and the alt, aria-label and
/// title attributes, each on its own. Entities are decoded; a textarea's code is read as the HTML it is.
enum VisibleText {
    static func read(_ html: String) -> (text: String, attributes: [String]) {
        var text = ""
        var attributes: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            text += decode(String(rest[..<open]))
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let end = rest.firstIndex(of: ">") else { break }
            let tag = String(rest[rest.index(after: rest.startIndex)..<end])
            rest = rest[rest.index(after: end)...]
            let name = tag.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name == "script" || name == "style" {
                rest = rest.range(of: "</\(name)>").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            // A textarea of code to copy (an indicator's embed code) holds HTML: read its words as that HTML's.
            if name == "textarea", let close = rest.range(of: "</textarea>") {
                let code = read(decode(String(rest[..<close.lowerBound])))
                text += "\u{1}" + code.text + "\u{1}"
                attributes += code.attributes
                rest = rest[close.upperBound...]
                continue
            }
            for attribute in ["alt", "aria-label", "title"] {
                if let value = value(of: attribute, in: tag) { attributes.append(decode(value)) }
            }
            // A tag ends a phrase (U+0001 marks it): text either side is not one run of words.
            text += "\u{1}"
        }
        text += decode(String(rest))
        return (text, attributes)
    }

    private static func value(of attribute: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(attribute)=\"") else { return nil }
        let after = tag[start.upperBound...]
        return after.firstIndex(of: "\"").map { String(after[..<$0]) }
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
