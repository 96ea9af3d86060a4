import Foundation

/// What changed between two versions of the content, in words a manager signing off an
/// update can read: per indicator, new periods, revised figures, directions of travel and
/// comparisons that flipped, targets changed, indicators added or removed; per outcome and
/// commitment, reworded or added text (a short word diff), and each commitment's status,
/// who assessed it, when and why, and its targets.
public struct ContentChanges: Sendable, Equatable {
    /// One indicator or commitment and what changed in it.
    public struct Section: Sendable, Equatable {
        public var title: String
        public var facts: [String]
    }

    public var sections: [Section]

    public var isEmpty: Bool { sections.isEmpty }

    public static func compare(old: Site, new: Site) -> ContentChanges {
        var sections: [Section] = []
        for indicator in new.indicators {
            guard let before = old.indicator(indicator.id) else {
                sections.append(Section(title: heading(indicator), facts: ["added: " + IndicatorFacts(indicator, new).summary]))
                continue
            }
            let facts = IndicatorFacts(before, old).changes(to: IndicatorFacts(indicator, new))
            if !facts.isEmpty { sections.append(Section(title: heading(indicator), facts: facts)) }
        }
        for indicator in old.indicators where new.indicator(indicator.id) == nil {
            sections.append(Section(title: heading(indicator), facts: ["removed (was " + IndicatorFacts(indicator, old).summary + ")"]))
        }
        sections += PageFacts.changes(old: old, new: new)
        return ContentChanges(sections: sections)
    }

    private static func heading(_ indicator: Indicator) -> String { "\(indicator.title) (\(indicator.id))" }

    public static let nothingChanged =
        "Nothing changed: every indicator's figures, directions of travel, comparisons and targets, "
        + "and every outcome's and commitment's text, status, assessment and targets, are the same in both versions."

    private var countLine: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let facts = sections.reduce(0) { $0 + $1.facts.count }
        let outcomes = sections.filter { $0.title.hasPrefix(PageFacts.outcomePrefix) }.count
        let commitments = sections.filter { $0.title.hasPrefix(PageFacts.commitmentPrefix) }.count
        let kinds = [(sections.count - commitments - outcomes, "indicator"), (outcomes, "outcome"), (commitments, "commitment")]
        let parts = kinds.filter { $0.0 > 0 }.map { plural($0.0, $0.1) }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts.joined()
        return "\(plural(facts, "change")) to \(list)."
    }

    /// Plain text, for a terminal.
    public func text() -> String {
        guard !isEmpty else { return Self.nothingChanged + "\n" }
        var lines: [String] = []
        for section in sections {
            lines.append(section.title)
            lines += section.facts.map { "  - " + $0 }
        }
        return (lines + ["", countLine]).joined(separator: "\n") + "\n"
    }

    /// Markdown, for a pull-request comment or the job summary.
    public func markdown() -> String {
        var lines = ["### What changed in the figures", ""]
        guard !isEmpty else { return (lines + [Self.nothingChanged]).joined(separator: "\n") + "\n" }
        for section in sections {
            lines.append("**\(Self.escaped(section.title))**")
            lines.append("")
            lines += section.facts.map { "- " + Self.escaped($0) }
            lines.append("")
        }
        return (lines + [countLine]).joined(separator: "\n") + "\n"
    }

    /// Content text shown as text in the summary, never as Markdown or HTML.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|!~&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// One version of an indicator, in the words the site uses.
struct IndicatorFacts {
    var indicator: Indicator
    var site: Site

    init(_ indicator: Indicator, _ site: Site) {
        self.indicator = indicator
        self.site = site
    }

    private var presenter: IndicatorPresenter { IndicatorPresenter(indicator: indicator, site: site) }

    func figure(_ observation: Observation) -> String {
        guard let value = observation.value else { return "no value" + (observation.note.map { " (\($0))" } ?? "") }
        return presenter.formattedWithUnit(value)
    }

    var summary: String {
        guard let latest = presenter.latest, latest.value != nil else { return "no figure published" }
        return "latest figure \(figure(latest)) \(PeriodText.phrase(latest.period, site.words))"
    }

    var comparison: String { presenter.comparison.label(against: site.config.nationalComparator, words: site.words) }

    /// Against the region, when the site names one and the indicator has its figures.
    var regionalComparison: String? {
        guard let region = site.config.regionalComparator, indicator.comparator(region) != nil else { return nil }
        return presenter.comparison(against: region).label(against: region, words: site.words)
    }

    /// The verdict word alone ("improving"): its "since" period moves with every new figure, which is no flip.
    var direction: String { presenter.travel.direction.words(site.words) }

    var target: String {
        guard let target = indicator.target else { return "none" }
        return presenter.formattedWithUnit(target.value) + (target.by.isEmpty ? "" : " by \(target.by)") + " (\(target.label))"
    }

    func changes(to new: IndicatorFacts) -> [String] {
        var facts = seriesChanges(from: indicator.series, to: new.indicator.series, new: new, area: "")
        var names = indicator.comparators.map(\.geography)
        names += new.indicator.comparators.map(\.geography).filter { !names.contains($0) }
        for name in names {
            facts += seriesChanges(
                from: indicator.comparator(name)?.series ?? [], to: new.indicator.comparator(name)?.series ?? [],
                new: new, area: name + " ")
        }
        if direction != new.direction { facts.append("direction of travel: \(direction) → \(new.direction)") }
        if comparison != new.comparison { facts.append("comparison: \(comparison) → \(new.comparison)") }
        if let was = regionalComparison, let now = new.regionalComparison, was != now {
            facts.append("regional comparison: \(was) → \(now)")
        }
        if target != new.target { facts.append("target: \(target) → \(new.target)") }
        return facts + dateChanges(to: new, figuresChanged: !facts.isEmpty)
    }

    /// `updated` and `next_update` changed, and figures that changed under an unchanged `updated`,
    /// which would tell readers the figures are older than they are.
    private func dateChanges(to new: IndicatorFacts, figuresChanged: Bool) -> [String] {
        func day(_ field: Located<String>?) -> String { field.map { CalendarDate.long($0.value) } ?? "not given" }
        var facts: [String] = []
        let (updated, nextUpdate) = (indicator.updated?.value, indicator.nextUpdate?.value)
        if updated != new.indicator.updated?.value {
            facts.append("figures updated: \(day(indicator.updated)) → \(day(new.indicator.updated))")
        } else if figuresChanged, let same = new.indicator.updated {
            facts.append("the figures changed, but `updated` still says \(day(same)): write the day you updated them")
        }
        if nextUpdate != new.indicator.nextUpdate?.value {
            facts.append("next update due: \(day(indicator.nextUpdate)) → \(day(new.indicator.nextUpdate))")
        }
        return facts
    }

    /// New, revised and removed figures of one area ("" for the indicator's own, "England " for a comparator).
    private func seriesChanges(from oldSeries: [Observation], to newSeries: [Observation], new: IndicatorFacts, area: String) -> [String] {
        var facts: [String] = []
        let old = Dictionary(oldSeries.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Set(newSeries.map(\.period))
        for observation in newSeries {
            guard let before = old[observation.period] else {
                facts.append("new \(area)figure for \(observation.period): \(new.figure(observation))")
                continue
            }
            let was = figure(before)
            let now = new.figure(observation)
            if was != now { facts.append("\(area)\(observation.period) revised: \(was) → \(now)") }
        }
        for observation in oldSeries where !current.contains(observation.period) {
            facts.append("\(area)figure for \(observation.period) removed (was \(figure(observation)))")
        }
        return facts
    }
}
