import Foundation

/// The files around the pages: sitemap, robots.txt, copied assets and images.
enum SiteFiles {
    static func sitemap(pages: [OutputFile], baseURL: String) -> OutputFile {
        let urls = pages.map(\.path).filter { $0.hasSuffix("index.html") }.sorted().map { path in
            "  <url><loc>\(Markup.escape(baseURL + path.dropLast("index.html".count)))</loc></url>"
        }
        let xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.joined(separator: "\n") + "\n</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    static func robots(baseURL: String) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n")
    }

    /// The listed files (as loading listed them, by `SourceFiles.publishedFiles`), copied unchanged
    /// to the same paths in the site, in a stable order.
    static func copies(of files: [String], from source: any SourceFiles) throws -> [OutputFile] {
        try files.sorted().map { OutputFile(path: $0, contents: try source.bytes($0)) }
    }
}
