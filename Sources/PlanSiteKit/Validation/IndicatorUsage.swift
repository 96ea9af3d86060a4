/// Indicators that no outcome or commitment lists are built but never reached
/// from the pages staff maintain: usually a forgotten id.
struct IndicatorUsage {
    var site: Site

    func check() -> [Diagnostic] {
        var used = Set<String>()
        for page in site.allPages {
            used.formUnion(page.indicatorIDs.map(\.value))
            used.formUnion(page.targets.map(\.indicator.value))
        }
        return site.indicators.filter { !used.contains($0.id) }.map { indicator in
            .warning(
                SourceLocation(path: indicator.path, line: indicator.idLine),
                "indicator '\(indicator.id)' is not listed in any outcome's or commitment's `indicators`; add it to one, or delete the file"
            )
        }
    }
}
