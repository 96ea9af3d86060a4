/// One address of the built site: a page or a file. Every path the build writes or links
/// to is spelled here and nowhere else; the renderer, the link rules, the downloads and the
/// sitemap ask a route for its path, and `Route(path:)` reads a path back.
public enum Route: Hashable, Sendable {
    /// The priority's page: the site's root.
    case home
    case outcome(slug: String)
    case commitment(slug: String)
    /// A page of words (`content/pages/<slug>.md`), at the top level.
    case page(slug: String)
    case atAGlance
    /// The page listing every indicator.
    case indicators
    case indicator(id: String)
    /// 404.html, which the host serves for any address it does not have.
    case notFound
    /// One indicator's figures, `data/<id>.csv`.
    case indicatorCSV(id: String)
    /// The CSVW metadata of an indicator's CSV, `data/<id>.csv-metadata.json`.
    case indicatorCSVMetadata(id: String)
    /// An indicator's trend chart as a standalone SVG file, `data/<id>-chart.svg`.
    case indicatorChart(id: String)
    /// The Atom feed of indicator updates, made when any indicator has `updated:`.
    case updatesFeed
    /// Every indicator's figures in one file.
    case allIndicatorsCSV
    case allIndicatorsJSON
    /// A file of the templates' `assets/` folder: "site.css", "logo.svg".
    case asset(String)
    /// A file of the content's `images/` folder, copied unchanged.
    case image(String)
    case sitemap
    case robots
    /// Pagefind's script, made after the pages are written when `full_text_search` is on
    /// (Output's `FullTextSearch`); not among the files the build itself writes.
    case fullTextSearchScript
    /// An outcome's printable briefing: its indicators' figures, verdicts and charts, and its commitments.
    case briefing(slug: String)
    /// An indicator's chart, table and source on a page of their own, made to be shown in
    /// another site's `<iframe>`: no navigation, `noindex`, canonical link to the indicator's page.
    case embed(id: String)

    /// The folder the templates' assets are copied to.
    public static let assetsFolder = "assets/"
    /// The folder Pagefind writes the full-text search index to (its default name).
    public static let fullTextSearchFolder = "pagefind/"
    /// The folder the content's images are copied to.
    public static let imagesFolder = "images/"
    private static let indexFile = "index.html"
    /// Beside a CSV, its CSVW metadata: "data/x.csv" has "data/x.csv-metadata.json" (CSVW's own convention).
    private static let csvMetadataSuffix = ".csv-metadata.json"
    /// An indicator's chart file: "data/x.csv" has "data/x-chart.svg" beside it.
    private static let chartSuffix = "-chart.svg"
    /// An outcome's briefing is in the folder of this name inside the outcome's folder.
    private static let briefingFolder = "briefing"

    /// Where it is, from the site's root, without a leading `/`: "" for the home page, a
    /// page's folder ("outcomes/x/"), or a file ("data/x.csv").
    public var path: String {
        switch self {
        case .home: ""
        case .outcome(let slug): "outcomes/\(slug)/"
        case .commitment(let slug): "commitments/\(slug)/"
        case .page(let slug): "\(slug)/"
        case .atAGlance: "at-a-glance/"
        case .indicators: "indicators/"
        case .indicator(let id): "indicators/\(id)/"
        case .notFound: "404.html"
        case .indicatorCSV(let id): "data/\(id).csv"
        case .indicatorCSVMetadata(let id): "data/\(id)\(Self.csvMetadataSuffix)"
        case .indicatorChart(let id): "data/\(id)\(Self.chartSuffix)"
        case .updatesFeed: "updates.xml"
        case .allIndicatorsCSV: "data/indicators.csv"
        case .allIndicatorsJSON: "data/indicators.json"
        case .asset(let file): Self.assetsFolder + file
        case .image(let file): Self.imagesFolder + file
        case .sitemap: "sitemap.xml"
        case .robots: "robots.txt"
        case .fullTextSearchScript: Self.fullTextSearchFolder + "pagefind.js"
        case .briefing(let slug): "outcomes/\(slug)/\(Self.briefingFolder)/"
        case .embed(let id): "embed/\(id)/"
        }
    }

