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
    /// Comparator series, in the order written, keyed by geography.
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

    public func comparator(_ geography: String) -> ComparatorSeries? {
        comparators.first { $0.geography == geography }
    }

    /// Where relative links in its notes start from.
    public var linkOrigin: LinkOrigin { LinkOrigin(sourceFile: "indicators/\(id).yml", directory: "indicators/\(id)/") }

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

    public init(period: String, value: Double?, lowerCI: Double? = nil, upperCI: Double? = nil, note: String? = nil) {
        self.period = period
        self.value = value
        self.lowerCI = lowerCI
        self.upperCI = upperCI
        self.note = note
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
