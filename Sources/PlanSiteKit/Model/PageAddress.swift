/// Where a page lives in the output, and how it links to every other file with a
/// relative URL, so the site works from any sub-path and when opened from disk.
public struct PageAddress: Sendable, Hashable {
    /// The page's folder relative to the site root: "" for the home page, "outcomes/x/".
    public var directory: String
    /// The file inside that folder; "index.html" for every page but 404.html.
    public var fileName: String = "index.html"
    /// Set for a page the host serves at any path (404.html): its links are then
    /// absolute from this base URL, with clean folder addresses, instead of relative.
    public var absoluteBase: String?

    public init(directory: String, fileName: String = "index.html", absoluteBase: String? = nil) {
        self.directory = directory
        self.fileName = fileName
        self.absoluteBase = absoluteBase
    }

    public var outputPath: String { directory + fileName }

    /// "../../" for "outcomes/x/"; "" at the root.
    public var rootPrefix: String {
        String(repeating: "../", count: depth)
    }

    /// How many folders deep the page is: the non-empty parts of `directory` between "/"s.
    /// Counted on bytes for an ASCII folder (every link a page makes asks for it).
    private var depth: Int {
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