    /// The file written for it: a page's folder gets its `index.html`.
    public var file: String {
        isFolder ? path + Self.indexFile : path
    }

    /// Whether it is a page made from a template.
    public var isPage: Bool {
        switch self {
        case .home, .outcome, .commitment, .page, .atAGlance, .indicators, .indicator, .notFound, .briefing, .embed: true
        default: false
        }
    }

    /// Whether it is a folder with an `index.html`: every page but 404.html.
    private var isFolder: Bool { isPage && self != .notFound }

    /// Whether the sitemap lists it: every page a reader can reach by its address, but an
    /// embed, which says `noindex` (its indicator's page is the one to find).
    public var isInSitemap: Bool {
        if case .embed = self { return false }
        return isFolder
    }

    /// Whether content may link to it. Not 404.html (served in place of a missing page) nor
    /// robots.txt; an asset is checked against the templates' files instead.
    public var isLinkTarget: Bool {
        switch self {
        case .notFound, .robots, .asset, .fullTextSearchScript: false
        default: true
        }
    }

    /// The content file a page is made from, as relative links in content name it
    /// ("../outcomes/x.md"); nil for the pages and files the build makes itself.
    public var sourceFile: String? {
        switch self {
        case .outcome(let slug): "outcomes/\(slug).md"
        case .commitment(let slug): "commitments/\(slug).md"
        case .page(let slug): "pages/\(slug).md"
        case .indicator(let id): "indicators/\(id).yml"
        default: nil
        }
    }

    /// Where the page is, for the links it makes; nil for a file that is not a page.
    /// 404.html is served at any depth, so its links are absolute from the site's address.
    public func address(baseURL: String) -> PageAddress? {
        switch self {
        case .notFound: PageAddress(directory: "", fileName: path, absoluteBase: baseURL)
        case _ where isFolder: PageAddress(directory: path)
        default: nil
        }
    }

    /// The route a path names ("indicators/x/", "data/x.csv", "about-the-data/"), or nil
    /// when no route has that path. A page's path may also end in `index.html`.
    public init?(path: String) {
        var path = path
        if path == Self.indexFile || path.hasSuffix("/" + Self.indexFile) { path.removeLast(Self.indexFile.count) }
        let fixed: [Route] = [
            .home, .atAGlance, .indicators, .notFound, .allIndicatorsCSV, .allIndicatorsJSON, .sitemap, .robots, .updatesFeed,
        ]
        if let route = fixed.first(where: { $0.path == path }) {
            self = route
            return
        }
        if let file = Self.rest(of: path, after: Self.assetsFolder) {
            self = .asset(file)
            return
        }
        if let file = Self.rest(of: path, after: Self.imagesFolder) {
            self = .image(file)
            return
        }
        let parts = Self.parts(of: path)
        switch parts.count {
        case 2 where parts[1].isEmpty && !parts[0].isEmpty:
            self = .page(slug: parts[0])
        case 2 where parts[0] == "data" && parts[1].hasSuffix(Self.csvMetadataSuffix) && parts[1].count > Self.csvMetadataSuffix.count:
            self = .indicatorCSVMetadata(id: String(parts[1].dropLast(Self.csvMetadataSuffix.count)))
        case 2 where parts[0] == "data" && parts[1].hasSuffix(Self.chartSuffix) && parts[1].count > Self.chartSuffix.count:
            self = .indicatorChart(id: String(parts[1].dropLast(Self.chartSuffix.count)))
        case 2 where parts[0] == "data" && parts[1].hasSuffix(".csv") && parts[1].count > ".csv".count:
            self = .indicatorCSV(id: String(parts[1].dropLast(".csv".count)))
        case 3 where parts[2].isEmpty && !parts[1].isEmpty:
            switch parts[0] {
            case "outcomes": self = .outcome(slug: parts[1])
            case "commitments": self = .commitment(slug: parts[1])
            case "indicators": self = .indicator(id: parts[1])
            case "embed": self = .embed(id: parts[1])
            default: return nil
            }
        case 4 where parts[0] == "outcomes" && !parts[1].isEmpty && parts[2] == Self.briefingFolder && parts[3].isEmpty:
            self = .briefing(slug: parts[1])
        default:
            return nil
        }
        // Only a path the route spells the same way names it ("data/indicators.csv" is not an indicator's CSV).
        guard self.path == path else { return nil }
    }

