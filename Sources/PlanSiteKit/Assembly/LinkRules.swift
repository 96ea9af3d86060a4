import Foundation

/// Where links may go: http(s), mailto, or a page or file of this site that exists,
/// written root-relative (`/indicators/`), relative to the page, or as the content file
/// it comes from. Anything else (javascript:, data:, file:, "//host") is refused, since
/// front-matter URLs reach `href` attributes with only HTML escaping.
public struct LinkRules: Sendable {
    /// Root-relative paths the build writes, without the leading `/`: "", "indicators/x/", "images/a.svg".
    var targets: Set<String>
    /// The page each content file becomes: "pages/about-the-data.md" → "about-the-data/".
    var pageBySourceFile: [String: String]

    public init(site: Site) {
        // Assets are checked against the templates' files, not here.
        var targets = Set(Route.all(of: site, assetFiles: []).filter(\.isLinkTarget).map(\.path))
        var pages: [String: String] = [:]
        for page in site.allPages {
            pages[page.sourceFile] = page.outputDirectory
        }
        for indicator in site.indicators {
            let route = Route.indicator(id: indicator.id)
            if let file = route.sourceFile { pages[file] = route.path }
        }
        targets.formUnion(site.unreadableTargets)
        // A page whose file did not load is still linked to by its file: the address says which file.
        for target in site.unreadableTargets {
            if let file = Route(path: target)?.sourceFile { pages[file] = target }
        }
        self.targets = targets
        self.pageBySourceFile = pages
    }

    /// What an address written in content points at.
    enum Resolution: Equatable {
        /// Kept as written: a web or mail address, or a fragment of the same page.
        case external
        /// A file of this site, root-relative without the leading `/`, with any `#fragment` or `?query` kept.
        case site(String)
        case problem(String)
    }

    func resolve(_ url: String, from origin: LinkOrigin, what: String) -> Resolution {
        switch AddressKind(url) {
        case .web, .mail, .fragment:
            return .external
        case .forbidden("empty"):
            return .problem("\(what) has no address")
        case .forbidden(let scheme):
            return .problem(
                "\(what) to \"\(url.prefix(60))\" is not allowed (\(scheme)); use https://, mailto: or a path on this site such as /about-the-data/"
            )
        case .rootRelative(let path):
            return .site(String(path.dropFirst()))
        case .relative:
            let (path, suffix) = Self.splitSuffix(url)
            if path.lowercased().hasSuffix(".md") || path.lowercased().hasSuffix(".yml") {
                let folder = (origin.sourceFile as NSString).deletingLastPathComponent
                guard let file = Self.normalise(folder.isEmpty ? path : folder + "/" + path) else {
                    return .problem("\(what) to \(url.prefix(80)) goes above the content folder")
                }
                guard let page = pageBySourceFile[file] else {
                    return .problem(
                        "\(what) to \(url.prefix(80)): there is no content file \(file); check the name and the ../ steps from this file's folder"
                    )
                }
                return .site(page + suffix)
            }
            guard let target = Self.normalise(origin.directory + path) else {
                return .problem(
                    "\(what) to \(url.prefix(80)) goes above the site's top folder; write it from the site's top, as /\(path.replacingOccurrences(of: "../", with: ""))"
                )
            }
            return .site(target + suffix)
        }
    }

    /// One problem with a URL written in content, or nil.
    func check(_ url: String, at location: SourceLocation, from origin: LinkOrigin, what: String = "link") -> Diagnostic? {
        switch resolve(url, from: origin, what: what) {
        case .external: return nil
        case .problem(let message): return .error(location, message)
        case .site(let target):
            guard let problem = checkInternal(target, url: url, at: location, what: what) else { return nil }
            return problem.severity == .error ? explainRelative(problem, url: url, target: target, from: origin) : problem
        }
    }

    /// The address to publish for a URL written in content: relative from `address`, so the site works from any sub-path.
    func href(for url: String, from origin: LinkOrigin, at address: PageAddress) -> String {
        guard case .site(let target) = resolve(url, from: origin, what: "link") else { return url }
        return address.link(to: target)
    }

    private func checkInternal(_ path: String, url: String, at location: SourceLocation, what: String) -> Diagnostic? {
        var target = Self.splitSuffix(path).path
        target = target.removingPercentEncoding ?? target
        if target.hasSuffix("index.html") { target.removeLast("index.html".count) }
        if targets.contains(target) || target.hasPrefix(Route.assetsFolder) { return nil }
        if targets.contains(target + "/") {
            return .warning(location, "\(what) to \(url) needs a trailing slash: \(url.split(separator: "#", maxSplits: 1)[0])/")
        }
        return .error(location, "\(what) to \(url.prefix(80)): no page or file of this site has that address" + nearest(to: target))
    }

    /// "; did you mean /commitments/family-hubs/?" when an address of the site is a few letters away.
    private func nearest(to target: String) -> String {
        let close = targets.map { (address: $0, distance: $0.editDistance(to: target)) }
            .filter { $0.distance <= max(2, target.count / 4) }
            .min { ($0.distance, $0.address) < ($1.distance, $1.address) }
        return close.map { "; did you mean /\($0.address)?" } ?? ""
    }

    /// A relative address is read from the page's own address, which staff may not have in mind: say where it led.
    private func explainRelative(_ problem: Diagnostic, url: String, target: String, from origin: LinkOrigin) -> Diagnostic {
        guard case .relative = AddressKind(url), !origin.directory.isEmpty,
            !url.lowercased().hasSuffix(".md"), !url.lowercased().hasSuffix(".yml")
        else { return problem }
        let what = problem.message.hasPrefix("image") ? "image" : "link"
        var message =
            "\(what) to \(url.prefix(80)): this page is at /\(origin.directory), so that address means /\(Self.splitSuffix(target).path), which the site does not have"
        if let fromTop = Self.normalise(Self.splitSuffix(url).path), targets.contains(fromTop) {
            message += "; for the site's own \(fromTop), write /\(url)"
        }
        return Diagnostic(problem.severity, problem.location, message)
    }

    /// "a/b#c" → ("a/b", "#c"); the query or fragment is kept as written.
    private static func splitSuffix(_ url: String) -> (path: String, suffix: String) {
        guard let end = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<end]), String(url[end...]))
    }

    /// Folds "./" and "../" steps; nil when they climb above the top. A trailing "/" is kept.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let folded = parts.joined(separator: "/")
        let isFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        return folded.isEmpty ? "" : folded + (isFolder ? "/" : "")
    }
}
