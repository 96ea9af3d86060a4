import Foundation

/// One file of the built site, held in memory until the writer puts the whole
/// site in place at once.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, with `/` separators.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    public var isPage: Bool { path.hasSuffix(".html") }
}
