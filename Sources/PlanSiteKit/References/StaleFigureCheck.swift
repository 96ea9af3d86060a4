import Foundation

/// Warns where a page's own words quote an older figure of an indicator the page lists or
/// links to, not its latest, and where the page's review date predates the data it shows.
///
/// To give no false alarms, a number counts as a quote of a figure only when it is written
/// with the indicator's decimal places and either has decimals or is followed by the unit
/// ("230 dwellings", "78.59 years", "27.4%"), and not when its sentence names the figure's
/// own period: "230 in 2019-20 and 280 in 2020-21" is history told as history.
struct StaleFigureCheck {
    var page: ContentPage
    var outline: MarkdownOutline
    var site: Site

    /// Enough warnings for one page to show the pattern. Each one looks along its line for its
    /// column, so an unlimited number would make a long paragraph of old figures take quadratic time.
    static let maximumWarnings = 20

    func check() -> [Diagnostic] {
        let indicators = shownIndicators()
        var problems: [Diagnostic] = []
        for (text, location) in outline.plainText where problems.count < Self.maximumWarnings && !indicators.isEmpty {
            let words = Self.blankingReferences(in: text)
            for number in Self.numbers(in: words) {
                // The text node's sentence first (cheap); only a finding looks for the source line's.
                let nodeSentence = Self.sentence(around: number.range, in: words)
                guard finding(number, in: words, sentence: nodeSentence, indicators) != nil else { continue }
                let at = outline.location(of: String(words[number.range]), in: words, at: number.range.lowerBound, node: location)
                // A link or emphasis splits a sentence into several text nodes: its period may be in another one.
                let sentence = sourceSentence(at: at) ?? nodeSentence
                guard let finding = finding(number, in: words, sentence: sentence, indicators) else { continue }
                problems.append(.warning(at, finding))
                if problems.count == Self.maximumWarnings { break }
            }
        }
        return problems + reviewDateProblems(indicators)
    }

    private func finding(
        _ number: WrittenNumber, in text: String, sentence: Substring,
        _ indicators: [Indicator]
    ) -> String? {
        indicators.lazy.compactMap { self.olderValue(number, in: text, sentence: sentence, of: $0) }.first
    }

    /// The indicators the page lists, then those it links to, each once.
    func shownIndicators() -> [Indicator] {
        var ids = page.indicatorIDs.map(\.value)
        for link in outline.links {
            if let id = Self.linkedIndicator(link.url), !ids.contains(id) { ids.append(id) }
        }
        return ids.compactMap(site.indicator)
    }

