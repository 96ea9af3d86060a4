import Foundation

/// Pages whose values are made but whose templates are filled only when one is asked for:
/// the same bytes the render stage would write, one page at a time.
public struct DeferredPages: Sendable {
    private let pages: [String: PageRender]
    private let templates: TemplateLibrary
    /// Every page's path, in output order.
    public let paths: [String]

    init(pages: [PageRender], templates: TemplateLibrary) {
        self.pages = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.templates = templates
        paths = pages.map(\.path)
    }

    public func contains(_ path: String) -> Bool { pages[path] != nil }

    /// The page at `path`, filled in now.
    public func render(_ path: String) -> OutputFile? {
        guard let page = pages[path] else { return nil }
        return OutputFile(path: path, text: templates.render(page.values, with: page.template))
    }

    /// Every page as an empty file, for what needs only the paths (the sitemap, the duplicate check).
    var placeholders: [OutputFile] { paths.map { OutputFile(path: $0, contents: Data()) } }
}
