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
        pages[path]?.filled(with: templates)
    }

    /// Every page as an empty file, for what needs only the paths (the sitemap, the duplicate check).
    var placeholders: [OutputFile] { paths.map { OutputFile(path: $0, contents: Data()) } }
}

extension PageRender {
    /// The page's template filled in with its values: the bytes the site holds at its path.
    func filled(with templates: TemplateLibrary) -> OutputFile {
        OutputFile(path: path, contents: templates.render(values, with: template))
    }
}
