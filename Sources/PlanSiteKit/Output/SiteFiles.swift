import Foundation

/// The files around the pages: sitemap, robots.txt, copied assets and images.
enum SiteFiles {
    static func sitemap(pages: [OutputFile], baseURL: String) -> OutputFile {
        let urls = pages.map(\.path).sorted().compactMap { Route(path: $0) }.filter(\.isInSitemap).map { route in
            "  <url><loc>\(Markup.escape(baseURL + route.path))</loc></url>"
        }
        let xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.joined(separator: "\n") + "\n</urlset>\n"
        return OutputFile(path: Route.sitemap.path, text: xml)
    }

    static func robots(baseURL: String) -> OutputFile {
        OutputFile(path: Route.robots.path, text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)\(Route.sitemap.path)\n")
    }

    /// The listed files (as loading listed them, by `SourceFiles.publishedFiles`), copied unchanged
    /// to the same paths in the site, in a stable order.
    static func copies(of files: [String], from source: any SourceFiles) throws -> [OutputFile] {
        try files.sorted().map { OutputFile(path: $0, contents: try source.bytes($0)) }
    }
}
