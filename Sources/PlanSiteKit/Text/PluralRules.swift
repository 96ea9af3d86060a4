import Foundation

/// The plural categories of the Unicode CLDR: every language picks its forms of a counted
/// word from these six names, though most use only some ("one" and "other" in English).
public enum PluralCategory: String, CaseIterable, Sendable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The operands CLDR's rules are written in (UTS #35, "Plural Operand Meanings"): n is the
/// absolute value, i its integer digits, v the count of visible fraction digits (1.50 has v = 2).
public struct PluralOperands: Sendable, Equatable {
    public var n: Double
    public var i: Int
    public var v: Int

    public init(n: Double, i: Int, v: Int) {
        (self.n, self.i, self.v) = (n, i, v)
    }

    public init(_ count: Int) {
        n = Double(abs(count))
        i = abs(count)
        v = 0
    }

    /// A number as written ("1", "1.0", "2.50"), since "1.0" and "1" may take different forms; nil when it is no number.
    public init?(_ written: String) {
        var text = written.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("-") { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
            let integer = Int(whole), let value = Double(text)
        else { return nil }
        let fraction = parts.count > 1 ? parts[1] : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        n = value
        i = integer
        v = fraction.count
    }
}

/// Which plural form a number takes in a language, by the rules of the Unicode CLDR
/// (https://unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html;
/// the data is common/supplemental/plurals.xml, "cardinal" rules, unchanged since CLDR 24
/// for the languages here). Each rule below quotes CLDR's condition; `PluralRulesTests`
/// checks them against CLDR's own published examples (`@integer` and `@decimal`).
public struct PluralRule: Sendable {
    /// The language the rule is for ("en", "cy"), or "fallback".
    public let language: String
    /// The categories the language uses, in CLDR's order, "other" last.
    public let categories: [PluralCategory]
    private let choose: @Sendable (PluralOperands) -> PluralCategory

    public func category(for operands: PluralOperands) -> PluralCategory { choose(operands) }
    public func category(for count: Int) -> PluralCategory { choose(PluralOperands(count)) }

    /// The rule for a language tag ("en-GB", "cy", "cy-GB"), by its first subtag; the fallback
    /// for a language PlanSite has no rule for.
    public static func forLanguage(_ tag: String) -> PluralRule {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return rules[primary] ?? fallback
    }

    public static let rules: [String: PluralRule] = ["en": english, "cy": welsh]

    /// CLDR "en": one → i = 1 and v = 0; other → everything else.
    public static let english = PluralRule(language: "en", categories: [.one, .other]) { o in
        o.i == 1 && o.v == 0 ? .one : .other
    }

    /// CLDR "cy" (Welsh): zero → n = 0; one → n = 1; two → n = 2; few → n = 3; many → n = 6;
    /// other → everything else (4, 5, 7 and on, and fractions).
    public static let welsh = PluralRule(language: "cy", categories: [.zero, .one, .two, .few, .many, .other]) { o in
        switch o.n {
        case 0: .zero
        case 1: .one
        case 2: .two
        case 3: .few
        case 6: .many
        default: .other
        }
    }

    /// A language without a rule here: "one" for exactly 1 (written without decimals), as in
    /// most languages of Europe, "other" for every other number. A word file for such a
    /// language needs only the "other" form; "one" is used when it is given.
    public static let fallback = PluralRule(language: "fallback", categories: [.other]) { o in
        o.n == 1 && o.v == 0 ? .one : .other
    }
}
