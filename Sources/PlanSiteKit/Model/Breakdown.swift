/// One indicator's figures for the groups of one dimension (sex, deprivation decile,
/// ward, age band…) in one period: `breakdowns:` in its YAML (docs/content-format.md).
public struct Breakdown: Sendable, Hashable {
    public var dimension: String
    public var period: String
    /// What the chart and table are called, when "<indicator> by <dimension>" reads badly
    /// (a sex breakdown on the females' page: "Life expectancy at birth by sex").
    public var title: String?
    /// Whether the categories run in a natural order (deciles, age bands): the sentence
    /// then compares the first with the last, not the highest with the lowest.
    public var ordered: Bool
    public var categories: [BreakdownCategory]
    /// The area's figure for everyone, for the reference line and the significance test.
    public var overall: Observation?
    /// The national comparator's figure for the same period, for its reference line.
    public var national: Observation?
    /// Line of `dimension:` in the file.
    public var line: Int = 1

    public init(
        dimension: String, period: String, ordered: Bool, categories: [BreakdownCategory],
        overall: Observation? = nil, national: Observation? = nil
    ) {
        self.dimension = dimension
        self.period = period
        self.ordered = ordered
        self.categories = categories
        self.overall = overall
        self.national = national
    }

    /// The categories that have a value, in the order written.
    public var present: [BreakdownCategory] { categories.filter { $0.value != nil } }
}

public struct BreakdownCategory: Sendable, Hashable {
    public var category: String
    public var value: Double?
    public var lowerCI: Double?
    public var upperCI: Double?
    public var note: String?

    public init(category: String, value: Double?, lowerCI: Double? = nil, upperCI: Double? = nil, note: String? = nil) {
        self.category = category
        self.value = value
        self.lowerCI = lowerCI
        self.upperCI = upperCI
        self.note = note
    }

    var hasInterval: Bool { lowerCI != nil && upperCI != nil }
}
