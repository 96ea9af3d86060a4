import Testing

@testable import PlanSiteKit

/// SourceCache keeps files whole and finds a quoted line on demand; these check it
/// numbers lines exactly as splitting the text on Character "\n" did.
@Suite("Source cache")
struct SourceCacheTests {
    static func splitLine(_ number: Int, of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    @Test func linesAreNumberedAsSplittingOnLineBreaksDid() {
        let texts = [
            "", "one", "one\n", "\n\n", "a\nb\nc", "a\r\nb\nc\r", "é\u{301}\nx\u{1F600}\n\nlast",
            "\r\n\r\n", "\r\r\n\n", "title: x\n  - { period: \"2019\" }\n",
        ]
        for text in texts {
            var cache = SourceCache()
            cache.record(text, for: "content/a.yml")
            for number in -1...8 {
                #expect(
                    cache.line(number, of: "content/a.yml") == Self.splitLine(number, of: text),
                    "line \(number) of \(text.debugDescription)")
            }
        }
    }

    @Test func randomTextAgrees() {
        for seed in UInt64(1)...300 {
            var random = SeededRandom(seed: seed)
            let text = random.text(from: ["\n", "\r", "\r\n", "a", "é", "\u{301}", " ", "\u{1F600}"], count: 40)
            var cache = SourceCache()
            cache.record(text, for: "p")
            let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for number in 0...(count + 1) {
                #expect(cache.line(number, of: "p") == Self.splitLine(number, of: text), "seed \(seed), line \(number)")
            }
        }
    }

    @Test func mergeKeepsTheNewerTextAndUnknownPathsHaveNoLines() {
        var first = SourceCache()
        var second = SourceCache()
        first.record("old\nfile", for: "a")
        first.record("kept", for: "b")
        second.record("new\nfile", for: "a")
        first.merge(second)
        #expect(first.line(1, of: "a") == "new")
        #expect(first.line(1, of: "b") == "kept")
        #expect(first.line(1, of: "missing") == nil)
    }
}
