import Foundation

/// Where a file's relative links start from: the content file itself, for links to other
/// content files (`../pages/about-the-data.md`, as GitHub's preview resolves them), and the
/// folder of the page it becomes, for every other relative address (`images/map.png`).
public struct LinkOrigin: Sendable, Hashable {
    /// Path inside `content/`: "outcomes/x.md", "indicators/y.yml", "site.yml".
    public var sourceFile: String
    /// The page's folder in the site: "outcomes/x/"; "" for the home page and site.yml.
    public var directory: String

    public init(sourceFile: String, directory: String) {
        self.sourceFile = sourceFile
        self.directory = directory
    }
}

extension LinkOrigin {
    /// `site.yml`'s own links (footer links, the contact page): relative to the home page.
    static let siteSettings = LinkOrigin(sourceFile: "site.yml", directory: "")
}

/// What kind of address a link is, read from its start.
enum AddressKind: Equatable {
    case web, mail, fragment, relative
    case rootRelative(String)
    case forbidden(String)

    /// Browsers ignore tabs and newlines inside URLs ("java\tscript:"), so they are removed before the scheme is read.
    init(_ raw: String) {
        let url = String(raw.unicodeScalars.filter { $0.value > 0x20 || $0 == " " }).trimmingCharacters(in: .whitespaces)
        if url.hasPrefix("#") {
            self = .fragment
            return
        }
        if url.hasPrefix("//") || url.hasPrefix("\\") {
            self = .forbidden("//")
            return
        }
        if url.hasPrefix("/") {
            self = .rootRelative(url)
            return
        }
        if let colon = url.firstIndex(of: ":"), url[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }),
            url[..<colon].first?.isLetter == true
        {
            switch url[..<colon].lowercased() {
            case "http", "https": self = .web
            case "mailto": self = .mail
            default: self = .forbidden(url[..<colon].lowercased() + ":")
            }
            return
        }
        self = url.isEmpty ? .forbidden("empty") : .relative
    }
}
