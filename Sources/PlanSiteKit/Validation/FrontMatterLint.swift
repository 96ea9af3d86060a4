/// URLs and alt text written in front matter and site.yml, which reach the
/// templates' `href` and `alt` attributes directly.
struct FrontMatterLint {
    var page: ContentPage
    var links: LinkRules

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let image = page.image {
            if let problem = links.check(image.src, at: image.location, from: page.linkOrigin, what: "image") { problems.append(problem) }
            // A missing or empty `image_alt` is already an error from the reader.
            if !image.decorative, !image.alt.isEmpty, let (severity, message) = TextRules.altTextProblem(image.alt) {
                problems.append(Diagnostic(severity, image.location, "`image_alt`: " + message))
            }
        }
        if let url = page.url {
            let location = page.urlLocation ?? SourceLocation(path: page.path)
            if case .web = LinkRules.classify(url) {} else {
                problems.append(.error(location, "`url` must be a full web address starting with https://"))
            }
        }
        return problems
    }

    /// Links in site.yml appear on every page; relative ones are read from the site's top.
    static let siteSettings = LinkOrigin(sourceFile: "site.yml", directory: "")

    static func check(_ config: SiteConfig, links: LinkRules) -> [Diagnostic] {
        let named = config.footerLinks + [config.parent, config.dataLicence].compactMap { $0 }
        return named.compactMap { link in
            link.location.flatMap { links.check(link.url, at: $0, from: FrontMatterLint.siteSettings) }
        }
    }
}
