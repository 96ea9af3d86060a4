import Foundation

/// The assemble stage: everything later stages read, made once. Each Markdown body is
/// parsed once, into the HTML its page shows and the outline lint reads; the address
/// table (`LinkRules`) is built once and used by the links in bodies, the checks and the
/// renderer; the downloads are made once, so pages can give their sizes. The pages'
/// values are the render stage's: the checks read the key tables they declare, not them.
public struct SiteAssembly: @unchecked Sendable {
    public var site: Site
    public var links: LinkRules
    /// Each Markdown body, rendered for the page that shows it, by its file's path as diagnostics print it.
    public var markdown: [String: RenderedMarkdown]
    public var downloads: [OutputFile]

    /// - Parameter spillDownloads: given the open data as soon as it is made, before any page's
    ///   values are, and returns what to keep of it (`build` writes it out and keeps it mapped from
    ///   disk, so the open data and every page's values are never all in memory at once).
    public static func assemble(
        _ site: Site, contentIsComplete: Bool, parallel: Bool = true, cache: BuildCache? = nil,
        spillDownloads: (([OutputFile]) -> [OutputFile])? = nil
    ) -> SiteAssembly {
        let site = FigureResolver(site: site).substitutingFrontMatter()
        let links = LinkRules(site: site)
        // cmark-gfm parses one body at a time (it is not thread-safe), so the downloads are made beside the Markdown.
        let (markdown, downloads) = Parallel.both(
            enabled: parallel,
            { renderMarkdown(of: site, links: links, parallel: parallel, cache: cache) },
            { contentIsComplete ? DataDownloads(site: site, parallel: parallel, cache: cache).files() : [] })
        let kept = spillDownloads.map { $0(downloads) } ?? downloads
        return SiteAssembly(site: site, links: links, markdown: markdown, downloads: kept)
    }

    /// A Markdown body and the page it appears on.
    private struct Body: Sendable {
        var path: String
        var text: String
        var firstLine: Int
        var origin: LinkOrigin
    }

    private static func renderMarkdown(
        of site: Site, links: LinkRules, parallel: Bool,
        cache: BuildCache?
    ) -> [String: RenderedMarkdown] {
        var bodies = (site.allPages + site.siblings).map {
            Body(path: $0.path, text: $0.body, firstLine: $0.bodyFirstLine, origin: $0.linkOrigin)
        }
        bodies += site.indicators.compactMap { indicator in
            indicator.notes.map {
                Body(path: indicator.path, text: $0, firstLine: indicator.notesFirstLine + 1, origin: indicator.linkOrigin)
            }
        }
        let renderer = {
            var renderer = MarkdownRenderer(allowRawHTML: site.config.unsafeHTML)
            renderer.footnoteBackLabel = site.words(.footnoteBackLabel)
            return renderer
        }()
        let figures = FigureResolver(site: site)
        let rendered = Parallel.map(bodies, enabled: parallel) { body in
            let address = PageAddress(directory: body.origin.directory)
            let href = { links.href(for: $0, from: body.origin, at: address) }
            guard let cache else {
                return renderer.render(
                    body.text, path: body.path, firstLine: body.firstLine, rewriteURL: href, rewriteText: figures.substitute)
            }
            let key = BuildCache.MarkdownKey(
                text: body.text, path: body.path, firstLine: body.firstLine,
                origin: body.origin, allowRawHTML: renderer.allowRawHTML, footnoteBackLabel: renderer.footnoteBackLabel)
            if let reused = cache.markdown(key, href: href, figures: figures.substitute) { return reused }
            var answers = BuildCache.MarkdownAnswers()
            let fresh = renderer.render(
                body.text, path: body.path, firstLine: body.firstLine,
                rewriteURL: { url in
                    let target = href(url)
                    answers.links.append((url, target))
                    return target
                },
                rewriteText: { text in
                    let figure = figures.substitute(text)
                    if text.contains("{{") { answers.figures.append((text, figure)) }
                    return figure
                })
            cache.storeMarkdown(key, fresh, answers: answers)
            return fresh
        }
        return Dictionary(zip(bodies.map(\.path), rendered), uniquingKeysWith: { first, _ in first })
    }
}