    /// `path` cut at every "/", empty parts kept. Cut in the UTF-8 bytes: `String.split` walks
    /// Characters (grapheme breaking), about 22,000 instructions a path. Only ASCII text: there
    /// each byte is a Character, while elsewhere a "/" and a combining mark after it are one
    /// Character, which `split` does not cut at.
    private static func parts(of path: String) -> [String] {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        var parts: [String] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                parts.append(String(path[start..<index]))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        parts.append(String(path[start...]))
        return parts
    }

    private static func rest(of path: String, after folder: String) -> String? {
        guard path.hasPrefix(folder), path.count > folder.count else { return nil }
        return String(path.dropFirst(folder.count))
    }
}

extension Route {
    /// Every page of the site, in the order the build makes them.
    public static func pages(of site: Site) -> [Route] {
        var routes: [Route] = [.home]
        routes += (site.outcomes + site.commitments + site.pages).compactMap(\.route)
        routes += [.atAGlance, .indicators] + site.indicators.map { .indicator(id: $0.id) } + [.notFound]
        routes += site.outcomes.map { .briefing(slug: $0.slug) }
        routes += site.indicators.map { .embed(id: $0.id) }
        return routes
    }

    /// The open data files, in the order the build makes them.
    public static func downloads(of site: Site) -> [Route] {
        [.allIndicatorsCSV, .allIndicatorsJSON] + site.indicators.map { .indicatorCSV(id: $0.id) }
            + site.indicators.map { .indicatorCSVMetadata(id: $0.id) } + (hasUpdatesFeed(site) ? [.updatesFeed] : [])
    }

    /// Each indicator's trend chart as a file, in the order the build makes them.
    public static func charts(of site: Site) -> [Route] {
        site.indicators.map { .indicatorChart(id: $0.id) }
    }

    /// Whether the build makes the Atom feed of updates: when any indicator has `updated:`.
    public static func hasUpdatesFeed(_ site: Site) -> Bool {
        site.indicators.contains { $0.updated != nil }
    }

    /// Every page and file a build of `site` writes, given the files of the templates'
    /// `assets/` folder (as `TemplateLibrary.assetFiles` lists them: "assets/site.css").
    public static func all(of site: Site, assetFiles: [String]) -> [Route] {
        pages(of: site) + downloads(of: site) + charts(of: site) + [.sitemap, .robots]
            + assetFiles.compactMap { rest(of: $0, after: assetsFolder).map(Route.asset) }
            + site.imageFiles.map(Route.image)
    }
}

extension Route {
    /// Where a content page of `kind` named `slug` is published; nil for another priority
    /// (a sibling), which this site does not publish.
    public init?(kind: PageKind, slug: String) {
        switch kind {
        case .priority: self = .home
        case .outcome: self = .outcome(slug: slug)
        case .commitment: self = .commitment(slug: slug)
        case .page: self = .page(slug: slug)
        case .sibling: return nil
        }
    }
}

extension ContentPage {
    /// Where the page is published; nil for another priority (a sibling).
    public var route: Route? { Route(kind: kind, slug: slug) }
}

extension PageAddress {
    /// A relative link to a route ("../indicators/x/index.html"), with an optional `#fragment`.
    public func link(to route: Route, fragment: String = "") -> String {
        link(to: route.path + fragment)
    }
}
