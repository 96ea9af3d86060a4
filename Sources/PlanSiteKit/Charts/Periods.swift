import Foundation

/// One list of periods from several series, each kept in the order it was written
/// (SPEC: "periods sort in the order written"). A period only a comparator has goes
/// just before the comparator's next period that is already listed, or at the end
/// if there is none: England's 2009 before Luton's 2010, England's 2017 after 2016.
enum PeriodOrder {
    static func merge(_ lists: [[String]]) -> [String] {
        var result: [String] = []
        for list in lists {
            for (offset, period) in list.enumerated() where !result.contains(period) {
                let next = list[(offset + 1)...].lazy.compactMap { result.firstIndex(of: $0) }.first
                result.insert(period, at: next ?? result.endIndex)
            }
        }
        return result
    }
}

/// Periods as words in a sentence, and the years they cover. Periods are free
/// text in the content ("2019-21", "2023-09-30", "period not stated"), so anything
/// not recognised is quoted as written, never guessed at.
enum PeriodText {
    static let notStated = "period not stated"

    /// "in 2020-21", "on 31 March 2024", "(period not stated)".
    static func phrase(_ period: String) -> String {
        if period.lowercased().contains("not stated") { return "(\(period))" }
        return isoDate(period) == nil ? "in \(period)" : "on \(display(period))"
    }

    /// "31 March 2024" for an ISO date; any other period as written.
    static func display(_ period: String) -> String {
        guard let date = isoDate(period) else { return period }
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// First and last calendar year a period covers: "2019-21" is 2019...2021, "2023-09-30"
    /// is 2023...2023, "2010 to 2016" is 2010...2016; nil when it names no year.
    static func years(_ period: String) -> ClosedRange<Int>? {
        if let date = isoDate(period) { return date.year...date.year }
        var years: [Int] = []
        let range = NSRange(period.startIndex..., in: period)
        for match in yearPattern.matches(in: period, range: range) {
            guard let startRange = Range(match.range(at: 1), in: period), let start = Int(period[startRange]) else { continue }
            years.append(start)
            if let shortRange = Range(match.range(at: 2), in: period), let short = Int(period[shortRange]) {
                // "2023-09" is a month, not 2023 to 2109: only a short span counts as an end year.
                let end = start / 100 * 100 + short, wrapped = end < start ? end + 100 : end
                if wrapped - start <= 10 { years.append(wrapped) }
            }
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }

    // A year, optionally followed by a two-digit end year: "2019", "2019-21", "2011/12".
    nonisolated(unsafe) private static let yearPattern = try! NSRegularExpression(pattern: #"(?<!\d)((?:19|20)\d\d)(?:[-/](\d\d))?(?!\d)"#)

    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    private static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }
}
