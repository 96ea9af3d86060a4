/// Every check that runs on a loaded site before anything is rendered: schema
/// cross-references, content lint, link rules and template keys.
public struct SiteValidator {
    public var site: Site
    public var templates: TemplateLibrary?
    /// False when loading already found errors: template keys are then judged against
    /// a partial site, so that check waits until the content is fixed.
    public var contentIsComplete = true
    /// The page contexts the build will render, when it has made them already; otherwise
    /// the template-key check makes them itself.
    public var pageContexts: [PageRender]?

    public init(site: Site, templates: TemplateLibrary?) {
        self.site = site
        self.templates = templates
    }

    public func check() -> [Diagnostic] {
        var problems = CrossReferences(site: site).check()
        // Judged only on a complete site: a page with errors (`indicator:` for `indicators:`) may be the one that lists them.
        if contentIsComplete { problems += IndicatorUsage(site: site).check() }
        let links = LinkRules(site: site)
        let markdown = MarkdownRenderer(allowRawHTML: site.config.unsafeHTML)
        for page in site.allPages + site.siblings {
            let outline = markdown.render(page.body, path: page.path, firstLine: page.bodyFirstLine).outline
            problems += ContentLint(path: page.path, kind: page.kind, body: page.body, outline: outline,
                                    allowsRawHTML: site.config.unsafeHTML).check()
            problems += check(outline, links, from: page.linkOrigin)
            problems += FrontMatterLint(page: page, links: links).check()
        }
        for indicator in site.indicators {
            guard let notes = indicator.notes else { continue }
            let outline = markdown.render(notes, path: indicator.path, firstLine: indicator.notesFirstLine + 1).outline
            problems += ContentLint(path: indicator.path, kind: nil, body: notes, outline: outline,
                                    allowsRawHTML: site.config.unsafeHTML).check()
            problems += check(outline, links, from: indicator.linkOrigin)
        }
        problems += FrontMatterLint.check(site.config, links: links)
        if let templates {
            problems += TemplateLinkLint(templates: templates).check()
            if contentIsComplete {
                let pages = pageContexts ?? SiteRenderer(site: site, templates: templates).pageContexts()
                problems += TemplateKeyLint(templates: templates, pages: pages).check()
            }
        }
        return problems
    }

    private func check(_ outline: MarkdownOutline, _ links: LinkRules, from origin: LinkOrigin) -> [Diagnostic] {
        outline.links.compactMap { links.check($0.url, at: $0.location, from: origin) }
            + outline.images.compactMap { links.check($0.url, at: $0.location, from: origin, what: "image") }
    }
}
