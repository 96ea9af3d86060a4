import Foundation

/// `{{indicator-id.field}}` written in a Markdown body: replaced at build time by the
/// figure as the indicator's page shows it, so the words never quote a stale number.
/// Two braces and a dot, inside ordinary text only (not code spans, not link addresses);
/// the replacement becomes a text node, which cmark escapes, so it can never add markup.
/// Mustache never sees it: rendered Markdown reaches templates as a finished value.
public struct FigureReference: Sendable, Equatable {
    public var id: String
    public var field: String
    /// Where in the text node's string it is written.
    var range: Range<String.Index>

    /// What a reference may name, in the order the docs list them.
    public enum Field: String, CaseIterable, Sendable {
        case latest, period, england, comparison, target, change
    }

    /// Every reference in a piece of text, in order.
    public static func scan(_ text: String) -> [FigureReference] {
        guard mayHoldReference(text) else { return [] }
        return Patterns.figureReference.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let whole = Range(match.range, in: text), let id = Range(match.range(at: 1), in: text),
                let field = Range(match.range(at: 2), in: text)
            else { return nil }
            return FigureReference(id: String(text[id]), field: String(text[field]), range: whole)
        }
    }

    /// Whether the text has "{{", which every reference starts with. Most text has none: looked for
    /// on bytes (Foundation's `contains` bridges to NSString; a `zip` of two byte views was 2.4% of a build).
    static func mayHoldReference(_ text: String) -> Bool {
        text.hasBytes(UInt8(ascii: "{"), UInt8(ascii: "{"))
    }

    /// The text with each of `references` (in order) replaced by what `replacement` gives, or kept
    /// when it gives nil. Built front to back: replacing in place moved the rest of the text each time.
    static func replacing(
        _ references: [FigureReference], in text: String,
        with replacement: (FigureReference) -> String?
    ) -> String {
        guard !references.isEmpty else { return text }
        var result = ""
        var copied = text.startIndex
        result.reserveCapacity(text.utf8.count)
        for reference in references {
            guard let new = replacement(reference) else { continue }
            result += text[copied..<reference.range.lowerBound]
            result += new
            copied = reference.range.upperBound
        }
        return result + text[copied...]
    }
}

/// Turns references into figures, and explains the ones it cannot.
public struct FigureResolver: Sendable {
    public var site: Site

    public init(site: Site) { self.site = site }

    /// The text with each reference that resolves replaced; one that does not is left as written
    /// (the check reports it and the build stops).
    public func substitute(_ text: String) -> String {
        FigureReference.replacing(FigureReference.scan(text), in: text) { try? resolve($0).get() }
    }

    public func resolve(_ reference: FigureReference) -> Result<String, ReferenceProblem> {
        guard let indicator = site.indicator(reference.id) else {
            let nearest = site.indicators.map(\.id).min {
                ($0.editDistance(to: reference.id), $0) < ($1.editDistance(to: reference.id), $1)
            }
            let hint = nearest.flatMap {
                $0.editDistance(to: reference.id) <= max(2, reference.id.count / 4) ? "; did you mean `\($0)`?" : nil
            }
            return .failure(ReferenceProblem("no indicator has the id `\(reference.id)`" + (hint ?? "")))
        }
        guard let field = FigureReference.Field(rawValue: reference.field) else {
            let names = FigureReference.Field.allCases.map(\.rawValue)
            let nearest = names.min {
                ($0.editDistance(to: reference.field.lowercased()), $0) < ($1.editDistance(to: reference.field.lowercased()), $1)
            }
            let hint = nearest.flatMap { $0.editDistance(to: reference.field.lowercased()) <= 2 ? "; did you mean `\($0)`?" : nil }
            return .failure(
                ReferenceProblem(
                    "unknown field `\(reference.field)`; a reference names one of \(names.joined(separator: ", "))" + (hint ?? "")))
        }
        return .success(FigureText(indicator: indicator, site: site).text(field))
    }
}

public struct ReferenceProblem: Error, Sendable, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}

/// Each field's words, from the same verdicts the indicator's page reads.
struct FigureText {
    var indicator: Indicator
    var site: Site

