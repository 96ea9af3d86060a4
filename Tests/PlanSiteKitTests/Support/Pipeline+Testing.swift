import Foundation

@testable import PlanSiteKit

extension BuildOptions {
    /// The day the tests' builds judge dates against, so no result changes as the calendar moves.
    static let testDay = CalendarDate(year: 2026, month: 12, day: 7)!

    static func testing(content: URL, templates: URL = TestPaths.templates, output: URL? = nil) -> BuildOptions {
        var options = BuildOptions(
            contentFolder: content, templatesFolder: templates,
            outputFolder: output ?? TestPaths.scratch().appendingPathComponent("site"))
        options.today = testDay
        return options
    }
}

/// Every file below a folder, relative path → bytes, for comparing whole trees.
func snapshotTree(_ folder: URL) -> [String: Data] {
    var tree: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return tree }
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
        tree[relative] = try? Data(contentsOf: url)
    }
    return tree
}

/// Writes text to a path under a folder, creating folders as needed.
func write(_ text: String, to relative: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}
