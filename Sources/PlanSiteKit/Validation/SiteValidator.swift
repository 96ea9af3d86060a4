/// Every check that runs on an assembled site before anything is rendered: schema
/// cross-references, content lint, link rules and template keys. It reads what the
/// assemble stage made (Markdown outlines, page values) and renders nothing itself.
public struct SiteValidator: Sendable {
    public var assembly: SiteAssembly
    public var templates: TemplateLibrary?
    /// False when loading already found errors: checks that judge the whole site
    /// (unused indicators, template keys) wait until the content is fixed.
    public var contentIsComplete = true
    /// Each page's checks on every core; the diagnostics keep the page order either way.
    public var parallel = true

    public init(assembly: SiteAssembly, templates: TemplateLibrary?) {
        self.assembly = assembly
        self.templates = templates
    }

    public func check() -> [Diagnostic] {
        let site = assembly.site, links = assembly.links
        var problems = CrossReferences(site: site).check()
        // Judged only on a complete site: a page with errors (`indicator:` for `indicators:`) may be the one that lists them.
        if contentIsComplete { problems += IndicatorUsage(site: site).check() }
        let validator = self
        problems += Parallel.map(site.allPages + site.siblings, enabled: parallel) { validator.check(page: $0) }.joined()
        problems += Parallel.map(site.indicators, enabled: parallel) { validator.check(notesOf: $0) }.joined()
        problems += FrontMatterLint.check(site.config, links: links)
        if contentIsComplete, let stale = StaleFigureCheck.siteReviewProblem(site) { problems.append(stale) }
        if let templates {
            problems += TemplateLinkLint(templates: templates).check()
            if let pages = assembly.pages {
                problems += TemplateKeyLint(templates: templates, pages: pages, parallel: parallel).check()
            }
        }
        return problems
    }

    private func check(page: ContentPage) -> [Diagnostic] {
        guard let outline = assembly.markdown[page.path]?.outline else { return [] }
        return ContentLint(path: page.path, kind: page.kind, body: page.body, outline: outline,
                           allowsRawHTML: assembly.site.config.unsafeHTML).check()
            + check(outline, assembly.links, from: page.linkOrigin)
            + FrontMatterLint(page: page, links: assembly.links).check()
            + ReferenceCheck(outline: outline, resolver: FigureResolver(site: assembly.site)).check()
            + (page.kind == .sibling ? [] : StaleFigureCheck(page: page, outline: outline, site: assembly.site).check())
            + (page.verbatim ? [] : PlainLanguageLint(path: page.path, lines: outline.lines, firstLine: outline.firstLine,
                                                      precedingText: page.summary ?? "").check())
    }

    private func check(notesOf indicator: Indicator) -> [Diagnostic] {
        guard let notes = indicator.notes, let outline = assembly.markdown[indicator.path]?.outline else { return [] }
        return ContentLint(path: indicator.path, kind: nil, body: notes, outline: outline,
                           allowsRawHTML: assembly.site.config.unsafeHTML).check()
            + check(outline, assembly.links, from: indicator.linkOrigin)
            + ReferenceCheck(outline: outline, resolver: FigureResolver(site: assembly.site)).check()
            + PlainLanguageLint(path: indicator.path, lines: outline.lines, firstLine: outline.firstLine,
                                precedingText: indicator.summary ?? "",
                                fileLine: { line in
                                    let file = (try? String(contentsOfFile: indicator.path, encoding: .utf8)) ?? ""
                                    return file.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first
                                }).check()
    }

    private func check(_ outline: MarkdownOutline, _ links: LinkRules, from origin: LinkOrigin) -> [Diagnostic] {
        outline.links.compactMap { links.check($0.url, at: $0.location, from: origin) }
            + outline.images.compactMap { links.check($0.url, at: $0.location, from: origin, what: "image") }
    }
}
