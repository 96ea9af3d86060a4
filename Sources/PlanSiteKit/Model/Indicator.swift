/// One measure of the priority, from `content/indicators/<id>.yml`.
public struct Indicator: Sendable, Hashable {
    public var id: String
    public var path: String
    public var title: String
    public var summary: String?
    public var unit: String
    public var decimals: Int
    public var polarity: Polarity
    public var geography: String
    public var series: [Observation]
    /// Comparator series, in the order written, keyed by geography; each series, like `series`, in time
    /// order whenever all its periods are times (the loader sorts them: docs/content-format.md, "Periods").
    public var comparators: [ComparatorSeries]
    public var target: IndicatorTarget?
    public var source: DataSource
    public var provenance: Provenance
    public var notes: String?
    public var notesFirstLine: Int
    /// `measure: count`: a count (people, homes, deaths) is never compared with a
    /// national or regional total, which shows scale, not better or worse.
    public var measure: Measure = .value
    /// The same measure split by a dimension (sex, deprivation decile, ward…) for one period.
    public var breakdowns: [Breakdown] = []
    /// Line of `id:` in the file, where warnings about the whole indicator point.
    public var idLine: Int = 1
    /// `value_type:` what kind of figure the values are; decides which confidence-interval
    /// method applies to counts and denominators, and which values are possible.
    public var valueType: ValueType?
    /// `multiplier:` the scale of the values: 100 for a percentage, 100000 for a rate per 100,000.
    public var multiplier: Double?
    /// `updated:` the day the figures in this file were last updated from the source (YYYY-MM-DD).
    public var updated: Located<String>?
    /// `next_update:` the source's next release, from its release calendar (YYYY-MM-DD).
    public var nextUpdate: Located<String>?
    /// `keywords:` other words a reader might search for ("obesity" for excess weight), for the finder
    /// on the indicators page; never shown as a figure.
    public var keywords: [String] = []

    public func comparator(_ geography: String) -> ComparatorSeries? {
        comparators.first { $0.geography == geography }
    }

    /// Where relative links in its notes start from.
    public var linkOrigin: LinkOrigin {
        let route = Route.indicator(id: id)
        return LinkOrigin(sourceFile: route.sourceFile ?? "", directory: route.path)
    }

    /// The most recent observation that has a value.
    public var latest: Observation? { series.last { $0.value != nil } }
}

public enum Polarity: String, Sendable, CaseIterable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
    case noJudgement = "no-judgement"
}

public enum Measure: String, Sendable, CaseIterable {
    /// A rate, share, score or life expectancy: compared with the national figure.
    case value
    /// A count: shown beside the comparators' totals but never compared with them.
    case count
}

public enum Provenance: String, Sendable, CaseIterable {
    case primary, secondary
}

public struct Observation: Sendable, Hashable {
    public var period: String
    public var value: Double?
    public var lowerCI: Double?
    public var upperCI: Double?
    public var note: String?
    /// `count:` the events or people the value is made from (the numerator).
    public var count: Double?
    /// `denominator:` the population or total the count is out of.
    public var denominator: Double?
    /// `flag:` what the publisher says of this figure (provisional, revised, a break…), in the order written.
    public var flags: [ValueFlag] = []

    public init(
        period: String, value: Double?, lowerCI: Double? = nil, upperCI: Double? = nil, note: String? = nil,
        count: Double? = nil, denominator: Double? = nil, flags: [ValueFlag] = []
    ) {
        self.period = period
        self.value = value
        self.lowerCI = lowerCI
        self.upperCI = upperCI
        self.note = note
        self.count = count
        self.denominator = denominator
        self.flags = flags
    }
}

/// What kind of figure an indicator's values are (Fingertips' value types). The statistics
/// read it to choose a confidence-interval method; the checks read it for the values possible.
public enum ValueType: String, Sendable, CaseIterable {
    case proportion
    case crudeRate = "crude-rate"
    case directlyStandardisedRate = "directly-standardised-rate"
    case mean
    case lifeExpectancy = "life-expectancy"
    case count
    case ratio
    case score
}

/// The Government Statistical Service's shorthand for what a publisher says of a figure
/// ("Symbols, suppression and rounding", GSS guidance).
public enum ValueFlag: String, Sendable, CaseIterable {
    case provisional = "p"
    case revised = "r"
    case estimated = "e"
    case breakInSeries = "b"
    case suppressed = "c"
    case notAvailable = "x"
    case notApplicable = "z"
    case lowReliability = "u"

    /// Said of a letter that is none of these.
    static func unknownMessage(_ letter: String) -> String {
        let known = allCases.map { "\($0.rawValue) (\($0.meaning))" }.joined(separator: ", ")
        return "`flag` \"\(letter.prefix(20))\" is not one of the GSS letters: \(known)"
    }

    /// The words behind the letter, for keys under tables and for screen readers.
    public func meaning(_ words: Words) -> String {
        switch self {
        case .provisional: words(.flagProvisional)
        case .revised: words(.flagRevised)
        case .estimated: words(.flagEstimated)
        case .breakInSeries: words(.flagBreakInSeries)
        case .suppressed: words(.flagSuppressed)
        case .notAvailable: words(.flagNotAvailable)
        case .notApplicable: words(.flagNotApplicable)
        case .lowReliability: words(.flagLowReliability)
        }
    }

    /// In English, for messages to the people who write the content.
    public var meaning: String {
        switch self {
        case .provisional: "provisional"
        case .revised: "revised"
        case .estimated: "estimated"
        case .breakInSeries: "break in series"
        case .suppressed: "suppressed to protect confidentiality"
        case .notAvailable: "not available"
        case .notApplicable: "not applicable"
        case .lowReliability: "low reliability"
        }
    }
}

public struct ComparatorSeries: Sendable, Hashable {
    public var geography: String
    public var series: [Observation]

    public func observation(for period: String) -> Observation? {
        series.first { $0.period == period }
    }
}

public struct IndicatorTarget: Sendable, Hashable {
    public var value: Double
    public var by: String
    public var label: String
}

public struct DataSource: Sendable, Hashable {
    public var publisher: String
    public var title: String
    public var url: String?
    public var licence: String?
    public var retrievedFrom: String?
}
