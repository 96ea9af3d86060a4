/// The values every page's layout needs (header, navigation, breadcrumbs,
/// footer, metadata), shared by all page kinds.
struct PageContext {
    var site: Site
    var address: PageAddress
    var title: String
    var description: String?
    /// Root-relative folders of the pages above this one, with their titles.
    var trail: [(title: String, target: String)]
    var navigationCurrent: String?

    func values() -> [String: Any] {
        let config = site.config
        var values: [String: Any] = [
            "lang": config.language,
            "site_title": config.title,
            "organisation": config.organisation,
            "page_title": title,
            "root": address.rootPrefix,
            "home_href": address.link(to: ""),
            "css_href": address.link(to: "assets/site.css"),
            "print_css_href": address.link(to: "assets/print.css"),
            "favicon_href": address.link(to: "assets/favicon.svg"),
            "canonical_url": address.absoluteURL(base: config.baseURL),
            "last_reviewed": config.lastReviewed,
            "licence": ["title": config.dataLicence.title, "url": config.dataLicence.url],
            "navigation": navigation(),
            "breadcrumbs": breadcrumbs(),
            "has_breadcrumbs": !trail.isEmpty,
            "national": config.nationalComparator,
            "footer_links": config.footerLinks.map { ["title": $0.title, "href": address.resolveContentURL($0.url)] },
            "is_home": address.directory.isEmpty && address.fileName == "index.html",
        ]
        if let description { values["description"] = description }
        if let email = config.contactEmail { values["contact_email"] = email }
        if let url = config.contactURL { values["contact_url"] = url }
        if let parent = config.parent { values["parent"] = ["title": parent.title, "url": parent.url] }
        return values
    }

    private func navigation() -> [[String: Any]] {
        var items: [(String, String)] = [(site.priority.title, ""), ("Indicators", "indicators/")]
        items += site.pages.map { ($0.title, $0.outputDirectory) }
        return items.map { title, target in
            var item: [String: Any] = ["title": title, "href": address.link(to: target)]
            if target == navigationCurrent { item["current"] = true }
            return item
        }
    }

    private func breadcrumbs() -> [[String: Any]] {
        guard !trail.isEmpty else { return [] }
        var crumbs: [[String: Any]] = []
        if let parent = site.config.parent { crumbs.append(["title": parent.title, "href": parent.url]) }
        crumbs += trail.map { ["title": $0.title, "href": address.link(to: $0.target)] }
        return crumbs
    }
}
