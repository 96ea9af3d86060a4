import Foundation

/// One list of periods from several series: in time order when every period is a time
/// (the loader has put each series in that order); otherwise each kept in the order it was
/// written, a period only a comparator has going just before the comparator's next period
/// that is already listed, or at the end if there is none: England's 2009 before Luton's
/// 2010, England's 2017 after 2016.
enum PeriodOrder {
    /// Linear in the total length: the merged list is a linked list with a table from
    /// period to node, so finding "the next period already listed" and inserting before
    /// it take constant time instead of a search of the whole list each.
    static func merge(_ lists: [[String]]) -> [String] {
        if let timed = mergeByTime(lists) { return timed }
        var order = LinkedOrder()
        for list in lists {
            if Set(list).count == list.count {
                mergeDistinct(list, into: &order)
            } else {
                mergeWithRepeats(list, into: &order)
            }
        }
        return order.elements()
    }

    /// Every distinct period in time order; nil when some period is not a time.
    private static func mergeByTime(_ lists: [[String]]) -> [String]? {
        var seen: Set<String> = []
        var timed: [(period: String, time: PeriodTime)] = []
        for list in lists {
            for period in list where !seen.contains(period) {
                guard let time = PeriodTime.of(period) else { return nil }
                seen.insert(period)
                timed.append((period, time))
            }
        }
        // Stable: one time written two ways keeps the order met (the loader warns of it).
        return timed.enumerated().sorted { a, b in
            if PeriodTime.precedes(a.element.time, b.element.time) { return true }
            return !PeriodTime.precedes(b.element.time, a.element.time) && a.offset < b.offset
        }.map(\.element.period)
    }

    /// A list without repeats (every series the loader accepts): the later periods of the list
    /// already listed when its turn comes are exactly those listed before it began, so the next
    /// one for every position is found in one pass from the end.
    private static func mergeDistinct(_ list: [String], into order: inout LinkedOrder) {
        var nextListed = [Int?](repeating: nil, count: list.count)
        var following: Int?
        for offset in list.indices.reversed() {
            nextListed[offset] = following
            if let node = order.node(of: list[offset]) { following = node }
        }
        for (offset, period) in list.enumerated() where order.node(of: period) == nil {
            order.insert(period, before: nextListed[offset])
        }
    }

    /// A list that repeats a period: a later copy counts as listed once the first is, so look
    /// ahead at what is listed now, exactly as the merge always has.
    private static func mergeWithRepeats(_ list: [String], into order: inout LinkedOrder) {
        for (offset, period) in list.enumerated() where order.node(of: period) == nil {
            var next: Int?
            for later in list[(offset + 1)...] {
                if let node = order.node(of: later) {
                    next = node
                    break
                }
            }
            order.insert(period, before: next)
        }
    }

    /// Distinct strings in order, with constant-time lookup and insertion before a given one.
    private struct LinkedOrder {
        private var values: [String] = []
        private var next: [Int] = [], previous: [Int] = []
        private var nodes: [String: Int] = [:]
        private var head = -1, tail = -1

        func node(of value: String) -> Int? { nodes[value] }

        /// Inserts `value` just before the node `successor`, or at the end when it is nil.
        mutating func insert(_ value: String, before successor: Int?) {
            let node = values.count
            values.append(value)
            nodes[value] = node
            let before = successor.map { previous[$0] } ?? tail
            next.append(successor ?? -1)
            previous.append(before)
            if let successor { previous[successor] = node } else { tail = node }
            if before == -1 { head = node } else { next[before] = node }
        }

        func elements() -> [String] {
            var result: [String] = []
            result.reserveCapacity(values.count)
            var node = head
            while node != -1 {
                result.append(values[node])
                node = next[node]
            }
            return result
        }
    }
}

/// Periods as words in a sentence, and the years they cover. Periods are free
/// text in the content ("2019-21", "2023-09-30", "period not stated"), so anything
/// not recognised is quoted as written, never guessed at.
enum PeriodText {
    static let notStated = "period not stated"

    /// "in 2020-21", "on 31 March 2024", "(period not stated)".
    static func phrase(_ period: String, _ words: Words) -> String {
        if period.lowercased().contains("not stated") { return words(.periodUnstated, ["period": period]) }
        return date(period) == nil ? words(.periodIn, ["period": period]) : words(.periodOn, ["date": display(period, words)])
    }

    /// "31 March 2024" for an ISO date, in the site's words; any other period as written.
    static func display(_ period: String, _ words: Words) -> String {
        guard let date = date(period) else { return period }
        return words.date(year: date.year, month: date.month, day: date.day)
    }

