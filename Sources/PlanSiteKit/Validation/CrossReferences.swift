/// Checks that ids used in one file are defined in another: each reported at
/// the line where the unknown id is used.
struct CrossReferences {
    var site: Site

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let known = Set(site.indicators.map(\.id))
        let unknown = { (id: String) in !known.contains(id) && !site.unreadableIndicatorIDs.contains(id) }
        for page in site.allPages {
            for reference in page.indicatorIDs where unknown(reference.value) {
                problems.append(
                    .error(
                        reference.location,
                        "unknown indicator '\(reference.value)'\(suggestion(for: reference.value, in: known)); each id needs a file content/indicators/<id>.yml"
                    ))
            }
            for target in page.targets {
                if site.unreadableIndicatorIDs.contains(target.indicator.value) {
                    continue
                } else if !known.contains(target.indicator.value) {
                    problems.append(
                        .error(
                            target.indicator.location,
                            "target names unknown indicator '\(target.indicator.value)'\(suggestion(for: target.indicator.value, in: known))"
                        ))
                } else if !page.indicatorIDs.contains(where: { $0.value == target.indicator.value }) {
                    problems.append(
                        .warning(
                            target.indicator.location,
                            "target's indicator '\(target.indicator.value)' is not in this page's `indicators` list"))
                }
            }
        }
        return problems
    }

    private func suggestion(for id: String, in known: Set<String>) -> String {
        guard let best = known.min(by: { $0.editDistance(to: id) < $1.editDistance(to: id) }), best.editDistance(to: id) <= 3 else {
            return ""
        }
        return " (did you mean '\(best)'?)"
    }
}
