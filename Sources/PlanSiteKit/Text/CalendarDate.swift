import Foundation

/// A day of the Gregorian calendar. Content writes every date field (`last_reviewed`,
/// `assessed_on`, audit dates) in one form, `YYYY-MM-DD`, and only a day that exists is one:
/// "2025-06-31" is refused, never rolled over into July.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// English month names, for messages to the people who write the content (pages use `Words`).
    public static let months = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    /// The documented form, for error messages.
    public static let form = "YYYY-MM-DD, e.g. 2026-11-03"

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `2026-11-03` exactly (four-digit year, two-digit month and day); nil for anything else
    /// or for a day that does not exist.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for b in bytes[range] {
                guard (48...57).contains(b) else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a moment falls on in UTC (builds in CI and on a laptop agree).
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (c.year!, c.month!, c.day!)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from `other` to this day (negative when `other` is later).
    public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

    /// Days since a fixed origin (the proleptic Gregorian day count), for differences.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 12 : month
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day
    }

    /// "2026-11-03".
    public var description: String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "3 November 2026" in English, as messages to the people who write the content say dates.
    public var long: String { "\(day) \(Self.months[month - 1]) \(year)" }

    /// "3 November 2026", as pages write dates, in the site's words.
    public func long(_ words: Words) -> String { words.date(year: year, month: month, day: day) }

    /// "2026-12-01" in the site's words ("1 December 2026"); text that is not such a date as written.
    public static func long(_ text: String, _ words: Words) -> String {
        CalendarDate(iso: text)?.long(words) ?? text
    }

    /// "2026-12-01" in English, for messages to the people who build the site; other text as written.
    public static func long(_ text: String) -> String {
        CalendarDate(iso: text)?.long ?? text
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
