import Foundation

/// Numbers as en-GB readers expect them: thousands separators and the
/// indicator's own decimals. Written by hand so output never depends on the
/// machine's locale.
public enum NumberFormat {
    public static func format(_ value: Double, decimals: Int) -> String {
        let fixed = rounded(abs(value), decimals: max(0, min(decimals, 6)))
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
    static func rounded(_ value: Double, decimals: Int) -> String {
        guard var decimal = Decimal(string: "\(value)") else { return String(format: "%.\(decimals)f", value) }
        var result = Decimal()
        NSDecimalRound(&result, &decimal, decimals, .plain)
        let text = NSDecimalNumber(decimal: result).stringValue
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard decimals > 0 else { return String(parts[0]) }
        return parts[0] + "." + fraction.padding(toLength: decimals, withPad: "0", startingAt: 0)
    }

    /// "78.1 years", "27%", "76 people"; the unit as the indicator names it.
    public static func withUnit(_ value: Double, decimals: Int, unit: String) -> String {
        let number = format(value, decimals: decimals)
        switch unit {
        case "%": return number + "%"
        case "count", "": return number
        default: return number + " " + unit
        }
    }
}
