/// Every check that runs on an assembled site before anything is rendered: schema
/// cross-references, content lint, link rules and template keys. It reads what the
/// assemble stage made (Markdown outlines, page values) and renders nothing itself.
public struct SiteValidator {
    public var assembly: SiteAssembly
    public var templates: TemplateLibrary?
    /// False when loading already found errors: checks that judge the whole site
    /// (unused indicators, template keys) wait until the content is fixed.
    public var contentIsComplete = true

    public init(assembly: SiteAssembly, templates: TemplateLibrary?) {
        self.assembly = assembly
        self.templates = templates
    }

    public func check() -> [Diagnostic] {
        let site = assembly.site, links = assembly.links
        var problems = CrossReferences(site: site).check()
        // Judged only on a complete site: a page with errors (`indicator:` for `indicators:`) may be the one that lists them.
        if contentIsComplete { problems += IndicatorUsage(site: site).check() }
        for page in site.allPages + site.siblings {
            guard let outline = assembly.markdown[page.path]?.outline else { continue }
            problems += ContentLint(path: page.path, kind: page.kind, body: page.body, outline: outline,
                                    allowsRawHTML: site.config.unsafeHTML).check()
            problems += check(outline, links, from: page.linkOrigin)
            problems += FrontMatterLint(page: page, links: links).check()
        }
        for indicator in site.indicators {
            guard let notes = indicator.notes, let outline = assembly.markdown[indicator.path]?.outline else { continue }
            problems += ContentLint(path: indicator.path, kind: nil, body: notes, outline: outline,
                                    allowsRawHTML: site.config.unsafeHTML).check()
            problems += check(outline, links, from: indicator.linkOrigin)
        }
        problems += FrontMatterLint.check(site.config, links: links)
        if let templates {
            problems += TemplateLinkLint(templates: templates).check()
            if let pages = assembly.pages {
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
