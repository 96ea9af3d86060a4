/// The values every page's layout needs (header, navigation, breadcrumbs, footer,
/// metadata), shared by all page kinds: `layout.mustache` and its partials read them.
struct PageLayout: TemplateModel {
    var lang: String
    var siteTitle: String
    var organisation: String
    var pageTitle: String
    /// The page's own title (the same as `pageTitle`): `{{title}}` in its template.
    var title: String
    var root: String
    var homeHref: String
    var cssHref: String
    var printCSSHref: String
    var faviconHref: String
    var assetsHref: String
    var canonicalURL: String
    var lastReviewed: String
    var licence: TitledURL
    var navigation: [NavigationItem]
    var breadcrumbs: [LinkItem]
    var national: String
    var footerLinks: [LinkItem]
    var isHome: Bool
    var description: String?
    var contactEmail: String?
    var contactURL: String?
    var logo: Logo?
    var planHorizon: String?
    var parent: TitledURL?
    /// The site's words (`{{words.some_key}}`), from the word file `language:` chooses.
    var words: TemplateWords
    /// Link to the Atom feed of updates, when the site has one.
    var feedHref: String?
    var feedTitle: String?
    /// The page's schema.org JSON-LD (an indicator's `Dataset`), escaped for a script element.
    var structuredData: String?

    static let keys = TemplateKeys<Self>([
        .text("lang", "The site's language, for `<html lang>` (`language` in site.yml).", \.lang),
        .text("site_title", "The site's title (`title` in site.yml).", \.siteTitle),
        .text("organisation", "Who publishes the site (`organisation` in site.yml).", \.organisation),
        .text("page_title", "The page's title, for `<title>` and `og:title`.", \.pageTitle),
        .text("title", "The page's title, for its `<h1>`.", \.title),
        .text("root", "The way back to the site's root from this page: `../../` two folders down, empty at the root.", \.root),
        .text("home_href", "Link to the home page.", \.homeHref),
        .text("css_href", "Link to `assets/site.css`.", \.cssHref),
        .text("print_css_href", "Link to `assets/print.css`.", \.printCSSHref),
        .text("favicon_href", "Link to `assets/favicon.svg`.", \.faviconHref),
        .text("assets_href", "Link to the `assets` folder, without the closing `/`: `{{assets_href}}/logo.svg`.", \.assetsHref),
        .text("canonical_url", "The page's public address, from `base_url`.", \.canonicalURL),
        .text("last_reviewed", "When the site was last reviewed (`last_reviewed` in site.yml), as people write it.", \.lastReviewed),
        .record("licence", "The data licence (`data_licence` in site.yml).", \.licence),
        .list("navigation", "The main navigation: home, at a glance, indicators, then each page.", \.navigation),
        .list(
            "breadcrumbs", "The way to this page from the home page (and the parent site, if any); empty on the home page.", \.breadcrumbs),
        .flag("has_breadcrumbs", "Whether the page shows breadcrumbs.", \.hasBreadcrumbs),
        .text("national", "The national comparator's name (`national_comparator` in site.yml), such as England.", \.national),
        .list("footer_links", "The footer's links (`footer_links` in site.yml).", \.footerLinks),
        .flag("is_home", "Whether this is the home page.", \.isHome),
        .text("description", "The page's summary, for `<meta name=\"description\">`.", \.description),
        .text("contact_email", "Who to write to (`contact_email` in site.yml).", \.contactEmail),
        .text("contact_url", "A contact page (`contact_url` in site.yml).", \.contactURL),
        .record("logo", "The organisation's logo (`logo` and `logo_alt` in site.yml).", \.logo),
        .text("plan_horizon", "When the plan runs to (`plan_horizon` in site.yml).", \.planHorizon),
        .record("parent", "The site this one belongs to (`parent` in site.yml).", \.parent),
        .entries("words", "The site's words, one entry per key of the word file: `{{words.key}}`.", \.words),
        .text(
            "feed_href", "Link to the Atom feed of indicator updates (`updates.xml`); absent when no indicator has `updated`.", \.feedHref),
        .text("feed_title", "The feed's title, for its `<link rel=\"alternate\">`.", \.feedTitle),
        .html(
            "structured_data",
            "An indicator page's schema.org `Dataset` as JSON-LD, for `<script type=\"application/ld+json\">`; escaped so it cannot end the script.",
            \.structuredData),
    ])

    var hasBreadcrumbs: Bool { !breadcrumbs.isEmpty }

    /// An entry of the main navigation.
    struct NavigationItem: TemplateModel {
        var title: String
        var href: String
        var current: Bool

        static let keys = TemplateKeys<Self>([
            .text("title", "The page's title.", \.title),
            .text("href", "Link to the page.", \.href),
            .flag("current", "Whether it is this page (or the section it is in), for `aria-current`.", \.current),
        ])
    }

    /// The logo at the top of every page.
    struct Logo: TemplateModel {
        var src: String
        var alt: String

        static let keys = TemplateKeys<Self>([
            .text("src", "Link to the logo, in `assets/`.", \.src),
            .text("alt", "Its text alternative (`logo_alt` in site.yml).", \.alt),
        ])
    }
}

/// A link with its words: a breadcrumb, a footer link, a page that lists an indicator.
struct LinkItem: TemplateModel {
    var title: String
    var href: String

    static let keys = TemplateKeys<Self>([
        .text("title", "The link's words.", \.title),
        .text("href", "Where it goes.", \.href),
    ])
}

/// A named address outside the site: the data licence, the parent site.
struct TitledURL: TemplateModel {
    var title: String
    var url: String

