import Testing

@testable import PlanSiteKit

/// `PeriodOrder.merge` decides the x-axis of every chart and the rows of every
/// table. These pin the order it gave when it was a quadratic insert-by-search
/// (commit 8ed4c25), so a faster merge can be checked to give exactly the same lists.
@Suite("Period order")
struct PeriodOrderTests {
    /// Recorded from the quadratic merge on `longMixedSeries()`.
    static let pinned = [
        "1988|1988-89|1989|1987-89|1990|1990-91|1993-94|1991|1992|1992-93|1993|1991-93|1994|1994-95|1995|1995-96|1996|",
        "1996-97|1999-00|1997|1995-97|1998|1998-99|1999|2000|2000-01|2001|2001-02|1999-01|2002|2002-03|2005-06|2003|",
        "2004|2004-05|2005|2003-05|2006|2006-07|2007|2007-08|2008|2008-09|2011-12|2009|2007-09|2010|2010-11|2011|2012|",
        "2012-13|2013|2013-14|2011-13|2014|2014-15|2017-18|2015|2016|2016-17|2017|2015-17|2018|2018-19|2019|2020|",
        "2020-21|2023-24|2021|2019-21|2022|2022-23|2023|1980|2024|2024-25|2025|2023-25|2018 Q1|2018 Q2|2018 Q3|",
        "2018 Q4|2019 Q1|2019 Q2|2019 Q3|2019 Q4|2020 Q1|2020 Q2|2020 Q3|2020 Q4|2021 Q1|2021 Q2|2021 Q3|2021 Q4|",
        "2022 Q1|2022 Q2|2022 Q3|2022 Q4|2023 Q1|2023 Q2|2023 Q3|2023 Q4|2024 Q1|2024 Q2|2024 Q3|2024 Q4|2023-03-31|",
        "2024-03-31|2030|period not stated|2017 Q2|2016 Q1|2000-02|1994-96",
    ].joined().split(separator: "|").map(String.init)

    @Test func aLongMixedSeriesMergesAsItAlwaysHas() {
        let merged = PeriodOrder.merge(Self.longMixedSeries())
        #expect(merged.count == 114)
        #expect(merged == Self.pinned)
    }

    @Test func theSmallCasesTheSpecGives() {
        #expect(PeriodOrder.merge([]) == [])
        #expect(PeriodOrder.merge([[], []]) == [])
        #expect(PeriodOrder.merge([["2010", "2011", "2012"], ["2009", "2010", "2013"]]) == ["2009", "2010", "2011", "2012", "2013"])
        #expect(PeriodOrder.merge([["2016-18", "2019-21"], ["2015-17", "2016-18"]]) == ["2015-17", "2016-18", "2019-21"])
        // Every period a time: time order, whatever order each list is in.
        #expect(PeriodOrder.merge([["2011", "2012"], ["2001", "2000"]]) == ["2000", "2001", "2011", "2012"])
        #expect(PeriodOrder.merge([["2019-21", "2018-19"], ["2019"]]) == ["2018-19", "2019", "2019-21"])
        // A comparator with none of the area's labels adds its own at the end, in its own order.
        #expect(PeriodOrder.merge([["2011", "2012"], ["2001 (projection)", "2000"]]) == ["2011", "2012", "2001 (projection)", "2000"])
    }

    @Test func nullsAndComparatorOnlyPeriodsReachTheTable() {
        let indicator = makeIndicator(
            series: [
                Observation(period: "2015", value: 1), Observation(period: "2016", value: nil, note: "Suppressed"),
                Observation(period: "2018", value: 3),
            ],
            comparators: [
                "England": [
                    Observation(period: "2014", value: 5), Observation(period: "2016", value: 6),
                    Observation(period: "2017", value: nil, note: "Not published"),
                    Observation(period: "2019", value: 8),
                ]
            ])
        // Every period is a year, so the table runs in time order, England's own years among the area's.
        #expect(IndicatorPresenter.periods(of: indicator) == ["2014", "2015", "2016", "2017", "2018", "2019"])
    }

    /// Duplicates inside one list never reach the merge (the loader rejects them) but the
    /// order they give is pinned too: the later copy counts as already listed.
    @Test func aRepeatedPeriodInOneListKeepsItsOldOrder() {
        #expect(PeriodOrder.merge([["a", "b", "a"]]) == ["b", "a"])
        #expect(PeriodOrder.merge([["x"], ["a", "b", "a", "x", "c", "b"]]) == ["c", "b", "a", "x"])
    }

    /// The merge against the quadratic original, on many random lists drawn from a small
    /// alphabet so they overlap, repeat and disagree on order.
    @Test func agreesWithTheOriginalMergeOnRandomLists() {
        for seed in UInt64(1)...400 {
            var random = SeededRandom(seed: seed)
            let alphabet = Int(random.next() % 40) + 1
            let lists = (0..<Int(random.next() % 5)).map { _ in
                (0..<Int(random.next() % 30)).map { _ in "p\(random.next() % UInt64(alphabet))" }
            }
            #expect(PeriodOrder.merge(lists) == Self.originalMerge(lists), "seed \(seed): \(lists)")
        }
    }

    /// A chart of thousands of periods must not take seconds to lay out.
    @Test func aLongSeriesMergesQuickly() {
        let area = (0..<20_000).map { "y\($0)" }
        let england = (0..<20_000).map { "y\($0 * 2 - 7)" }
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(PeriodOrder.merge([area, england]).count == 30_000) }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    /// The merge as it was: insert each new period before the next of its list already listed.
    static func originalMerge(_ lists: [[String]]) -> [String] {
        var result: [String] = []
        for list in lists {
            for (offset, period) in list.enumerated() where !result.contains(period) {
                let next = list[(offset + 1)...].lazy.compactMap { result.firstIndex(of: $0) }.first
                result.insert(period, at: next ?? result.endIndex)
            }
        }
        return result
    }

    /// A long mixed set of series as an indicator page merges them: the area, then
    /// England, then the region. Built from loops so it is long, written out of
    /// chronological order in places, as content may be.
    static func longMixedSeries() -> [[String]] {
        var area: [String] = []
        for year in 1995...2023 where year % 7 != 3 {  // gaps: 1998, 2005, 2012, 2019
            area.append("\(year)")
            if year % 3 == 0 { area.append("\(year)-\(String(format2(year + 1)))") }  // financial year 2001-02
            if year % 4 == 1 { area.append("\(year - 2)-\(String(format2(year)))") }  // rolling 2003-05
        }
        for year in 2019...2023 { for quarter in 1...4 where (year + quarter) % 5 != 0 { area.append("\(year) Q\(quarter)") } }
        area += ["2024-03-31", "period not stated"]
        var england: [String] = []
        for year in stride(from: 1988, through: 2025, by: 1) {
            england.append("\(year)")
            if year % 2 == 0 { england.append("\(year)-\(String(format2(year + 1)))") }
            if year % 4 == 1 { england.append("\(year - 2)-\(String(format2(year)))") }
        }
        for year in 2018...2024 { for quarter in 1...4 { england.append("\(year) Q\(quarter)") } }
        england += ["2023-03-31", "2024-03-31"]
        var region: [String] = ["2030", "period not stated", "1980"]
        for year in stride(from: 2024, through: 1990, by: -3) { region += ["\(year)", "\(year - 1)-\(String(format2(year)))"] }
        region += ["2022 Q4", "2017 Q2", "2016 Q1", "2000-02", "1994-96"]
        return [area, england, region, []]
    }

    private static func format2(_ year: Int) -> String {
        let short = year % 100
        return short < 10 ? "0\(short)" : "\(short)"
    }
}
