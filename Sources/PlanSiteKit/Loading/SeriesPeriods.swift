/// The period rules for one series (docs/content-format.md, "Periods"): every period in an
/// accepted form or a documented label, no impossible time, one spelling for each time, one
/// kind of period unless the file says the kinds change; and time order, whatever order the
/// file uses, whenever every period is a time.
struct SeriesPeriods {
    struct Entry {
        var observation: Observation
        var location: SourceLocation
        /// The time its period names, set by `arrange` (nil before, and for a period that is no time),
        /// so that later checks need not read the period again.
        var time: PeriodTime?
    }

    /// "series" or "comparator England", as messages name it.
    var name: String
    /// `period_kinds: mixed`: the file says the kind of period changes along the series.
    var mixedKinds: Bool

    /// The entries in time order with each period spelled as the site shows it, or in the order
    /// written when some period is not a time (then `datable` is false if one is a label, so the
    /// order written is what the site shows).
    func arrange(_ entries: [Entry], problems: inout [Diagnostic]) -> (entries: [Entry], datable: Bool) {
        let readings = entries.map { PeriodTime.read($0.observation.period) }
        let anyTime = readings.contains { if case .time = $0 { true } else { false } }
        var labelled = false
        var times: [Timed] = []
        var arranged = entries
        for (index, reading) in readings.enumerated() {
            switch reading {
            case .time(let time):
                arranged[index].observation.period = time.canonical
                arranged[index].time = time.timeOfCanonicalSpelling
                times.append(Timed(index: index, written: entries[index], time: time))
            case .impossible(let why):
                problems.append(
                    .error(
                        entries[index].location,
                        "period \"\(entries[index].observation.period)\" "
                            + "names no real time: \(why)"))
            case .unrecognised where anyTime:
                problems.append(.error(entries[index].location, unrecognised(entries[index].observation.period)))
            case .label, .unrecognised:
                labelled = true
            }
        }
        problems += repeatedTimes(times) + (mixedKinds ? [] : mixedKindProblems(times))
        guard times.count == entries.count else { return (arranged, !labelled) }
        let order = times.sorted { a, b in
            if PeriodTime.precedes(a.time, b.time) { return true }
            return !PeriodTime.precedes(b.time, a.time) && a.index < b.index
        }
        return (order.map { arranged[$0.index] }, true)
    }

    private struct Timed {
        var index: Int
        var written: Entry
        var time: PeriodTime
    }

    private func unrecognised(_ period: String) -> String {
        if period.contains("\"") || period.contains("'") {
            let bare = period.filter { $0 != "\"" && $0 != "'" }
            return "period \(period) has a stray quote mark; write `period: \"\(bare)\"`, with a quote at each end or none"
        }
        if period.contains("–") || period.contains("—") {
            let hyphened = period.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            return "period \"\(period)\" has a dash where PlanSite reads a hyphen; write \"\(hyphened)\""
        }
        return "period \"\(period)\" is in no form PlanSite can place in time, unlike the others in \(name); write "
            + "\(PeriodTime.forms), or words with a note in brackets such as \"2025 (projection)\""
    }

    /// One time written twice ("2020-21" and "2020/21"), whatever the spelling.
    private func repeatedTimes(_ times: [Timed]) -> [Diagnostic] {
        // Where each time is first written (a position in `times`: an entry costs more to copy).
        var first: [PeriodTime.Span: Int] = Dictionary(minimumCapacity: times.count)
        var problems: [Diagnostic] = []
        for (index, timed) in times.enumerated() {
            let key = timed.time.withoutSpelling
            let (period, location) = (timed.written.observation.period, timed.written.location)
            guard let earlierIndex = first[key] else {
                first[key] = index
                continue
            }
            let earlier = times[earlierIndex].written
            let line = earlier.location.line
            problems.append(
                .error(
                    location,
                    earlier.observation.period == period
                        ? "period \"\(period)\" appears twice in \(name) (first at line \(line))"
                        : "period \"\(period)\" is the same time as \"\(earlier.observation.period)\" at line \(line) of \(name), "
                            + "written another way; keep one of the two"))
        }
        return problems
    }

    /// Financial years with one rolling period among them: a slip unless the file says the kinds change.
    private func mixedKindProblems(_ times: [Timed]) -> [Diagnostic] {
        // Most series have one kind of period: nothing to count.
        guard let kind = times.first?.time.kind, times.contains(where: { $0.time.kind != kind }) else { return [] }
        var counts: [PeriodTime.Kind: Int] = [:]
        for timed in times { counts[timed.time.kind, default: 0] += 1 }
        // The commonest kind is the series' own; of equally common ones, the first written.
        guard counts.count > 1, let usual = times.map(\.time.kind).max(by: { counts[$0]! < counts[$1]! }) else { return [] }
        return times.filter { $0.time.kind != usual }.map { timed in
            .error(
                timed.written.location,
                "period \"\(timed.written.observation.period)\" is \(timed.time.kind.name), "
                    + "but the other periods of \(name) are \(usual.plural); write it as they are, or add "
                    + "`period_kinds: mixed` to the file if the kind of period really changes")
        }
    }
}

extension SeriesPeriods {
    /// A period of the series that a comparator has no figure for, though it has figures of that kind
    /// before and after it: most often one time written two ways, which leaves it "not compared".
    /// Both lists as `arrange` gives them.
    static func coverageWarnings(series: [Entry], comparator geography: String, _ other: [Entry]) -> [Diagnostic] {
        var byTime: [PeriodTime.Span: String] = Dictionary(minimumCapacity: other.count)
        var bounds: [PeriodTime.Kind: (first: PeriodTime, last: PeriodTime)] = [:]
        for entry in other {
            guard let time = entry.time else { continue }
            byTime[time.withoutSpelling] = entry.observation.period
            let known = bounds[time.kind] ?? (time, time)
            bounds[time.kind] = (
                PeriodTime.precedes(time, known.first) ? time : known.first,
                PeriodTime.precedes(known.last, time) ? time : known.last
            )
        }
        return series.compactMap { entry in
            let period = entry.observation.period
            guard entry.observation.value != nil, let time = entry.time, let around = bounds[time.kind] else { return nil }
            if let spelling = byTime[time.withoutSpelling] {
                guard spelling != period else { return nil }
                return .warning(
                    entry.location,
                    "\(geography) writes this period \"\(spelling)\" and the series "
                        + "\"\(period)\"; write both the same way, or the two are not compared")
            }
            guard PeriodTime.precedes(around.first, time), PeriodTime.precedes(time, around.last) else { return nil }
            return .warning(
                entry.location,
                "\(geography) has no figure for \"\(period)\", though it has figures from "
                    + "\"\(around.first.canonical)\" to \"\(around.last.canonical)\"; if its source gives this "
                    + "period, add it, written \"\(period)\", so the two are compared")
        }
    }
}
