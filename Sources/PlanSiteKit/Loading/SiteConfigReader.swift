import Foundation

/// Reads `site.yml`.
struct SiteConfigReader {
    var document: YAMLDocument

    static let keys: Set<String> = [
        "title", "organisation", "language", "base_url", "last_reviewed", "contact_email",
        "unsafe_html", "national_comparator", "regional_comparator", "data_licence", "area_code",
        "parent", "footer_links", "contact_url", "status_labels", "logo", "logo_alt",
        "plan_horizon", "full_text_search",
    ]
    static let openGovernmentLicence = Link(
        title: "Open Government Licence v3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")

    /// The settings, or nil when they have errors; every problem found is added to `problems`.
    func read(problems: inout [Diagnostic]) -> SiteConfig? {
        guard let root = document.root else {
            problems.append(
                .error(SourceLocation(path: document.path), "site.yml is empty: it needs at least `title`, `organisation` and `base_url`"))
            return nil
        }
        let fields = FieldReader(root, in: document, subject: "site.yml")
        fields.checkUnknownKeys(allowed: Self.keys, .errorIfNearMiss)
        let title = fields.string("title", required: true)
        let organisation = fields.string("organisation", required: true)
        let baseURL = readBaseURL(fields)
        let lastReviewed = fields.date("last_reviewed", required: true)
        if let node = fields.value("contact_url"), let url = fields.string("contact_url"), ![.web, .mail].contains(AddressKind(url)) {
            fields.error(node, "`contact_url` must start with https:// or mailto:")
        }
        var config = SiteConfig(
            title: title ?? "", organisation: organisation ?? "",
            language: fields.string("language") ?? "en-GB",
            baseURL: baseURL ?? "", lastReviewed: lastReviewed ?? "",
            contactEmail: fields.string("contact_email"),
            contactURL: fields.string("contact_url"),
            unsafeHTML: fields.bool("unsafe_html") ?? false,
            nationalComparator: fields.string("national_comparator") ?? "England",
            regionalComparator: fields.string("regional_comparator"),
            dataLicence: fields.value("data_licence").flatMap { readLink($0, fields, titleKey: "name") } ?? Self.openGovernmentLicence,
            parent: fields.value("parent").flatMap { readLink($0, fields) },
            footerLinks: (fields.sequence("footer_links") ?? []).compactMap { readLink($0, fields) })
        config.statusLabels = readStatusLabels(fields)
        config.lastReviewedLocation = fields.value("last_reviewed").map(fields.location(of:))
        config.languageLocation = fields.value("language").map(fields.location(of:))
        config.areaCode = fields.string("area_code")
        if let node = fields.value("logo"), let logo = fields.string("logo") {
            config.logo = Located(value: logo, location: fields.location(of: node))
        }
        config.logoAlt = fields.string("logo_alt") ?? ""
        config.planHorizon = fields.string("plan_horizon")
        config.fullTextSearch = fields.bool("full_text_search") ?? false
        config.fullTextSearchLocation = fields.value("full_text_search").map(fields.location(of:))
        problems += fields.diagnostics
        return fields.diagnostics.contains { $0.severity == .error } ? nil : config
    }

    private func readBaseURL(_ fields: FieldReader) -> String? {
        guard let node = fields.value("base_url"), var url = fields.string("base_url", required: true) else {
            fields.missing("base_url")
            return nil
        }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            fields.error(node, "`base_url` must be an absolute address starting with https://")
            return nil
        }
        if !url.hasSuffix("/") { url += "/" }
        return url
    }

    /// `status_labels: { at-risk: "Needs attention" }`: each key a status, each value the words shown for it.
    private func readStatusLabels(_ fields: FieldReader) -> [CommitmentStatus: String] {
        guard let node = fields.value("status_labels") else { return [:] }
        return fields.nested(node, subject: "status_labels") { labels in
            labels.checkUnknownKeys(allowed: Set(CommitmentStatus.allCases.map(\.rawValue)), .error)
            var result: [CommitmentStatus: String] = [:]
            for status in CommitmentStatus.allCases {
                if let text = labels.string(status.rawValue, required: false) {
                    if text.isEmpty {
                        labels.error(labels.value(status.rawValue)!, "a status label must not be empty")
                    } else {
                        result[status] = text
                    }
                }
            }
            checkDistinct(result, labels)
            return result
        }
    }

    /// `{ at-risk: "On track" }` would show an at-risk commitment as on track: a label may not be
    /// another status's label, name or synonym (compared without case, hyphens or spaces).
    private func checkDistinct(_ labels: [CommitmentStatus: String], _ fields: FieldReader) {
        let key = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
        for status in CommitmentStatus.allCases {
            guard let label = labels[status], let node = fields.value(status.rawValue) else { continue }
            let clash = CommitmentStatus.allCases.first { other in
                guard other != status else { return false }
                let words =
                    // The default labels are the names themselves ("On track" is on-track), in the word file.
                    [labels[other] ?? other.rawValue, other.rawValue]
                    + CommitmentStatus.synonyms.filter { $0.value == other }.map(\.key)
                return words.contains { key($0) == key(label) }
            }
            if let clash {
                fields.error(
                    node,
                    "`\(status.rawValue)` is labelled \"\(label.prefix(40))\", which is what \(clash.rawValue) is called; "
                        + "give each status words of its own, or readers will take one for the other")
            }
        }
    }

    private func readLink(_ node: YAMLNode, _ fields: FieldReader, titleKey: String = "title") -> Link? {
        fields.nested(node, subject: "link") { link in
            link.checkUnknownKeys(allowed: [titleKey, "url"], .error)
            guard let title = link.string(titleKey, required: true), let url = link.string("url", required: true) else { return nil }
            return Link(title: title, url: url, location: link.location)
        }
    }
}
