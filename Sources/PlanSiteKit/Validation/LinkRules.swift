import Foundation

/// Where links may go: http(s), mailto, relative, or a page or file of this site
/// that exists. Anything else (javascript:, data:, file:, "//host") is refused, since
/// front-matter URLs reach `href` attributes with only HTML escaping.
struct LinkRules {
    /// Root-relative paths the build writes, without the leading `/`: "", "indicators/x/", "images/a.svg".
    var targets: Set<String>

    init(site: Site) {
        var targets: Set<String> = ["", "indicators/", "data/indicators.csv", "data/indicators.json", "sitemap.xml"]
        for page in site.allPages { targets.insert(page.outputDirectory) }
        for indicator in site.indicators {
            targets.insert("indicators/\(indicator.id)/")
            targets.insert("data/\(indicator.id).csv")
        }
        for image in site.imageFiles { targets.insert("images/" + image) }
        targets.formUnion(site.unreadableTargets)
        self.targets = targets
    }

    enum Kind: Equatable {
        case web, mail, fragment, relative, rootRelative(String), forbidden(String)
    }

    /// Browsers ignore tabs and newlines inside URLs ("java\tscript:"), so they are removed before the scheme is read.
    static func classify(_ raw: String) -> Kind {
        let url = String(raw.unicodeScalars.filter { $0.value > 0x20 || $0 == " " }).trimmingCharacters(in: .whitespaces)
        if url.hasPrefix("#") { return .fragment }
        if url.hasPrefix("//") || url.hasPrefix("\\") { return .forbidden("//") }
        if url.hasPrefix("/") { return .rootRelative(url) }
        if let colon = url.firstIndex(of: ":"), url[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }),
           url[..<colon].first?.isLetter == true {
            switch url[..<colon].lowercased() {
            case "http", "https": return .web
            case "mailto": return .mail
            default: return .forbidden(url[..<colon].lowercased() + ":")
            }
        }
        return url.isEmpty ? .forbidden("empty") : .relative
    }

    /// One problem with a URL written in content, or nil.
    func check(_ url: String, at location: SourceLocation, what: String = "link") -> Diagnostic? {
        switch Self.classify(url) {
        case .web, .mail, .fragment, .relative:
            return nil
        case .forbidden("empty"):
            return .error(location, "\(what) has no address")
        case .forbidden(let scheme):
            return .error(location, "\(what) to \"\(url.prefix(60))\" is not allowed (\(scheme)); use https://, mailto: or a path on this site such as /about-the-data/")
        case .rootRelative(let path):
            return checkInternal(path, url: url, at: location, what: what)
        }
    }

    private func checkInternal(_ path: String, url: String, at location: SourceLocation, what: String) -> Diagnostic? {
        var target = String(path.dropFirst())
        if let end = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<end]) }
        target = target.removingPercentEncoding ?? target
        if target.hasSuffix("index.html") { target.removeLast("index.html".count) }
        if targets.contains(target) || target.hasPrefix("assets/") { return nil }
        if targets.contains(target + "/") {
            return .warning(location, "\(what) to \(url) needs a trailing slash: \(url.split(separator: "#", maxSplits: 1)[0])/")
        }
        return .error(location, "\(what) to \(url.prefix(80)): no page or file of this site has that address")
    }
}
