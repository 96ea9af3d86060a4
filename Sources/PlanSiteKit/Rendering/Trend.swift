/// Direction of travel between the last two values of a series, in words. It says
/// only which way the figure moved: two figures are not enough to call a trend
/// significant, so it makes no claim of better or worse.
enum Trend {
    static func describe(_ indicator: Indicator) -> String {
        let values = indicator.series.filter { $0.value != nil }
        guard values.count >= 2, let last = values.last, let previous = values.dropLast().last,
              let now = last.value, let before = previous.value else {
            return "Not enough data for a trend"
        }
        let from = NumberFormat.format(before, decimals: indicator.decimals)
        if NumberFormat.format(now, decimals: indicator.decimals) == from { return "No change since \(previous.period)" }
        return "\(now > before ? "Up" : "Down") from \(from) \(PeriodText.phrase(previous.period))"
    }
}
