import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct PatternsTests {
    /// Compiling each pattern here, in the test process, is what keeps a broken one out of a release.
    @Test func everyPatternCompilesAndMatchesItsExample() {
        for (name, regex, example) in Patterns.all {
            let range = NSRange(example.startIndex..., in: example)
            #expect(regex().firstMatch(in: example, range: range) != nil, "\(name) does not match \(example.debugDescription)")
        }
        #expect(Patterns.all.count == Set(Patterns.all.map(\.name)).count)
    }

    /// A pattern added to `Patterns` but not to `all` would escape the test above.
    @Test func allListsEveryDeclaredPattern() throws {
        let source = try String(contentsOf: sourceFile("Sources/PlanSiteKit/Text/Patterns.swift"), encoding: .utf8)
        let declared = source.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "static let "), line.contains("= compile(") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != " " })
        }
        #expect(Set(declared) == Set(Patterns.all.map(\.name)))
        #expect(declared.count == Patterns.all.count)
    }

    @Test func noPatternIsDeclaredOutsidePatterns() throws {
        let sources = sourceFile("Sources")
        let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let relative as String in walker where relative.hasSuffix(".swift") && relative != "PlanSiteKit/Text/Patterns.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            #expect(!text.contains("NSRegularExpression("), "\(relative) compiles its own expression: declare it in Patterns")
            #expect(!text.contains(".regularExpression"), "\(relative) matches an undeclared expression: declare it in Patterns")
        }
    }

    private func sourceFile(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../" + relative).standardizedFileURL
    }
}
