import Foundation
import PlanSiteKit

/// What the preview serves: the files of the last good build, held in memory, and
/// the diagnostics of the latest build if it failed.
actor PreviewSite {
    /// Counts builds, good or bad; pages carry it so they know when to reload.
    private(set) var version = 0
    private var files: [String: Data] = [:]
    /// The last good build's pages, each filled in the first time it is asked for.
    private var pages: DeferredPages?
    private var failure: (diagnostics: String, summary: String)?
    /// The warnings of a build that succeeded: `check --strict` in CI refuses them, so every
    /// page shows them in a banner, not only the terminal.
    private var warnings: (diagnostics: String, count: Int)?

    /// Keeps the previous files when the build failed, so assets and data still load.
    func update(with result: PipelineResult) -> Int {
        version += 1
        if let built = result.files {
            files = Dictionary(built.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
            pages = result.deferred
            failure = nil
            let count = result.report.warnings.count
            warnings = count == 0 ? nil : (result.report.rendered(sources: result.sources), count)
        } else {
            failure = (result.report.rendered(sources: result.sources), result.report.countSummary)
        }
        return version
    }

    /// The response for a request path such as "/", "/outcomes/x/" or "/assets/site.css".
    func response(for requestPath: String) -> PreviewResponse {
        let path = Self.filePath(for: requestPath)
        for wanted in [path, path + "/index.html", Route.notFound.file] { fillIn(wanted) }
        // While the latest build is broken, every page (but not CSS, images or data) is the error page.
        if let failure, path.hasSuffix(".html") || (files[path] == nil && !Self.hasExtension(path)) {
            let page = LiveReload.errorPage(diagnostics: failure.diagnostics, summary: failure.summary, version: version)
            return PreviewResponse(status: 500, contentType: "text/html; charset=utf-8", body: page)
        }
        if let data = files[path] {
            return found(path, data)
        }
        if files[path + "/index.html"] != nil {
            // Pages link relatively, so "/outcomes/x" must become "/outcomes/x/" before it is shown.
            return PreviewResponse(status: 301, contentType: "text/plain", body: Data(), location: requestPath + "/")
        }
        let notFound = files[Route.notFound.file].map { LiveReload.inject(into: $0, version: version) }
        return PreviewResponse(status: 404, contentType: "text/html; charset=utf-8", body: notFound ?? Data("Not found\n".utf8))
    }

    /// Renders a page of the last good build the first time it is asked for.
    private func fillIn(_ path: String) {
        guard files[path] == nil, let page = pages?.render(path) else { return }
        files[path] = page.contents
    }

    private func found(_ path: String, _ data: Data) -> PreviewResponse {
        let type = ContentType.of(path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, version: version, warnings: warnings) : data
        return PreviewResponse(status: 200, contentType: type, body: body)
    }

    /// "/" → "index.html", "/a/b/" → "a/b/index.html", "/x.css" → "x.css".
    static func filePath(for requestPath: String) -> String {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        var path = decoded.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return path
    }

    private static func hasExtension(_ path: String) -> Bool {
        path.split(separator: "/").last?.contains(".") ?? false
    }
}

/// A response, independent of the server library, so the routing above is plain Swift.
struct PreviewResponse: Sendable {
    var status: Int
    var contentType: String
    var body: Data
    var location: String? = nil
}

enum ContentType {
    static let byExtension = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "ico": "image/x-icon", "json": "application/json", "csv": "text/csv; charset=utf-8",
        "xml": "application/xml", "txt": "text/plain; charset=utf-8", "woff2": "font/woff2", "pdf": "application/pdf",
    ]

    static func of(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }
}