    static func linkedIndicator(_ url: String) -> String? {
        guard let match = Patterns.indicatorLink.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)),
            let range = Range(match.range(at: 1), in: url)
        else { return nil }
        return String(url[range])
    }

    /// References are figures kept current by the build: their ids' digits ("year6-obesity") are not quotes.
    static func blankingReferences(in text: String) -> String {
        FigureReference.replacing(FigureReference.scan(text), in: text) {
            String(repeating: " ", count: text[$0.range].count)
        }
    }

    struct WrittenNumber {
        var range: Range<String.Index>
        var digits: String
        var decimals: Int
    }

    static func numbers(in text: String) -> [WrittenNumber] {
        // `\d` is any decimal digit: ASCII text without 0 to 9 has none, and most text nodes are such.
        if text.allBytes({ $0 < 0x80 && !(0x30...0x39).contains($0) }) { return [] }
        return Patterns.writtenNumber.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let whole = Range(match.range, in: text) else { return nil }
            let fraction = Range(match.range(at: 2), in: text).map { text[$0].count } ?? 0
            return WrittenNumber(range: whole, digits: text[whole].replacingOccurrences(of: ",", with: ""), decimals: fraction)
        }
    }

    /// The warning for `number` if it is an older figure of `indicator`, written as one.
    private func olderValue(_ number: WrittenNumber, in text: String, sentence: Substring, of indicator: Indicator) -> String? {
        guard number.decimals == indicator.decimals, let latest = indicator.latest, let latestValue = latest.value else { return nil }
        let unitWritten = Self.unit(of: indicator, after: number.range.upperBound, in: text)
        guard number.decimals > 0 || unitWritten != nil else { return nil }
        let plain = { (value: Double) in NumberFormat.format(value, decimals: indicator.decimals).replacingOccurrences(of: ",", with: "") }
        guard plain(latestValue) != number.digits else { return nil }
        guard let older = indicator.series.last(where: { $0.value.map(plain) == number.digits && $0 != latest }),
            !sentence.mentions(period: older.period, words: site.words)
        else { return nil }
        let quoted = String(text[number.range]) + (unitWritten.map { text[number.range.upperBound..<$0] } ?? "")
        return "\"\(quoted)\" is \(indicator.id)'s value for \(older.period); the latest is "
            + "\(NumberFormat.format(latestValue, decimals: indicator.decimals)) (\(latest.period)). Write {{\(indicator.id).latest}} to keep it current"
    }

    /// Where the unit written after a number ends: "%" right after it, or the unit's first word after a space.
    static func unit(of indicator: Indicator, after index: String.Index, in text: String) -> String.Index? {
        let rest = text[index...]
        if indicator.unit == "%" { return rest.hasPrefix("%") ? text.index(after: index) : nil }
        guard let word = indicator.unit.split(separator: " ").first, rest.hasPrefix(" ") else { return nil }
        // Only as many characters as the word: lower-casing the rest of a long line took quadratic time.
        let after = rest.dropFirst().prefix(word.count)
        guard after.lowercased() == word.lowercased() else { return nil }
        return text.index(index, offsetBy: 1 + word.count)
    }

    /// The sentence of the Markdown source around a position, as written (links and all).
    private func sourceSentence(at location: SourceLocation) -> Substring? {
        let index = location.line - outline.firstLine
        guard index >= 0, index < outline.lines.count else { return nil }
        let line = String(outline.lines[index])
        guard let start = line.index(line.startIndex, offsetBy: location.column - 1, limitedBy: line.endIndex) else { return nil }
        return Self.sentence(around: start..<start, in: line)
    }

    /// Looked for no further than this many characters each side: a megabyte with no full stop
    /// is not one sentence, and looking to its ends for every number took quadratic time.
    static let sentenceReach = 1_000

    static func sentence(around range: Range<String.Index>, in text: String) -> Substring {
        let from = text.index(range.lowerBound, offsetBy: -sentenceReach, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(range.upperBound, offsetBy: sentenceReach, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[from..<range.lowerBound].range(of: ". ", options: .backwards)?.upperBound ?? from
        let after = text[range.upperBound..<to].range(of: ". ")?.lowerBound ?? to
        return text[before..<after]
    }

    // MARK: Review dates

    /// A review date after the build's day (`--today`) is a typo or a promise, not a review.
    static func futureReview(_ reviewed: String, at location: SourceLocation, today: CalendarDate) -> Diagnostic? {
        guard let date = CalendarDate(iso: reviewed), today < date else { return nil }
        return .warning(location, "last_reviewed \(reviewed) is after today (\(today)); write the day the words were last reviewed")
    }

    private func reviewDateProblems(_ indicators: [Indicator]) -> [Diagnostic] {
        guard let reviewed = page.lastReviewed, let date = CalendarDate(iso: reviewed.value) else { return [] }
        return Self.reviewProblem(reviewed: reviewed.value, date: date, at: reviewed.location, indicators: indicators, what: "this page")
            .map { [$0] } ?? []
    }

    /// The site's `last_reviewed` against every indicator the site shows.
    static func siteReviewProblem(_ site: Site) -> Diagnostic? {
        guard let date = CalendarDate(iso: site.config.lastReviewed) else { return nil }
        let location = site.config.lastReviewedLocation ?? SourceLocation(path: "content/site.yml")
        return reviewProblem(reviewed: site.config.lastReviewed, date: date, at: location, indicators: site.indicators, what: "the site")
    }

    /// Warns when the review date is before the start of the last calendar year the newest figure
    /// covers (or before its date): the words were plainly reviewed before that figure existed.
    static func reviewProblem(reviewed: String, date: CalendarDate, at location: SourceLocation, indicators: [Indicator], what: String)
        -> Diagnostic?
    {
        var newest: (indicator: Indicator, period: String, start: CalendarDate)?
        // Indicators share their periods ("2019-20"): each is read once.
        var starts: [String: CalendarDate?] = [:]
        for indicator in indicators {
            for observation in indicator.series where observation.value != nil {
                let read = starts[observation.period] ?? PeriodText.lastYearStart(of: observation.period)
                starts[observation.period] = read
                guard let start = read, start > date else { continue }
                if newest == nil || start > newest!.start { newest = (indicator, observation.period, start) }
            }
        }
        guard let newest else { return nil }
        return .warning(
            location,
            "last_reviewed \(reviewed) is older than the newest data \(what) shows (\(newest.indicator.id) for \(newest.period)); "
                + "review the words against it, then update last_reviewed")
    }
}

extension PeriodText {
    /// 1 January of the last calendar year a period covers, or the day itself for a date:
    /// the review-date warning fires only when the words were plainly reviewed before the figure existed.
    static func lastYearStart(of period: String) -> CalendarDate? {
        if let date = date(period) { return CalendarDate(year: date.year, month: date.month, day: date.day) }
        return years(period).flatMap { CalendarDate(year: $0.upperBound, month: 1, day: 1) }
    }
}

extension Substring {
    /// Whether a sentence names a period: as written, as shown ("31 March 2024"), or by month and year ("March 2024").
    fileprivate func mentions(period: String, words: Words) -> Bool {
        let shown = PeriodText.display(period, words)
        var forms = [period, shown]
        if shown != period, let space = shown.firstIndex(of: " ") { forms.append(String(shown[shown.index(after: space)...])) }
        return forms.contains { !$0.isEmpty && self.localizedCaseInsensitiveContains($0) }
    }
}
