/// The time a period names, for the forms documented in docs/content-format.md ("Periods"):
/// a calendar year `2024`, a financial year `2024-25` (also `2024/25`, `2024/2025`), a rolling
/// period `2019-21` (also `2019 - 21`), a day `2024-03-31`, `31 Mar 2024` or `31 March 2024`.
/// Series are put in time order by it, and two spellings of one time are found by it.
public struct PeriodTime: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case calendarYear, financialYear
        case rolling(years: Int)
        case day

        /// "a financial year", "a 3-year rolling period", for messages.
        var name: String {
            switch self {
            case .calendarYear: "a calendar year"
            case .financialYear: "a financial year"
            case .rolling(let years): "a \(years)-year rolling period"
            case .day: "a date"
            }
        }

        /// "financial years", for messages about a whole series.
        var plural: String {
            switch self {
            case .calendarYear: "calendar years"
            case .financialYear: "financial years"
            case .rolling(let years): "\(years)-year rolling periods"
            case .day: "dates"
            }
        }
    }

    public let kind: Kind
    /// The spelling the site shows and matches comparators by: "2022-23" for "2022/23" or
    /// "2022/2023"; a day keeps the spelling written.
    public let canonical: String
    /// First and last day covered, on a scale where only the order counts (year, month, day).
    let first: Int, last: Int

    /// Earlier ends first; of two that end together (a year and a rolling period ending
    /// with it), the one that began earlier.
    static func precedes(_ a: PeriodTime, _ b: PeriodTime) -> Bool { (a.last, a.first) < (b.last, b.first) }

    /// The time alone, to find one time however it is written.
    var withoutSpelling: PeriodTime { PeriodTime(kind: kind, canonical: "", first: first, last: last) }

    public enum Reading: Sendable {
        case time(PeriodTime)
        /// Written in an accepted form that names no real time ("31 June 2025", "2021-20"): why.
        case impossible(String)
        /// Words rather than a time, documented as allowed ("period not stated", "2025 (projection)").
        case label
        /// In no accepted form ("Jun-18", `2022-23"`).
        case unrecognised
    }

    /// The forms, as messages name them.
    static let forms =
        "a year (2024), a financial year (2024-25 or 2024/25), a rolling period (2019-21) "
        + "or a day (2024-03-31 or 31 Mar 2024)"

    public static func read(_ period: String) -> Reading {
        let text = period.trimmed(.whitespaces)
        if let day = readDay(text) { return day }
        if let years = readYears(Array(text.utf8)) { return years }
        return isLabel(text) ? .label : .unrecognised
    }

    /// The time, when the period is written in an accepted form and names a real one.
    public static func of(_ period: String) -> PeriodTime? {
        if case .time(let time) = read(period) { return time }
        return nil
    }

    private static func scale(_ year: Int, _ month: Int, _ day: Int) -> Int { (year * 12 + month - 1) * 31 + day - 1 }

    /// `2024-03-31`, `31 Mar 2024`, `31 March 2024`; nil when the text is not shaped like a day.
    private static func readDay(_ text: String) -> Reading? {
        let parts: (year: Int, month: Int, day: Int)
        if let iso = isoParts(text) {
            parts = iso
        } else if let words = wordParts(text) {
            parts = words
        } else {
            return nil
        }
        guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
            let month = (1...12).contains(parts.month) ? PeriodText.months[parts.month - 1] : "month \(parts.month)"
            return .impossible("there is no day \(parts.day) in \(month) \(parts.year)")
        }
        let at = scale(date.year, date.month, date.day)
        return .time(PeriodTime(kind: .day, canonical: text, first: at, last: at))
    }

    private static func isoParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
        else { return nil }
        return (year, month, day)
    }

    private static func wordParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[0].count <= 2, let day = number(ArraySlice(parts[0].utf8)),
            parts[2].count == 4, let year = number(ArraySlice(parts[2].utf8))
        else { return nil }
        let word = parts[1].lowercased()
        guard let month = PeriodText.shortMonths.firstIndex(where: { $0.lowercased() == word.prefix(3) }),
            word.count == 3 || PeriodText.months[month].lowercased() == word
        else { return nil }
        return (year, month + 1, day)
    }

    /// `2024`, or a start year, `-` or `/` (spaces allowed around it) and an end year of two or four digits.
    private static func readYears(_ bytes: [UInt8]) -> Reading? {
        guard bytes.count >= 4, let start = number(bytes[0..<4]) else { return nil }
        if bytes.count == 4 {
            return .time(
                PeriodTime(
                    kind: .calendarYear, canonical: String(start),
                    first: scale(start, 1, 1), last: scale(start, 12, 31)))
        }
        var index = 4
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let rest = bytes[index...]
        guard rest.count == 2 || rest.count == 4, var end = number(rest) else { return nil }
        // "1999-00" crosses a century; "2021-20" stays backwards, to be refused.
        if rest.count == 2 { end += start / 100 * 100 + (end < start % 100 && end + 100 - start % 100 <= 10 ? 100 : 0) }
        return span(from: start, to: end)
    }

    private static func span(from start: Int, to end: Int) -> Reading {
        let canonical = "\(start)-\(String(end % 100 + 100).dropFirst())"
        switch end - start {
        case 1:
            return .time(
                PeriodTime(
                    kind: .financialYear, canonical: canonical,
                    first: scale(start, 4, 1), last: scale(end, 3, 31)))
        case 2...10:
            return .time(
                PeriodTime(
                    kind: .rolling(years: end - start + 1), canonical: canonical,
                    first: scale(start, 1, 1), last: scale(end, 12, 31)))
        default:
            return .impossible(
                end <= start
                    ? "the second year must come after the first (a financial year is "
                        + "written \(start)-\(String((start + 1) % 100 + 100).dropFirst()))"
                    : "a period of more than 11 years is not one PlanSite can place in time")
        }
    }

    /// "period not stated", or words with a note in brackets ("2025 (projection)", "past year (2024-25)").
    private static func isLabel(_ text: String) -> Bool {
        if text.lowercased() == PeriodText.notStated { return true }
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return false }
        return text.contains { $0.isLetter }
    }

    /// The number a run of ASCII digits spells; nil for anything else.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for digit in digits {
            guard (0x30...0x39).contains(digit) else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }
}
