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
        // Most addresses are printable ASCII with no space at either end, which the filter and the
        // trimming leave as they are: read on bytes. (Foundation's trimming and a scalar filter on
        // every link were 2.5% of a build.)
        if raw.allBytes({ (0x20..<0x80).contains($0) }), raw.utf8.first != 0x20, raw.utf8.last != 0x20 {
            self.init(printableASCII: raw)
        } else {
            self.init(anyText: raw)
        }
    }

    /// `init(_:)` for any address, on its Characters.
    init(anyText raw: String) {
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

    /// `init(_:)`'s steps for an address of printable ASCII without a space at either end, on its bytes.
    init(printableASCII url: String) {
        let bytes = url.utf8
        guard let first = bytes.first else {
            self = .forbidden("empty")
            return
        }
        if first == UInt8(ascii: "#") {
            self = .fragment
            return
        }
        if bytes.starts(with: "//".utf8) || first == UInt8(ascii: "\\") {
            self = .forbidden("//")
            return
        }
        if first == UInt8(ascii: "/") {
            self = .rootRelative(url)
            return
        }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isLetter(first),
            bytes[..<colon].allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || "+.-".utf8.contains($0) })
        {
            let scheme = String(decoding: bytes[..<colon].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            switch scheme {
            case "http", "https": self = .web
            case "mailto": self = .mail
            default: self = .forbidden(scheme + ":")
            }
            return
        }
        self = .relative
    }
}
