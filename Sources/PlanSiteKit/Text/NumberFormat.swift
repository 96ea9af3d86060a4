import Foundation

/// Numbers as en-GB readers expect them: thousands separators and the
/// indicator's own decimals. Written by hand so output never depends on the
/// machine's locale.
public enum NumberFormat {
    public static func format(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(decimals, 6))
        // The digit walk's digits, grouped in one buffer: the same text as the general path below.
        if let (digits, whole) = roundedDigits(abs(value), decimals: decimals) {
            let negative = value < 0 && digits.contains { $0 != 0x30 }
            var text: [UInt8] = []
            text.reserveCapacity(digits.count + whole / 3 + 4)
            if negative { text += [0xE2, 0x88, 0x92] }  // "−"
            for index in 0..<whole {
                if index > 0, (whole - index) % 3 == 0 { text.append(0x2C) }
                text.append(digits[index])
            }
            if decimals > 0 {
                text.append(0x2E)
                text += digits[whole...]
            }
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
        guard let (digits, whole) = roundedDigits(value, decimals: decimals) else { return decimalRounded(value, decimals: decimals) }
        var text = digits
        if decimals > 0 { text.insert(0x2E, at: whole) }
        return String(decoding: text, as: UTF8.self)
    }

    /// `rounded`'s digit walk: the digits as UTF-8, `decimals` of them after the point, and how many
    /// come before it; nil for the forms it does not read (negatives, exponents such as 1e-05),
    /// which `decimalRounded` rounds.
    private static func roundedDigits(_ value: Double, decimals: Int) -> (digits: [UInt8], whole: Int)? {
        var digits: [UInt8] = []
        // A whole number is written "123.0": its digits, then zeros, without writing it out first.
        if value == value.rounded(), value.sign == .plus, value < 1e15 {
            digits.reserveCapacity(16 + decimals)
            digits.appendDecimal(Int(value))
            let whole = digits.count
            digits += repeatElement(0x30, count: decimals)
            return (digits, whole)
        }
        let written = value.description.utf8
        digits.reserveCapacity(written.count + decimals + 1)
        var point: Int?
        for byte in written {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
            } else if byte == 0x2E, point == nil {
                point = digits.count
            } else {
                return nil
            }
        }
        guard var whole = point else { return nil }
        let keep = whole + decimals
        if digits.count > keep {
            let roundsUp = digits[keep] >= 0x35
            digits.removeSubrange(keep...)
            if roundsUp {
                var index = keep - 1
                while index >= 0, digits[index] == 0x39 {
                    digits[index] = 0x30
                    index -= 1
                }
                if index >= 0 {
                    digits[index] += 1
                } else {
                    digits.insert(0x31, at: 0)
                    whole += 1
                }
            }
        } else {
            digits += repeatElement(0x30, count: keep - digits.count)
        }
        return (digits, whole)
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
