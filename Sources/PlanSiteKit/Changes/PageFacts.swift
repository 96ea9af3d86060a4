import Foundation

/// Outcomes and commitments: reworded or added text (a short word diff), and for a
/// commitment its status, who assessed it, when and why, and its targets.
enum PageFacts {
    static let outcomePrefix = "Outcome: "
    static let commitmentPrefix = "Commitment: "

    static func changes(old: Site, new: Site) -> [ContentChanges.Section] {
        pages(old.outcomes, new.outcomes, prefix: outcomePrefix, old: old, new: new)
            + pages(old.commitments, new.commitments, prefix: commitmentPrefix, old: old, new: new)
    }

    private static func pages(
        _ oldPages: [ContentPage], _ newPages: [ContentPage], prefix: String,
        old: Site, new: Site
    ) -> [ContentChanges.Section] {
        var sections: [ContentChanges.Section] = []
        for page in newPages {
            let title = prefix + page.title
            guard let before = oldPages.first(where: { $0.slug == page.slug }) else {
                let status = page.kind == .commitment ? ", status \(status(page, new))" : ""
                sections.append(.init(title: title, facts: ["added\(status): \(words(page.summary ?? plainText(page.body), limit: 30))"]))
                continue
            }
            var facts = textChanges(before, page)
            if page.kind == .commitment { facts += commitmentChanges(before, old, page, new) }
            if !facts.isEmpty { sections.append(.init(title: title, facts: facts)) }
        }
        for page in oldPages where !newPages.contains(where: { $0.slug == page.slug }) {
            sections.append(.init(title: prefix + page.title, facts: ["removed"]))
        }
        return sections
    }

    private static func textChanges(_ before: ContentPage, _ page: ContentPage) -> [String] {
        var facts: [String] = []
        if before.title != page.title { facts.append("title: \(before.title) → \(page.title)") }
        if let diff = WordDiff(before.summary ?? "", page.summary ?? "").text { facts.append("summary reworded: \(diff)") }
        if let diff = WordDiff(plainText(before.body), plainText(page.body)).text { facts.append("text reworded: \(diff)") }
        return facts
    }

    private static func commitmentChanges(_ before: ContentPage, _ old: Site, _ page: ContentPage, _ new: Site) -> [String] {
        var facts: [String] = []
        let was = status(before, old)
        let now = status(page, new)
        if was != now { facts.append("status: \(was) → \(now)") }
        let (a, b) = (before.assessment, page.assessment)
        let by = (a?.by ?? "not stated", b?.by ?? "not stated")
        if by.0 != by.1 { facts.append("assessed by: \(by.0) → \(by.1)") }
        let on = (a?.on?.value.long ?? "not stated", b?.on?.value.long ?? "not stated")
        if on.0 != on.1 { facts.append("assessed on: \(on.0) → \(on.1)") }
        if let diff = WordDiff(a?.reason ?? "", b?.reason ?? "").text { facts.append("reason reworded: \(diff)") }
        let oldTargets = targets(before)
        let newTargets = targets(page)
        facts += newTargets.filter { !oldTargets.contains($0) }.map { "target added: \($0)" }
        facts += oldTargets.filter { !newTargets.contains($0) }.map { "target removed: \($0)" }
        return facts
    }

    private static func status(_ page: ContentPage, _ site: Site) -> String {
        page.status?.label(in: site.config, words: site.words) ?? "not stated"
    }

    private static func targets(_ page: ContentPage) -> [String] {
        page.targets.map { target in
            let written = NumberFormat.format(target.value, decimals: 6)  // always with six decimals
            let value = Patterns.trailingZeros.stringByReplacingMatches(
                in: written, range: NSRange(written.startIndex..., in: written), withTemplate: "")
            return "\(target.label): \(value) for \(target.indicator.value)" + (target.by.isEmpty ? "" : " by \(target.by)")
        }
    }

    /// The words a reader sees, near enough for a word diff: links as their text, no Markdown marks.
    static func plainText(_ markdown: String) -> String {
        let range = NSRange(markdown.startIndex..., in: markdown)
        let linked = Patterns.markdownLink.stringByReplacingMatches(in: markdown, range: range, withTemplate: "$1")
        let unmarked = Patterns.markdownLineMark.stringByReplacingMatches(
            in: linked, range: NSRange(linked.startIndex..., in: linked), withTemplate: "")
        return unmarked.replacingOccurrences(of: "**", with: "")
    }

    /// The first `limit` words, with "…" when there are more.
    private static func words(_ text: String, limit: Int) -> String {
        let all = text.split(whereSeparator: \.isWhitespace)
        return all.prefix(limit).joined(separator: " ") + (all.count > limit ? " …" : "")
    }
}
