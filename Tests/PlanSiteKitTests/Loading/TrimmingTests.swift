import Foundation
import Testing

@testable import PlanSiteKit

/// YAML values are trimmed without NSString; the result must be Foundation's.
@Suite struct TrimmingTests {
    @Test func trimsAsFoundationDoes() {
        let samples = [
            "", " ", "\n", "a", " a ", "a\n", "line one\nline two\n\n", "\t x \t", "\u{a0}x\u{a0}", "\u{2003}x\u{3000}",
            "x \u{301}", " \u{301}x", "\r\n x \r\n", "\u{85}x\u{2028}", "😀 ", " 😀", "é\n", "\u{200b}x\u{200b}",
        ]
        for sample in samples {
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                #expect(sample.trimmed(set) == sample.trimmingCharacters(in: set), "\(sample.debugDescription)")
            }
        }
    }
}
