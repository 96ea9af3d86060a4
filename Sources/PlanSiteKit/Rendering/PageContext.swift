import Foundation

/// The values every page's layout needs (header, navigation, breadcrumbs,
/// footer, metadata), shared by all page kinds.
struct PageContext {
    var site: Site
    var links: LinkRules
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
            // Templates name their own assets as {{assets_href}}/logo.svg, from any page's depth.
            "assets_href": String(address.link(to: "assets/").dropLast()),
            "canonical_url": address.absoluteURL(base: config.baseURL),
            "last_reviewed": PeriodText.display(config.lastReviewed, site.words),
            "licence": ["title": config.dataLicence.title, "url": config.dataLicence.url],
            "navigation": navigation(),
            "breadcrumbs": breadcrumbs(),
            "has_breadcrumbs": !trail.isEmpty,
            "national": config.nationalComparator,
            "footer_links": config.footerLinks.map {
                ["title": $0.title, "href": links.href(for: $0.url, from: LinkOrigin.siteSettings, at: address)]
            },
            "is_home": address.directory.isEmpty && address.fileName == "index.html",
        ]
        // Optional values are NSNull when absent: Mustache renders them like a missing
        // key, and the template lint can still tell a known key from a typo.
        values["description"] = TemplateText.optional(description)
        values["contact_email"] = TemplateText.optional(config.contactEmail)
        values["contact_url"] = TemplateText.optional(config.contactURL)
        values["logo"] = config.logo.map { ["src": address.link(to: "assets/" + $0.value), "alt": config.logoAlt] } ?? NSNull()
        values["plan_horizon"] = TemplateText.optional(config.planHorizon)
        values["parent"] = config.parent.map { ["title": $0.title, "url": $0.url] } ?? NSNull()
        values["words"] = site.words
        return values
    }

    private func navigation() -> [[String: Any]] {
        var items: [(String, String)] = [(site.priority.title, ""), ("At a glance", "at-a-glance/"), ("Indicators", "indicators/")]
        items += site.pages.map { ($0.title, $0.outputDirectory) }
        return items.map { title, target in
            ["title": title, "href": address.link(to: target), "current": target == navigationCurrent]
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
