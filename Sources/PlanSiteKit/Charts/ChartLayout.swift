import Foundation

/// The drawing's size and margins. The wide frame is for screens of about 40em and
/// more; the narrow one is drawn for phones (320 CSS px) with its own, fewer, tick
/// labels and a legend above the plot instead of labels beside it, so no text shrinks
/// below a legible size and nothing needs scrolling.
struct ChartFrame: Sendable {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var isNarrow: Bool

    var plotBottom: Double { height - bottom }
    var plotRight: Double { width - right }
    var plotWidth: Double { width - left - right }

    static func wide(left: Double) -> ChartFrame {
        ChartFrame(width: 720, height: 340, left: left, right: 170, top: 40, bottom: 56, isNarrow: false)
    }

    /// `legendRows` rows of legend sit between the unit and the plot.
    static func narrow(left: Double, right: Double, legendRows: Int) -> ChartFrame {
        let top = 30 + Double(legendRows) * ChartText.lineHeight + 12
        return ChartFrame(width: 340, height: top + 260, left: left, right: right, top: top, bottom: 48, isNarrow: true)
    }
}

/// Where each period sits along the x axis. When every period is a year, a financial
/// year, a span of years ("2019-21") or a date ("30 Jun 2018"), in increasing order, the
/// axis is a true time axis: each period at the middle of the time it covers, so a
/// missing year or quarter shows as a gap. Otherwise periods are categories, spaced
/// evenly in the order written.
struct XAxis {
    var timeline: Timeline
    var left: Double
    var width: Double

    /// The periods in time, whatever the drawing's size: read once for a chart's wide and narrow drawings.
    struct Timeline {
        var periods: [String]
        /// Each period's midpoint in years, on a time axis.
        fileprivate var times: [Double]?
        fileprivate var areDates = false
        /// Each period's place, so plotting a long series is not a search per point.
        fileprivate var positions: [String: Int]
        /// The shortest step between neighbouring periods, on a time axis: anything over half as far again is a gap.
        fileprivate var step = 1.0

        init(periods: [String]) {
            self.periods = periods
            self.positions = Dictionary(periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let spans = periods.compactMap(PeriodText.span)
            let mids = spans.map { ($0.lowerBound + $0.upperBound) / 2 }
            let increasing = spans.count == periods.count && zip(mids, mids.dropFirst()).allSatisfy { $0 < $1 }
            guard increasing, mids.count > 1 else { return }
            times = mids
            areDates = spans.allSatisfy { $0.lowerBound == $0.upperBound }
            let steps = zip(mids, mids.dropFirst()).map { $1 - $0 }.sorted()
            step = steps[0]
        }
    }

    init(periods: [String], left: Double, width: Double) {
        self.init(timeline: Timeline(periods: periods), left: left, width: width)
    }

    init(timeline: Timeline, left: Double, width: Double) {
        self.timeline = timeline
        self.left = left
        self.width = width
    }

    var periods: [String] { timeline.periods }
    private var times: [Double]? { timeline.times }
    private var areDates: Bool { timeline.areDates }
    private var positions: [String: Int] { timeline.positions }
    private var step: Double { timeline.step }

    var isTimeScale: Bool { times != nil }

    /// The period's place on the axis (its first, should one be written twice).
    func index(of period: String) -> Int? { positions[period] }

    func x(_ index: Int) -> Double {
        guard periods.count > 1 else { return left + width / 2 }
        if let times, let first = times.first, let last = times.last {
            return x(time: times[index], first: first, last: last)
        }
        return left + Double(index) * width / Double(periods.count - 1)
    }

    private func x(time: Double, first: Double, last: Double) -> Double {
        left + (time - first) / (last - first) * width
    }

    /// Whether a line may join two points: neighbours on the axis, with no period missing
    /// between them (on a time axis, no more than half as far again apart as usual).
    func joins(_ a: Int, _ b: Int) -> Bool {
        if let times { return times[b] - times[a] <= step * 1.5 }
        return b == a + 1
    }

    struct Tick: Equatable {
        var x: Double
        var label: String
    }

