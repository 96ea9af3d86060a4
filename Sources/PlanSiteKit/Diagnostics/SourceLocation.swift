/// A place in a content or template file, as a person counts it: 1-based line and
/// column, columns in characters (not bytes).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// For a problem with the build as a whole (two pages with one address), not with one
    /// place in a file: printed as `plansite: error: …`, the way compilers name themselves.
    public static let wholeBuild: SourceLocation = {
        var location = SourceLocation(path: "plansite")
        location.line = 0
        location.column = 0
        return location
    }()

    /// False for `wholeBuild`: there is no line to quote or annotate.
    public var hasPosition: Bool { line > 0 }

    public var description: String { hasPosition ? "\(path):\(line):\(column)" : path }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}
