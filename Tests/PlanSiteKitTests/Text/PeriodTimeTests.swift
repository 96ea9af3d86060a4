import Testing

@testable import PlanSiteKit

/// The forms docs/content-format.md ("Periods") documents, read as it says.
@Suite struct PeriodTimeTests {
    @Test(arguments: [
        ("2022/23", "2022-23"), ("2022/2023", "2022-23"), ("2022-23", "2022-23"), ("2019 - 21", "2019-21"),
        ("1999-00", "1999-00"), ("1999/2000", "1999-00"), ("2024", "2024"), ("31 Mar 2024", "31 Mar 2024"),
    ])
    func theSpellingsPeopleTypeAreOnePeriod(_ written: String, _ shown: String) throws {
        #expect(try #require(PeriodTime.of(written)).canonical == shown)
    }

    @Test func kinds() {
        #expect(PeriodTime.of("2022/23")?.kind == .financialYear)
        #expect(PeriodTime.of("2019 - 21")?.kind == .rolling(years: 3))
        #expect(PeriodTime.of("2019-23")?.kind == .rolling(years: 5))
        #expect(PeriodTime.of("2019")?.kind == .calendarYear)
        #expect(PeriodTime.of("2024-03-31")?.kind == .day)
    }

    @Test(arguments: ["31 June 2025", "2025-06-31", "29 Feb 2023", "2021-20", "2021/2020", "2020-21x", "32 Mar 2024"])
    func impossibleOrMalformedTimesAreNotTimes(_ written: String) {
        #expect(PeriodTime.of(written) == nil)
    }

    @Test func impossibleTimesSayWhy() {
        guard case .impossible(let why) = PeriodTime.read("31 June 2025") else {
            Issue.record("read as a time")
            return
        }
        #expect(why == "there is no day 31 in June 2025")
        guard case .impossible = PeriodTime.read("2021-20") else {
            Issue.record("read as a time")
            return
        }
    }

    @Test func labelsAreNotMistakes() {
        for label in ["period not stated", "2025 (projection)", "past year (to 2025)", "past year (2024-25)"] {
            guard case .label = PeriodTime.read(label) else {
                Issue.record("\(label) not a label")
                continue
            }
        }
        for slip in ["Jun-18", "2022-23\"", "FY23", "(2024-25)"] {
            guard case .unrecognised = PeriodTime.read(slip) else {
                Issue.record("\(slip) accepted")
                continue
            }
        }
    }

    @Test func timeOrderPutsEachPeriodByWhenItEnds() {
        let periods = ["2020-21", "2019", "31 Dec 2019", "2018-20", "2020"].compactMap(PeriodTime.of)
        let sorted = periods.sorted(by: PeriodTime.precedes).map(\.canonical)
        #expect(sorted == ["2019", "31 Dec 2019", "2018-20", "2020", "2020-21"])
    }

    /// Issue 21: a quarter's end was dated 1 January of its year by the review-date check.
    @Test func aQuarterEndIsItsOwnDay() throws {
        let date = try #require(PeriodText.lastYearStart(of: "31 Dec 2025"))
        #expect((date.year, date.month, date.day) == (2025, 12, 31))
    }
}
