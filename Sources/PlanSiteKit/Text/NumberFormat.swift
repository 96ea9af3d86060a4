import Foundation

/// Numbers as en-GB readers expect them: thousands separators and the
/// indicator's own decimals. Written by hand so output never depends on the
/// machine's locale.
public enum NumberFormat {
    public static func format(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(decimals, 6))
        // The digit walk's bytes, grouped in one buffer: the same text as the general path below.
        if let digits = roundedDigits(abs(value), decimals: decimals), case let point = digits.count - (decimals > 0 ? decimals + 1 : 0),
            point > 0
        {
            let negative = value < 0 && digits.contains { $0 != 0x30 && $0 != 0x2E }
            var text: [UInt8] = []
            text.reserveCapacity(digits.count + point / 3 + 3)
            if negative { text += [0xE2, 0x88, 0x92] }  // "−"
            for index in 0..<point {
                if index > 0, (point - index) % 3 == 0 { text.append(0x2C) }
                text.append(digits[index])
            }
            text += digits[point...]
            return String(decoding: text, as: UTF8.self)
        }
        let fixed = rounded(abs(value), decimals: decimals)
        let parts = fixed.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Rounds half away from zero on the number as written (9.25 → 9.3), as
    /// statistical publishers do; printf would round the binary value half-to-even (9.2).
    /// "As written" is Swift's shortest form of the value, rounded digit by digit (Decimal
    /// arithmetic gave the same answer at a tenth of the build's time).
    static func rounded(_ value: Double, decimals: Int) -> String {
        roundedDigits(value, decimals: decimals).map { String(decoding: $0, as: UTF8.self) } ?? decimalRounded(value, decimals: decimals)
    }

    /// `rounded`'s digit walk, as UTF-8 (digits, then a point and `decimals` digits when `decimals > 0`);
    /// nil for the forms it does not read, which `decimalRounded` rounds.
    private static func roundedDigits(_ value: Double, decimals: Int) -> [UInt8]? {
        let written = Array("\(value)".utf8)
        guard value >= 0, let point = written.firstIndex(of: 0x2E),
            written.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E })
        else {
            return nil
        }
        var digits = written.filter { $0 != 0x2E }
        let wholeCount = point
        let keep = wholeCount + decimals
        if digits.count > keep {
            let roundsUp = digits[keep] >= 0x35
            digits.removeSubrange(keep...)
            if roundsUp {
                var index = keep - 1
                while index >= 0, digits[index] == 0x39 {
                    digits[index] = 0x30
                    index -= 1
                }
                if index >= 0 { digits[index] += 1 } else { digits.insert(0x31, at: 0) }
            }
        } else {
            digits += Array(repeating: 0x30, count: keep - digits.count)
        }
        if decimals > 0 { digits.insert(0x2E, at: digits.count - decimals) }
        return digits
    }

    /// The same rounding through Decimal: for the forms the digit walk does not read
    /// (exponents such as 1e-05, negatives), and the reference its test compares with.
    static func decimalRounded(_ value: Double, decimals: Int) -> String {
        guard var decimal = Decimal(string: "\(value)") else { return String(format: "%.\(decimals)f", value) }
        var result = Decimal()
        NSDecimalRound(&result, &decimal, decimals, .plain)
        let text = NSDecimalNumber(decimal: result).stringValue
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard decimals > 0 else { return String(parts[0]) }
        return parts[0] + "." + fraction.padding(toLength: decimals, withPad: "0", startingAt: 0)
    }

    /// "78.1 years", "27%", "76 people"; the unit as the indicator names it, joined as the site's words join them.
    public static func withUnit(_ value: Double, decimals: Int, unit: String, words: Words) -> String {
        let number = format(value, decimals: decimals)
        switch unit {
        case "%": return words(.numberPercent, ["number": number])
        case "count", "": return number
        default: return words(.numberWithUnit, ["number": number, "unit": unit])
        }
    }
}