    private var words: Words { site.words }

    /// The same answers the indicator's page gives.
    private var verdicts: IndicatorVerdicts { IndicatorVerdicts(indicator: indicator, site: site) }

    func text(_ field: FigureReference.Field) -> String {
        let latest = verdicts.latest
        switch field {
        case .latest:
            return latest?.value.map(verdicts.formattedWithUnit) ?? words(.figureReferenceNoFigure)
        case .period:
            return latest.map { PeriodText.display($0.period, words) } ?? words(.figureReferenceNoPeriod)
        case .england:
            let national = site.config.nationalComparator
            guard let latest, let value = indicator.comparator(national)?.observation(for: latest.period)?.value else {
                return words(.figureReferenceNotAvailable)
            }
            return verdicts.formattedWithUnit(value)
        case .comparison:
            // In prose a bare "not compared" reads as an oversight: say why there is no verdict.
            switch verdicts.comparison {
            case .notTested: return words(.figureReferenceNotTested)
            case .tooFewEvents: return words(.figureReferenceTooFewEvents)
            default: return verdicts.comparison.label(against: site.config.nationalComparator, words: site.words)
            }
        case .target:
            guard let target = indicator.target else { return words(.figureReferenceNoTarget) }
            let value = verdicts.formattedWithUnit(target.value)
            return target.by.isEmpty ? value : words(.figureReferenceTargetBy, ["target": value, "by": target.by])
        case .change:
            return change
        }
    }

    /// "up 50 from 230 in 2019-20": the latest figure against the one before it that has a value.
    private var change: String {
        let values = indicator.series.filter { $0.value != nil }
        guard values.count >= 2, let now = values.last?.value, let previous = values.dropLast().last, let before = previous.value else {
            return words(.figureReferenceNoEarlier)
        }
        let from = NumberFormat.format(before, decimals: indicator.decimals)
        let difference = NumberFormat.format(abs(now - before), decimals: indicator.decimals)
        if NumberFormat.format(now, decimals: indicator.decimals) == from {
            return words(.figureReferenceNoChange, ["period": PeriodText.display(previous.period, words)])
        }
        return words(
            now > before ? .figureReferenceUp : .figureReferenceDown,
            ["difference": difference, "from": from, "when": PeriodText.phrase(previous.period, words)])
    }
}

extension FigureResolver {
    /// The site with references in page titles and summaries replaced, as in bodies: the home
    /// page, the lists of pages and the meta description print these as they are. One that does
    /// not resolve stays as written, and `frontMatterProblems` stops the build.
    func substitutingFrontMatter() -> Site {
        var site = self.site
        let fix = { (page: ContentPage) -> ContentPage in
            var page = page
            page.title = substitute(page.title)
            page.summary = page.summary.map(substitute)
            return page
        }
        site.priority = fix(site.priority)
        (site.outcomes, site.commitments) = (site.outcomes.map(fix), site.commitments.map(fix))
        (site.siblings, site.pages) = (site.siblings.map(fix), site.pages.map(fix))
        site.indicators = site.indicators.map { indicator in
            var indicator = indicator
            indicator.title = substitute(indicator.title)
            indicator.summary = indicator.summary.map(substitute)
            return indicator
        }
        return site
    }

    /// A reference left in a page's or an indicator's title or summary once they are substituted names nothing.
    func frontMatterProblems(_ page: ContentPage) -> [Diagnostic] {
        frontMatterProblems(path: page.path, title: page.title, summary: page.summary)
    }

    func frontMatterProblems(path: String, title: String, summary: String?) -> [Diagnostic] {
        [("title", title), ("summary", summary ?? "")].flatMap { field, text in
            FigureReference.scan(text).compactMap { reference -> Diagnostic? in
                guard !site.unreadableIndicatorIDs.contains(reference.id),
                    case .failure(let problem) = resolve(reference)
                else { return nil }
                return .error(SourceLocation(path: path), "`\(field)`: `\(text[reference.range])`: \(problem.message)")
            }
        }
    }
}
