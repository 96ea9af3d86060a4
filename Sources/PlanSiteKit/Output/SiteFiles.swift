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

    /// Every file below `folder`, copied to `prefix` unchanged, in a stable order.
    static func copies(of folder: URL, to prefix: String) throws -> [OutputFile] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        else { return [] }
        var files: [OutputFile] = []
        for case let url as URL in walker {
            // A symbolic link could copy a file from anywhere on the machine into the public site.
            let kind = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard kind.isRegularFile == true, kind.isSymbolicLink != true, !url.lastPathComponent.hasPrefix(".") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files.append(OutputFile(path: prefix + relative, contents: try Data(contentsOf: url)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
