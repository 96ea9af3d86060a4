import Foundation

@testable import PlanSiteKit

/// A throwaway folder holding a copy of a site, removed by the caller.
struct ScratchSite {
    let root: URL

    /// Copies `content` (default: the frozen copy of the real content) and the repository's templates.
    init(content: URL = TestPaths.realContent) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: content, to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: TestPaths.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func check(strict: Bool = false, today: CalendarDate = BuildOptions.testDay) -> PipelineResult {
        var options = BuildOptions.testing(
            content: root.appendingPathComponent("content"),
            templates: root.appendingPathComponent("templates"), output: root.appendingPathComponent("site"))
        options.strict = strict
        options.today = today
        return BuildPipeline(options: options).run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
