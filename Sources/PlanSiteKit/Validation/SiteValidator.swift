import Foundation

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
    /// `plansite serve`: the lints that read nothing but a body's text are reused while it is unchanged.
    public var cache: BuildCache?
    /// The build's clock (`--today`), for the checks that judge dates.
    public var today = CalendarDate(Date())
    /// Each page kind's template and declared keys, for the template-key lint (rendering's `PageKinds.all`).
    var pageKeys: [(template: String, keys: TemplateKeyList)] = []
    /// The text of every file loading read, by display path: validation reads nothing from disk.
    public var sources = SourceCache()

    public init(assembly: SiteAssembly, templates: TemplateLibrary?) {
        self.assembly = assembly
        self.templates = templates
    }

    public func check() -> [Diagnostic] {
        let site = assembly.site
        let links = assembly.links
        var problems = CrossReferences(site: site).check()
        // Judged only on a complete site: a page with errors (`indicator:` for `indicators:`) may be the one that lists them.
        if contentIsComplete { problems += IndicatorUsage(site: site).check() }
        let validator = self
        problems += Parallel.map(site.allPages + site.siblings, enabled: parallel) { validator.check(page: $0) }.joined()
        problems += Parallel.map(site.indicators, enabled: parallel) { validator.check(notesOf: $0) }.joined()
        let figures = FigureResolver(site: site)
        problems += site.indicators.flatMap {
            figures.frontMatterProblems(path: $0.path, title: $0.title, summary: $0.summary)
        }
        problems += FrontMatterLint.check(site.config, links: links)
        if contentIsComplete, let stale = StaleFigureCheck.siteReviewProblem(site) { problems.append(stale) }
        let reviewed =
            [(site.config.lastReviewed, site.config.lastReviewedLocation ?? SourceLocation(path: "content/site.yml"))]
            + site.allPages.compactMap { $0.lastReviewed.map { ($0.value, $0.location) } }
        problems += reviewed.compactMap { StaleFigureCheck.futureReview($0.0, at: $0.1, today: today) }
        problems += site.indicators.flatMap { UpdateDatesCheck(indicator: $0, today: today).check() }
        if let templates {
            problems += TemplateLinkLint(templates: templates, words: assembly.site.words).check()
            problems += TemplateAssetLint(templates: templates).check()
            if let logo = assembly.site.config.logo, !templates.assetFiles.contains(Route.asset(logo.value).path) {
                problems.append(
                    .error(
                        logo.location,
                        "`logo` names \(logo.value), which is not in \(templates.displayPrefix)assets/; "
                            + "put the file there (e.g. \(templates.displayPrefix)assets/logo.svg) and write its name"))
            }
            if let css = templates.stylesheet {
                problems += ThemeContrast(css: css, path: templates.displayPrefix + Route.asset("site.css").path).problems()
            }
            if contentIsComplete {
                problems += TemplateKeyLint(templates: templates, pages: pageKeys, words: assembly.site.words).check()
            }
        }
        return problems
    }

    private func check(page: ContentPage) -> [Diagnostic] {
        guard let outline = assembly.markdown[page.path]?.outline else { return [] }
        let allowsRawHTML = assembly.site.config.unsafeHTML
        let key = TextLintKey(
            path: page.path, kind: page.kind, text: page.body, firstLine: page.bodyFirstLine,
            precedingText: page.summary ?? "", allowsRawHTML: allowsRawHTML)
        let content = reuse(key, "content") {
            ContentLint(path: page.path, kind: page.kind, body: page.body, outline: outline, allowsRawHTML: allowsRawHTML).check()
        }
        let plainLanguage =
            page.verbatim
            ? []
            : reuse(key, "plain language") {
                PlainLanguageLint(path: page.path, lines: outline.lines, firstLine: outline.firstLine, precedingText: page.summary ?? "")
                    .check()
            }
        var problems = content + check(outline, assembly.links, from: page.linkOrigin)
        problems += FrontMatterLint(page: page, links: assembly.links, baseURL: assembly.site.config.baseURL).check()
        problems += ReferenceCheck(outline: outline, resolver: FigureResolver(site: assembly.site)).check()
        problems += FigureResolver(site: assembly.site).frontMatterProblems(page)
        if page.kind != .sibling { problems += StaleFigureCheck(page: page, outline: outline, site: assembly.site).check() }
        if page.kind == .commitment { problems += CommitmentAssessmentCheck(page: page, site: assembly.site, today: today).check() }
        return problems + plainLanguage
    }

    private func check(notesOf indicator: Indicator) -> [Diagnostic] {
        guard let notes = indicator.notes, let outline = assembly.markdown[indicator.path]?.outline else { return [] }
        let allowsRawHTML = assembly.site.config.unsafeHTML
        let key = TextLintKey(
            path: indicator.path, kind: nil, text: notes, firstLine: indicator.notesFirstLine,
            precedingText: indicator.summary ?? "", allowsRawHTML: allowsRawHTML)
        let content = reuse(key, "content") {
            ContentLint(path: indicator.path, kind: nil, body: notes, outline: outline, allowsRawHTML: allowsRawHTML).check()
        }
        // A warning's column counts the YAML file's indentation, which the key does not hold:
        // only a clean result is reused.
        let plainLanguage = reuse(key, "plain language", keepIf: \.isEmpty) {
            PlainLanguageLint(
                path: indicator.path, lines: outline.lines, firstLine: outline.firstLine,
                precedingText: indicator.summary ?? "",
                fileLine: { line in sources.line(line, of: indicator.path).map { Substring($0) } }
            ).check()
        }
        return content
            + check(outline, assembly.links, from: indicator.linkOrigin)
            + ReferenceCheck(outline: outline, resolver: FigureResolver(site: assembly.site)).check()
            + plainLanguage
    }

    /// Everything the text lints (ContentLint, PlainLanguageLint) read of a body.
    private struct TextLintKey: Hashable, Sendable {
        var path: String
        var kind: PageKind?
        var text: String
        var firstLine: Int
        var precedingText: String
        var allowsRawHTML: Bool
        var lint = ""
    }

    /// A text lint's problems from an earlier build (`plansite serve`) when the body is unchanged.
    private func reuse(
        _ key: TextLintKey, _ lint: String, keepIf keep: ([Diagnostic]) -> Bool = { _ in true },
        _ check: () -> [Diagnostic]
    ) -> [Diagnostic] {
        var key = key
        key.lint = lint
        return cache?.reuse(key, keepIf: keep, check) ?? check()
    }

    private func check(_ outline: MarkdownOutline, _ links: LinkRules, from origin: LinkOrigin) -> [Diagnostic] {
        outline.links.compactMap { links.check($0.url, at: $0.location, from: origin) }
            + outline.images.compactMap { links.check($0.url, at: $0.location, from: origin, what: "image") }
    }
}
