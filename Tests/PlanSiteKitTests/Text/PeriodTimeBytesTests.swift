import Testing

@testable import PlanSiteKit

/// `PeriodTime.read` reads the period's UTF-8 bytes; these check that it answers exactly as the
/// reading through Characters and arrays did before (commit f2d3c06), on real periods, near misses
/// and random text.
@Suite struct PeriodTimeBytesTests {
    /// The day-shaped forms as they were read before.
    enum Reference {
        static func dayParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
            let bytes = Array(text.utf8)
            if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
            {
                return (year, month, day)
            }
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

        static func number(_ digits: ArraySlice<UInt8>) -> Int? {
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            var value = 0
            for digit in digits {
                guard (0x30...0x39).contains(digit) else { return nil }
                value = value * 10 + Int(digit - 0x30)
            }
            return value
        }
    }

    static func describe(_ reading: PeriodTime.Reading) -> String {
        switch reading {
        case .time(let time): "time \(time.kind) \(time.canonical) \(time.first) \(time.last)"
        case .impossible(let why): "impossible \(why)"
        case .label: "label"
        case .unrecognised: "unrecognised"
        }
    }

    static let samples = [
        "2024", "2024-25", "2024/25", "2024/2025", "2019-21", "2019 - 21", "2019  /  2021", "1999-00", "0999", "0999-00",
        "2024-03-31", "2024-02-30", "31 Mar 2024", "31 March 2024", "1 mar 2024", "31 MARCH 2024", "31 Marc 2024",
        "31 Ma 2024", "31  Mar   2024", " 31 Mar 2024 ", "31\tMar 2024", "031 Mar 2024", "31 Mar 02024", "31 Mar 24",
        "31 Mär 2024", "31 Mar\u{301} 2024", "31 \u{301}Mar 2024", "3\u{301}1 Mar 2024", "31 Sept 2024", "31 September 2024",
        "29 Feb 2023", "29 Feb 2024", "31 June 2025", "00 Jan 2024", "1 Jan 0000", "31 Mar 2024 x", "Mar 2024",
        "31 KMar 2024", "31 \u{212A}ar 2024", "2021-20", "2020-31", "2020-21x", "20-21", "2020-2", "2020 -", "2020-",
        "period not stated", "2025 (projection)", "past year (2024-25)", "Jun-18", "2022-23\"", "", " ", "\u{A0}2024\u{A0}",
        "２０２４", "2024-03-31T00", "2024-3-31", "2024/03/31", "١٢٣٤",
    ]

    @Test func readsEveryPeriodAsBefore() {
        var random = SeededRandom(seed: 7)
        let pieces = ["1", "2", "0", "9", "-", "/", " ", "Mar", "march", "MAY", "é", "\u{301}", "(", ")", "a", "31", "2024"]
        let texts = Self.samples + (0..<3000).map { _ in random.text(from: pieces, count: 6) }
        for text in texts {
            let trimmed = text.trimmed(.whitespaces)
            let expected: String
            if let parts = Reference.dayParts(trimmed) {
                if let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) {
                    let at = (date.year * 12 + date.month - 1) * 31 + date.day - 1
                    expected = "time day \(trimmed) \(at) \(at)"
                } else {
                    expected = "impossible"
                }
            } else {
                expected = "not a day"
            }
            let actual = Self.describe(PeriodTime.read(text))
            switch expected {
            case "impossible": #expect(actual.hasPrefix("impossible there is no day"), "\(text.debugDescription)")
            case "not a day":
                #expect(!actual.hasPrefix("time day") && !actual.hasPrefix("impossible there is no day"), "\(text.debugDescription)")
            default: #expect(actual == expected, "\(text.debugDescription)")
            }
        }
    }

    /// A span's spelling is written byte by byte; the checks after arranging a series use the time its
    /// spelling names without reading it again.
    @Test func canonicalSpellingsAndTheirTimes() {
        var random = SeededRandom(seed: 11)
        let pieces = ["0", "1", "2", "9", "0999", "1999", "2024", "-", "/", " ", "00", "99", "31 Mar "]
        let texts = Self.samples + (0..<3000).map { _ in random.text(from: pieces, count: 4) }
        for text in texts {
            guard case .time(let time) = PeriodTime.read(text) else { continue }
            #expect(PeriodTime.of(time.canonical) == time.timeOfCanonicalSpelling, "\(text.debugDescription)")
            if case .day = time.kind { continue }
            let (start, end) = (time.first / 372, time.last / 372)
            let interpolated = start == end ? String(start) : "\(start)-\(String(end % 100 + 100).dropFirst())"
            #expect(time.canonical == interpolated, "\(text.debugDescription)")
        }
    }
}
