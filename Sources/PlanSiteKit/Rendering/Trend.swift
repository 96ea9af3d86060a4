/// Direction of travel between the last two values of a series, in words.
enum Trend {
    static func describe(_ indicator: Indicator) -> String {
        let values = indicator.series.filter { $0.value != nil }
        guard values.count >= 2, let last = values.last, let previous = values.dropLast().last,
              let now = last.value, let before = previous.value else {
            return "Not enough data for a trend"
        }
        let from = NumberFormat.format(before, decimals: indicator.decimals)
        if now == before { return "No change since \(previous.period)" }
        return "\(now > before ? "Up" : "Down") from \(from) in \(previous.period)"
    }
}
