/// Where a page lives in the output, and how it links to every other file with a
/// relative URL, so the site works from any sub-path and when opened from disk.
public struct PageAddress: Sendable, Hashable {
    /// The page's folder relative to the site root: "" for the home page, "outcomes/x/".
    /// A constant, so that `rootPrefix`, worked out from it, stays true.
    public let directory: String
    /// The file inside that folder; "index.html" for every page but 404.html.
    public var fileName: String = "index.html"
    /// Set for a page the host serves at any path (404.html): its links are then
    /// absolute from this base URL, with clean folder addresses, instead of relative.
    public var absoluteBase: String?
    /// "../../" for "outcomes/x/"; "" at the root. Worked out once: every link a page makes starts with it.
    public let rootPrefix: String

    public init(directory: String, fileName: String = "index.html", absoluteBase: String? = nil) {
        self.directory = directory
        self.fileName = fileName
        self.absoluteBase = absoluteBase
        rootPrefix = String(repeating: "../", count: Self.depth(of: directory))
    }

    public var outputPath: String { directory + fileName }

    /// How many folders deep a page in `directory` is: the non-empty parts between "/"s.
    /// Counted on bytes for an ASCII folder.
    private static func depth(of directory: String) -> Int {
        var parts = 0
        var inPart = false
        for byte in directory.utf8 {
            if byte >= 0x80 { return directory.split(separator: "/").count }
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return parts
    }

    /// A relative link to a root-relative target ("about-the-data/", "assets/site.css",
    /// "indicators/#table"). Folder targets get "index.html" so links work from disk.
    public func link(to target: String) -> String {
        var path = target
        var fragment = ""
        // Only a "#" byte can be a "#" Character, and most targets have none: a search of the
        // bytes spares them the search of the Characters, which cost more than the rest of the link.
        if target.utf8.contains(UInt8(ascii: "#")), let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if path.hasPrefix("/") { path.removeFirst() }
        if let absoluteBase { return absoluteBase + path + fragment }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if path == outputPath && !fragment.isEmpty { return fragment }
        return rootPrefix + path + fragment
    }

    /// The page's public address, for canonical links and the sitemap.
    public func absoluteURL(base: String) -> String {
        base + directory + (fileName == "index.html" ? "" : fileName)
    }
}