    static let keys = TemplateKeys<Self>([
        .text("title", "Its name.", \.title),
        .text("url", "Its address.", \.url),
    ])
}

/// What every page's layout shares, worked out once per build, not once per page: whether
/// the site has an updates feed asks every indicator, which made layouts quadratic.
struct SiteLayout: Sendable {
    var lastReviewed: String
    /// The main navigation's entries: home, at a glance, indicators, then each page.
    var navigation: [(title: String, route: Route)]
    /// The Atom feed's title, when the site has the feed.
    var feedTitle: String?
    /// The footer's links, each with the file of this site it names, if it names one (then a
    /// page links to it from where it is). `LinkRules.href(for:from:at:)` in two halves: what
    /// the address resolves to does not depend on the page, and resolving it cost more than
    /// the rest of a layout.
    var footerLinks: [(title: String, url: String, target: String?)]
    /// The word file, boxed once for every page's `{{words.key}}`.
    var words: TemplateWords

    init(site: Site, links: LinkRules) {
        words = TemplateWords(site.words)
        lastReviewed = PeriodText.display(site.config.lastReviewed, site.words)
        navigation = [
            (site.priority.title, .home), (site.words(.atAGlanceTitle), .atAGlance), (site.words(.indicatorsTitle), .indicators),
        ]
        navigation += site.pages.compactMap { page in page.route.map { (page.title, $0) } }
        if Route.hasUpdatesFeed(site) { feedTitle = site.words(.updatesFeedTitle, ["site_title": site.config.title]) }
        footerLinks = site.config.footerLinks.map { link in
            guard case .site(let target) = links.resolve(link.url, from: LinkOrigin.siteSettings, what: "link") else {
                return (link.title, link.url, nil)
            }
            return (link.title, link.url, target)
        }
    }
}

extension PageLayout {
    /// The layout of the page at `address`.
    /// - Parameters:
    ///   - shared: what every page's layout has (`SiteLayout(site:)`).
    ///   - trail: root-relative folders of the pages above this one, with their titles.
    ///   - navigationCurrent: the navigation entry that is this page, if any.
    init(
        site: Site, shared: SiteLayout, address: PageAddress, title: String, description: String?,
        trail: [(title: String, route: Route)], navigationCurrent: Route?
    ) {
        let config = site.config
        lang = config.language
        siteTitle = config.title
        organisation = config.organisation
        pageTitle = title
        self.title = title
        root = address.rootPrefix
        homeHref = address.link(to: .home)
        cssHref = address.link(to: .asset("site.css"))
        printCSSHref = address.link(to: .asset("print.css"))
        faviconHref = address.link(to: .asset("favicon.svg"))
        // Templates name their own assets as {{assets_href}}/logo.svg, from any page's depth.
        // A relative link to a folder ends in "index.html" (for reading from disk); drop it with the "/".
        let assetsFolder = address.link(to: Route.assetsFolder)
        let indexSuffix = "/index.html"
        assetsHref = String(assetsFolder.dropLast(assetsFolder.hasSuffix(indexSuffix) ? indexSuffix.count : 1))
        canonicalURL = address.absoluteURL(base: config.baseURL)
        lastReviewed = shared.lastReviewed
        words = shared.words
        licence = TitledURL(title: config.dataLicence.title, url: config.dataLicence.url)
        navigation = shared.navigation.map { title, route in
            NavigationItem(title: title, href: address.link(to: route), current: route == navigationCurrent)
        }
        var crumbs: [LinkItem] = []
        if !trail.isEmpty {
            if let parent = config.parent { crumbs.append(LinkItem(title: parent.title, href: parent.url)) }
            crumbs += trail.map { LinkItem(title: $0.title, href: address.link(to: $0.route)) }
        }
        breadcrumbs = crumbs
        national = config.nationalComparator
        footerLinks = shared.footerLinks.map { LinkItem(title: $0.title, href: $0.target.map(address.link(to:)) ?? $0.url) }
        isHome = address.directory.isEmpty && address.fileName == "index.html"
        self.description = TemplateText.optional(description)
        contactEmail = TemplateText.optional(config.contactEmail)
        contactURL = TemplateText.optional(config.contactURL)
        logo = config.logo.map { Logo(src: address.link(to: .asset($0.value)), alt: config.logoAlt) }
        planHorizon = TemplateText.optional(config.planHorizon)
        parent = config.parent.map { TitledURL(title: $0.title, url: $0.url) }
        if let title = shared.feedTitle {
            feedHref = address.link(to: .updatesFeed)
            feedTitle = title
        }
    }
}

/// A page's values: its template's own keys, then the layout's keys every page has.
protocol PageModel: TemplateModel {
    /// The template the page is rendered with: "indicator" for `indicator.mustache`.
    static var template: String { get }
    var layout: PageLayout { get }
}

extension TemplateKeys where Model: PageModel {
    /// A page's own keys and those of its parts, then its layout's. A page's own key
    /// never has a layout key's name, so the key reference can list the layout's once.
    init(page own: [TemplateKey<Model>], including parts: [TemplatePart<Model>] = []) {
        self.init(own, including: parts + [TemplatePart(PageLayout.self) { $0.layout.templateValue(symbol: $1, named: $2) }])
        let layout = Set(PageLayout.keys.own.map(\.info.name))
        for key in own.map(\.info.name) + parts.flatMap({ $0.keys.keys.map(\.name) }) {
            precondition(!layout.contains(key), "\(Model.self) declares `\(key)`, a key of every page's layout")
        }
    }
}
