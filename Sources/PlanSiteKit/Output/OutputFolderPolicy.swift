import Foundation

/// Which folders the build may replace. The writer swaps the whole output folder,
/// so a mistyped `--output` must never name a folder that holds anything else of value.
public enum OutputFolderPolicy {
    /// Files that mark a repository root: replacing such a folder would delete the project.
    static let rootMarkers = ["content", "templates", "Package.swift", ".git"]

    /// Throws `EnvironmentError` (exit 2) when `output` is `/`, the home folder, a
    /// repository root, or the content or templates folder, inside one, or above one.
    public static func check(output: URL, protecting folders: [URL] = []) throws {
        let target = resolved(output)
        let path = target.path
        if path == "/" || target.pathComponents.count <= 1 {
            throw EnvironmentError("refusing to use / as the output folder; pass --output site")
        }
        if path == resolved(FileManager.default.homeDirectoryForCurrentUser).path {
            throw EnvironmentError("refusing to use the home folder \(path) as the output folder; pass --output site")
        }
        if let marker = rootMarkers.first(where: { FileManager.default.fileExists(atPath: target.appendingPathComponent($0).path) }) {
            throw EnvironmentError("refusing to use \(path) as the output folder: it holds \(marker), so it looks like a repository root")
        }
        for folder in folders.map(resolved) where isSame(target, folder) || isInside(target, folder) || isInside(folder, target) {
            throw EnvironmentError("refusing to use \(path) as the output folder: it overlaps the source folder \(folder.path)")
        }
    }

    /// Symbolic links resolved, so `site -> content` cannot slip through.
    static func resolved(_ url: URL) -> URL {
        let standard = url.standardizedFileURL
        if FileManager.default.fileExists(atPath: standard.path) { return standard.resolvingSymlinksInPath() }
        let parent = standard.deletingLastPathComponent()
        guard parent.path != standard.path else { return standard }
        return resolved(parent).appendingPathComponent(standard.lastPathComponent)
    }

    private static func isSame(_ a: URL, _ b: URL) -> Bool { a.pathComponents == b.pathComponents }

    private static func isInside(_ inner: URL, _ outer: URL) -> Bool {
        inner.pathComponents.count > outer.pathComponents.count
            && Array(inner.pathComponents.prefix(outer.pathComponents.count)) == outer.pathComponents
    }
}
