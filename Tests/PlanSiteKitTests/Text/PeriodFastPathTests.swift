import Foundation
import Testing

@testable import PlanSiteKit

/// `PeriodText` reads printable-ASCII periods byte by byte (a fast path) and anything
/// else through `String`. These check that the fast path answers exactly as the
/// `String` reading did before it, on real periods and on near misses.
@Suite("Period text fast path")
struct PeriodFastPathTests {
    /// `span` and `date` as they were before the byte-by-byte path (commit 6f06145).
    enum Reference {
        static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
            let isoParts = text.split(separator: "-")
            if text.count == 10, isoParts.count == 3, isoParts[0].count == 4, isoParts[1].count == 2, isoParts[2].count == 2,
                let year = Int(isoParts[0]), let month = Int(isoParts[1]), let day = Int(isoParts[2]),
                (1...12).contains(month), (1...31).contains(day)
            {
                return (year, month, day)
            }
            let parts = text.split(separator: " ")
            guard parts.count == 3, let day = Int(parts[0]), (1...31).contains(day), parts[2].count == 4, let year = Int(parts[2]) else {
                return nil
            }
            let word = parts[1].prefix(3).lowercased()
            guard let month = PeriodText.shortMonths.firstIndex(where: { $0.lowercased() == word }),
                parts[1].count == 3 || PeriodText.months[month].lowercased() == parts[1].lowercased()
            else { return nil }
            return (year, month + 1, day)
        }

        static func span(_ period: String) -> ClosedRange<Double>? {
            if let date = date(period) {
                let t = Double(date.year) + (Double(date.month - 1) + Double(date.day - 1) / 31) / 12
                return t...t
            }
            let text = period.trimmingCharacters(in: .whitespaces)
            if text.count == 4, let year = Int(text), (1000...9999).contains(year) { return Double(year)...Double(year + 1) }
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let start = Int(parts[0]), let short = Int(parts[1]) else {
                return nil
            }
            var end = start / 100 * 100 + short
            if end < start { end += 100 }
            switch end - start {
            case 1: return Double(start) + 0.25...Double(end) + 0.25
            case 2...10: return Double(start)...Double(end + 1)
            default: return nil
            }
        }
    }

    static let periods: [String] = {
        var periods = [
            "2019", "2019-20", "2019/20", "2019-21", "2011/12", "2019-23", "2019-30", "1999-00", "2099-01",
            "2024-03-31", "2024-13-31", "2024-03-32", "2024-3-31", "2024-03-3", "2024--3-31", "+2024-03-31",
            "2024-+3-31", "2000-+5", "2000/+5", "30 Jun 2018", "30 June 2018", "30 JUNE 2018", "30 Junee 2018",
            "31 Dec 2025", "  31  Dec  2025 ", "0031 Mar 2024", "32 Mar 2024", "0 Mar 2024", "31 Mar 24",
            "31 Mar 2024 extra", "1 Jan 1000", "1 Ja 2020", "1 Sept 2020", " 2019 ", "\t2019-20\t", "2019 -21",
            "2019--21", "-2019-21-", "2019-21/22", "999", "0999", "10000", "-201", "2019-2", "2019-021",
            "period not stated", "2025 (projection)", "past year (to 2025)", "2018 Q1", "", " ", "-", "--",
            "2019\u{a0}", "\u{2003}2019", "2019\r\n", "31\u{a0}Mar 2024", "2024-03-31\u{301}", "２０１９",
            "99999999999999999999-01", "31 Mar 99999999999999999999", "00000000000000000031 Mar 2024",
        ]
        // Every year, financial year, span and quarter end from 1990 to 2030.
        for year in 1990...2030 {
            periods += [
                "\(year)", "\(year)-\(String(format: "%02d", (year + 1) % 100))", "\(year)-\(String(format: "%02d", (year + 2) % 100))",
                "\(year)/\(String(format: "%02d", (year + 1) % 100))", "31 Mar \(year)", "30 Sep \(year)", "\(year)-06-30",
            ]
        }
        return periods
    }()

    @Test func theFastPathReadsEveryPeriodAsTheStringPathDid() {
        for period in Self.periods {
            #expect(PeriodText.span(period) == Reference.span(period), "\(period.debugDescription)")
            let date = PeriodText.date(period)
            let reference = Reference.date(period)
            #expect(
                date?.year == reference?.year && date?.month == reference?.month && date?.day == reference?.day,
                "\(period.debugDescription)")
        }
    }
}
