import Foundation
import Testing

@testable import PlanSiteKit

/// The plural rules against the Unicode CLDR's own examples: each category's `@integer` and
/// `@decimal` samples as plurals.xml publishes them (CLDR 44, common/supplemental/plurals.xml;
/// the same in every release since CLDR 24 for these languages).
@Suite("Plural rules (CLDR)")
struct PluralRulesTests {
    /// CLDR's samples for English: `one: i = 1 and v = 0`.
    static let english: [(PluralCategory, String)] = [
        (.one, "@integer 1"),
        (
            .other,
            "@integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"
        ),
    ]

    /// CLDR's samples for Welsh: zero `n = 0`, one `n = 1`, two `n = 2`, few `n = 3`, many `n = 6`.
    static let welsh: [(PluralCategory, String)] = [
        (.zero, "@integer 0 @decimal 0.0, 0.00, 0.000, 0.0000"),
        (.one, "@integer 1 @decimal 1.0, 1.00, 1.000, 1.0000"),
        (.two, "@integer 2 @decimal 2.0, 2.00, 2.000, 2.0000"),
        (.few, "@integer 3 @decimal 3.0, 3.00, 3.000, 3.0000"),
        (.many, "@integer 6 @decimal 6.0, 6.00, 6.000, 6.0000"),
        (
            .other,
            "@integer 4, 5, 7~20, 100, 1000, 10000, 100000, 1000000, … @decimal 0.1~0.9, 1.1~1.7, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"
        ),
    ]

    /// Every number a CLDR sample list names: "2~16" is each integer from 2 to 16, "0.0~1.5" each
    /// number from 0.0 to 1.5 in steps of the last written digit, "…" is dropped.
    static func samples(_ text: String) -> [String] {
        var numbers: [String] = []
        for item in text.replacingOccurrences(of: "@integer", with: ",").replacingOccurrences(of: "@decimal", with: ",")
            .split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty && item != "…"
        {
            let ends = item.split(separator: "~").map(String.init)
            guard ends.count == 2 else {
                numbers.append(item)
                continue
            }
            let decimals = ends[0].split(separator: ".").dropFirst().first?.count ?? 0
            let step = pow(10, Double(-decimals))
            var value = Double(ends[0])!
            while value <= Double(ends[1])! + step / 2 {
                numbers.append(String(format: "%.\(decimals)f", value))
                value += step
            }
        }
        return numbers
    }

    func check(_ rule: PluralRule, _ examples: [(PluralCategory, String)]) {
        var seen = 0
        for (category, list) in examples {
            for number in Self.samples(list) {
                let operands = PluralOperands(number)
                #expect(operands != nil, "\(number) is read")
                if let operands { #expect(rule.category(for: operands) == category, "\(rule.language) \(number)") }
                seen += 1
            }
        }
        #expect(seen > 20)
    }

    @Test func englishMatchesCLDR() {
        check(.english, Self.english)
        #expect(PluralRule.forLanguage("en-GB").language == "en")
    }

    @Test func welshMatchesCLDRWithItsSixForms() {
        check(.welsh, Self.welsh)
        #expect(PluralRule.welsh.categories == [.zero, .one, .two, .few, .many, .other])
        #expect(PluralRule.forLanguage("cy").language == "cy" && PluralRule.forLanguage("cy-GB").language == "cy")
        #expect(
            (0...10).map { PluralRule.welsh.category(for: $0) } == [
                .zero, .one, .two, .few, .other, .other, .many, .other, .other, .other, .other,
            ])
    }

    @Test func aLanguageWithoutARuleFallsBackToOneAndOther() {
        let rule = PluralRule.forLanguage("qps")
        #expect(rule.language == "fallback" && rule.categories == [.other])
        #expect(rule.category(for: 1) == .one && rule.category(for: 0) == .other && rule.category(for: 2) == .other)
    }

    @Test func operandsAreReadAsWritten() {
        #expect(PluralOperands("1.50") == PluralOperands(n: 1.5, i: 1, v: 2))
        #expect(PluralOperands("-3") == PluralOperands(n: 3, i: 3, v: 0))
        #expect(PluralOperands("1e3") == nil && PluralOperands("") == nil)
    }
}
