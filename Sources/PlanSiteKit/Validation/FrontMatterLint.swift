import Foundation

/// URLs and alt text written in front matter and site.yml, which reach the
/// templates' `href` and `alt` attributes directly.
struct FrontMatterLint {
    var page: ContentPage
    var links: LinkRules
    /// The site's own address, which a root-relative sibling address is checked against.
    var baseURL: String = ""

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let image = page.image {
            if let problem = links.check(image.src, at: image.location, from: page.linkOrigin, what: "image") { problems.append(problem) }
            // A missing or empty `image_alt` is already an error from the reader.
            if !image.decorative, !image.alt.isEmpty, let (severity, message) = TextRules.altTextProblem(image.alt) {
                problems.append(Diagnostic(severity, image.location, "`image_alt`: " + message))
            }
        }
        if let url = page.url, let problem = Self.siblingAddressProblem(url, baseURL: baseURL) {
            problems.append(.error(page.urlLocation ?? SourceLocation(path: page.path), problem))
        }
        return problems
    }

    /// Another priority's `url`: a full web address, or a path from the top of this site's host
    /// (`/net-zero/`), kept as written: the one exception to relative links, so priorities
    /// published side by side on one host link to each other there, and in a local preview of both.
    static func siblingAddressProblem(_ url: String, baseURL: String) -> String? {
        if case .web = AddressKind(url) { return nil }
        guard url.hasPrefix("/"), !url.hasPrefix("//"), !url.contains("\\") else {
            return "`url` must be a full web address starting with https://, or a path on this site's host such as /net-zero/"
        }
        // This site's own folder on its host: a path inside it would be a page of this site.
        let ownPath = URL(string: baseURL)?.path ?? "/"
        let own = ownPath.hasSuffix("/") ? ownPath : ownPath + "/"
        if own != "/" && url.hasPrefix(own) || own == "/" {
            return "`url` \(url) is inside this site's own address (\(baseURL)), so it would be one of its pages; "
                + "give the other priority's own folder on the host, or its full https:// address"
        }
        return nil
    }

    /// Links in site.yml appear on every page; relative ones are read from the site's top.

    static func check(_ config: SiteConfig, links: LinkRules) -> [Diagnostic] {
        let named = config.footerLinks + [config.parent, config.dataLicence].compactMap { $0 }
        return named.compactMap { link in
            link.location.flatMap { links.check(link.url, at: $0, from: LinkOrigin.siteSettings) }
        }
    }
}