    /// The labelled ticks: on a date axis, 1 January of every year, or every second or
    /// fifth…; otherwise every k-th period counted back from the last, so the latest is
    /// always labelled. The smallest step whose labels keep `gap` apart inside `bounds`.
    func ticks(within bounds: ClosedRange<Double>, gap: Double = 12) -> [Tick] {
        if areDates, let times, let first = times.first, let last = times.last {
            let years = Array(Int(first.rounded(.up))...max(Int(first.rounded(.up)), Int(last.rounded(.down))))
                .filter { Double($0) >= first && Double($0) <= last }
            for every in [1, 2, 5, 10, 20, 50] {
                let chosen = years.filter { $0 % every == 0 }.map {
                    Tick(x: x(time: Double($0), first: first, last: last), label: String($0))
                }
                if chosen.count >= 2 || every == 50, Self.fits(chosen, within: bounds, gap: gap) {
                    return Self.clamped(chosen, within: bounds)
                }
            }
        }
        for every in 1...max(1, periods.count) {
            let chosen = stride(from: periods.count - 1, through: 0, by: -every).reversed().map { Tick(x: x($0), label: periods[$0]) }
            if Self.fits(chosen, within: bounds, gap: gap) { return Self.clamped(chosen, within: bounds) }
        }
        return periods.last.map { [Tick(x: x(periods.count - 1), label: $0)] }.map { Self.clamped($0, within: bounds) } ?? []
    }

    /// Labels are centred on their tick but kept inside the drawing.
    private static func clamped(_ ticks: [Tick], within bounds: ClosedRange<Double>) -> [Tick] {
        ticks.map { tick in
            let half = ChartText.width(tick.label) / 2
            return Tick(x: min(max(tick.x, bounds.lowerBound + half), bounds.upperBound - half), label: tick.label)
        }
    }

    private static func fits(_ ticks: [Tick], within bounds: ClosedRange<Double>, gap: Double) -> Bool {
        let placed = clamped(ticks, within: bounds)
        return zip(placed, placed.dropFirst()).allSatisfy { a, b in
            b.x - a.x >= (ChartText.width(a.label) + ChartText.width(b.label)) / 2 + gap
        }
    }
}

/// The value axis: a little room around the data, zero included when the data sit
/// near it (or there is only one value), round ticks.
struct Scale {
    var low: Double
    var high: Double
    var ticks: [Double]
    var decimals: Int

    init(values: [Double]) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if low >= 0 && (low <= high * 0.5 || low == high) { low = 0 }
        if high == low {
            high = low + max(1, abs(low) * 0.1)
            low -= (high - low)
        }
        // Each end divided before subtracting: the range of -1e308 and 1e308 is past the largest Double.
        let step = Scale.niceStep(high / 5 - low / 5)
        var lowTicks = (low / step).rounded(.down)
        let highTicks = (high / step).rounded(.up)
        if lowTicks < 0 && (finite.min() ?? 0) >= 0 { lowTicks = 0 }
        guard step.isFinite, (lowTicks * step).isFinite, ((highTicks - lowTicks) * step).isFinite,
            (highTicks * step).isFinite, highTicks - lowTicks <= 20
        else {
            // So far apart that no round ticks fit between them: the two ends only.
            self.low = max(low, -Double.greatestFiniteMagnitude / 4)
            self.high = min(high, Double.greatestFiniteMagnitude / 4)
            (ticks, decimals) = ([self.low, self.high], 0)
            return
        }
        self.low = lowTicks * step
        self.high = highTicks * step
        // Counted, not strided: a stride of Doubles near their limits can run forever.
        ticks = (0...Int(highTicks - lowTicks)).map { (lowTicks + Double($0)) * step }
        decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}

/// Rough text metrics for the chart's 15px labels, so labels can be kept apart and
/// inside the drawing without a font engine. Generous: 8.5px a character is wider than
/// the average 15px character of the site's sans-serif fonts, and each character gets
/// 0.12em more, the letter spacing a reader may set (WCAG 1.4.12), so labels stay apart then too.
enum ChartText {
    static let lineHeight = 17.0
    static let charWidth = 8.5 + 0.12 * 15

    static func width(_ text: String) -> Double { Double(text.count) * charWidth }
}

/// Labels at the right of their points, nudged apart vertically so none overlap.
enum LabelPlacer {
    /// `wanted` y positions in; the same count of y positions out, at least one line apart, order kept.
    static func spread(_ wanted: [Double], within range: ClosedRange<Double>) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var placed = wanted
        var previous = -Double.infinity
        for index in order {
            placed[index] = max(wanted[index], previous + ChartText.lineHeight)
            previous = placed[index]
        }
        // Anything pushed below the drawing is shifted back up as a block.
        if let lowest = placed.max(), lowest > range.upperBound {
            let shift = lowest - range.upperBound
            placed = placed.map { max(range.lowerBound, $0 - shift) }
        }
        return placed
    }
}
