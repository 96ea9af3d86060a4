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

    /// The time its canonical spelling names when read again, as checks after `SeriesPeriods.arrange`
    /// read it: the same time, except for a year before 1000, which is shown in fewer than four
    /// digits ("999") and so names no time.
    var timeOfCanonicalSpelling: PeriodTime? { kind == .day || first >= Self.scale(1000, 1, 1) ? self : nil }

    /// The time alone, to find one time however it is written: its first and last day, which no two
    /// kinds of period share (only a financial year starts in April, only a day ends where it starts,
    /// a year and a rolling period differ in length). Two numbers hash faster than a whole `PeriodTime`.
    var withoutSpelling: Span { Span(first: first, last: last) }

    struct Span: Hashable {
        let first: Int, last: Int
    }

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
        // Read from the text's UTF-8 bytes in place: splitting it into Characters and copying
        // it into arrays cost more than all the rest of reading a series.
        var bytesOfText = text
        let reading = bytesOfText.withUTF8 { bytes -> Reading? in
            if let parts = isoParts(bytes) ?? wordParts(bytes) { return day(parts, written: text) }
            return readYears(bytes)
        }
        if let reading { return reading }
        return isLabel(text) ? .label : .unrecognised
    }

    /// The time, when the period is written in an accepted form and names a real one.
    public static func of(_ period: String) -> PeriodTime? {
        if case .time(let time) = read(period) { return time }
        return nil
    }

    private static func scale(_ year: Int, _ month: Int, _ day: Int) -> Int { (year * 12 + month - 1) * 31 + day - 1 }

    /// A period shaped like a day (`2024-03-31`, `31 Mar 2024`, `31 March 2024`): the day, if it exists.
    private static func day(_ parts: (year: Int, month: Int, day: Int), written text: String) -> Reading {
        guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
            let month = (1...12).contains(parts.month) ? PeriodText.months[parts.month - 1] : "month \(parts.month)"
            return .impossible("there is no day \(parts.day) in \(month) \(parts.year)")
        }
        let at = scale(date.year, date.month, date.day)
        return .time(PeriodTime(kind: .day, canonical: text, first: at, last: at))
    }

    private static func isoParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
        else { return nil }
        return (year, month, day)
    }

    /// `31 Mar 2024` or `31 March 2024`: three words between spaces, as `split(separator: " ")` finds
    /// them; a day of one or two digits, a month named in English in any case, a year of four digits.
    /// Only ASCII can match, so bytes answer as Characters did.
    private static func wordParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        func word(from start: Int) -> Range<Int>? {
            var start = start
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            return start..<end
        }
        guard let dayWord = word(from: 0), let monthWord = word(from: dayWord.upperBound),
            let yearWord = word(from: monthWord.upperBound), word(from: yearWord.upperBound) == nil,
            dayWord.count <= 2, let day = number(bytes[dayWord]), yearWord.count == 4, let year = number(bytes[yearWord])
        else { return nil }
        let name = bytes[monthWord]
        guard name.count >= 3, let month = PeriodText.shortMonths.firstIndex(where: { spells($0, name.prefix(3)) }),
            name.count == 3 || spells(PeriodText.months[month], name)
        else { return nil }
        return (year, month + 1, day)
    }

    /// Whether `bytes` are `word` in any mix of upper and lower case (ASCII letters only).
    private static func spells(_ word: String, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return word.utf8.count == bytes.count && zip(word.utf8, bytes).allSatisfy { lower($0) == lower($1) }
    }

    /// `2024`, or a start year, `-` or `/` (spaces allowed around it) and an end year of two or four digits.
    private static func readYears(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
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
        let canonical = spanSpelling(start, end)
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

    /// "2022-23": the start year, a hyphen and the end year's last two digits. Written byte by byte
    /// for a four-digit start year (interpolation cost more than reading the period).
    private static func spanSpelling(_ start: Int, _ end: Int) -> String {
        guard (1000...9999).contains(start) else { return "\(start)-\(String(end % 100 + 100).dropFirst())" }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            var year = start
            for index in (0..<4).reversed() {
                buffer[index] = UInt8(ascii: "0") + UInt8(year % 10)
                year /= 10
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "0") + UInt8(end / 10 % 10)
            buffer[6] = UInt8(ascii: "0") + UInt8(end % 10)
            return 7
        }
    }

    /// "period not stated", or words with a note in brackets ("2025 (projection)", "past year (2024-25)").
    private static func isLabel(_ text: String) -> Bool {
        if text.lowercased() == PeriodText.notStated { return true }
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return false }
        return text.contains { $0.isLetter }
    }

    /// The number a run of ASCII digits spells; nil for anything else.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for digit in digits {
            guard (0x30...0x39).contains(digit) else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }
}