    /// "31 March 2024" in English, for messages to the people who write the content.
    static func englishDisplay(_ period: String) -> String {
        guard let date = date(period) else { return period }
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// First and last calendar year a period covers: "2019-21" is 2019...2021, "2023-09-30"
    /// is 2023...2023, "2010 to 2016" is 2010...2016; nil when it names no year.
    static func years(_ period: String) -> ClosedRange<Int>? {
        if let date = date(period) { return date.year...date.year }
        var years: [Int] = []
        let range = NSRange(period.startIndex..., in: period)
        for match in Patterns.year.matches(in: period, range: range) {
            guard let startRange = Range(match.range(at: 1), in: period), let start = Int(period[startRange]) else { continue }
            years.append(start)
            if let shortRange = Range(match.range(at: 2), in: period), let short = Int(period[shortRange]) {
                // "2023-09" is a month, not 2023 to 2109: only a short span counts as an end year.
                let end = start / 100 * 100 + short
                let wrapped = end < start ? end + 100 : end
                if wrapped - start <= 10 { years.append(wrapped) }
            }
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }

    /// The English month names content may write in a date ("31 March 2024"), for reading it.
    static let months = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A date written as ISO ("2024-03-31") or as the statistics tables write quarter ends
    /// ("31 Mar 2024", "31 March 2024").
    static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        if let plain = PlainPeriod(text) { return plain.date() }
        if let iso = isoDate(text) { return iso }
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), (1...31).contains(day), parts[2].count == 4, let year = Int(parts[2]) else {
            return nil
        }
        let word = parts[1].prefix(3).lowercased()
        guard let month = shortMonths.firstIndex(where: { $0.lowercased() == word }),
            parts[1].count == 3 || months[month].lowercased() == parts[1].lowercased()
        else { return nil }
        return (year, month + 1, day)
    }

    private static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }

    /// When a period falls, in years (2019.0 is 1 January 2019), for a true time axis:
    /// "2019" is the calendar year, "2019-20" (one year apart) the financial year April to
    /// March, "2019-21" or "2019-23" the calendar years it spans, a date the day itself.
    /// Nil for anything else ("period not stated", "2025 (projection)").
    static func span(_ period: String) -> ClosedRange<Double>? {
        if let date = date(period) {
            let t = Double(date.year) + (Double(date.month - 1) + Double(date.day - 1) / 31) / 12
            return t...t
        }
        let parts: [Substring]
        let whole: Int?
        if let plain = PlainPeriod(period) {
            (parts, whole) = plain.yearParts()
        } else {
            let text = period.trimmingCharacters(in: .whitespaces)
            parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
            whole = text.count == 4 ? Int(text) : nil
        }
        if let year = whole, (1000...9999).contains(year) { return Double(year)...Double(year + 1) }
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

/// A period written in printable ASCII, as nearly all are ("2019-21", "2024-03-31",
/// "30 Jun 2018"), read byte by byte: splitting and trimming each period as a String was
/// 6% of a 1,000-indicator build, and every chart, tile and row reads its periods again.
/// It answers exactly as the general path in `PeriodText` does (`PeriodTextTests` checks
/// both on the same periods); anything else (a "+", a control or non-ASCII character)
/// takes that general path.
private struct PlainPeriod {
    let text: String
    let bytes: [UInt8]

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "+") }) else { return nil }
        self.text = text
        self.bytes = bytes
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The number a run of digits spells; nil if the run is empty or holds anything else (as `Int(_:)` reads it without a sign).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            guard isDigit(digit) else { return nil }
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = tens.addingReportingOverflow(Int(digit - 0x30))
            if overflow || carry { return nil }
            value = sum
        }
        return value
    }

    /// The runs between separators, empty ones left out, as `split(separator:)` gives them.
    private func fields(_ range: Range<Int>, separatedBy isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where isSeparator(bytes[index]) {
            if index > start { fields.append(start..<index) }
            start = index + 1
        }
        if range.upperBound > start { fields.append(start..<range.upperBound) }
        return fields
    }

    func date() -> (year: Int, month: Int, day: Int)? {
        let dash = UInt8(ascii: "-")
        if bytes.count == 10, bytes[4] == dash, bytes[7] == dash {
            if let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10]),
                (1...12).contains(month), (1...31).contains(day)
            {
                return (year, month, day)
            }
            return nil
        }
        let parts = fields(bytes.indices) { $0 == UInt8(ascii: " ") }
        guard parts.count == 3, let day = Self.number(bytes[parts[0]]), (1...31).contains(day),
            parts[2].count == 4, let year = Self.number(bytes[parts[2]])
        else { return nil }
        let word = String(decoding: bytes[parts[1]], as: UTF8.self).lowercased()
        guard let month = PeriodText.shortMonths.firstIndex(where: { $0.lowercased() == word.prefix(3) }),
            word.count == 3 || PeriodText.months[month].lowercased() == word
        else { return nil }
        return (year, month + 1, day)
    }

    /// The period without its surrounding spaces and tabs, split at "-" and "/"; and the
    /// whole as a number when it is four characters long.
    func yearParts() -> (parts: [Substring], whole: Int?) {
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
            return ([], nil)
        }
        let trimmed = first..<(last + 1)
        let parts = fields(trimmed) { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }.map { range in
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        return (parts, trimmed.count == 4 ? Self.number(bytes[trimmed]) : nil)
    }
}
