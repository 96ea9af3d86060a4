import Foundation
import Testing

/// The commands end to end on the corpus's valid base site.
@Suite struct CommandTests {
    func baseSite() throws -> CorpusSite {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-empty-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        return try CorpusSite(case: empty)
    }

    @Test func checkPassesStrictOnTheBaseSiteAndWritesNothing() throws {
        let site = try baseSite()
        defer { site.remove() }
        let before = try site.previousBuild()
        let outcome = try Plansite.run(["check", "--strict"], in: site.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout == "Check passed: 0 errors, 0 warnings.\n")
        #expect(try site.previousBuild() == before)
    }

    @Test func buildReplacesOnlyItsOwnPreviousBuild() throws {
        let site = try baseSite()
        defer { site.remove() }
        let outcome = try Plansite.run(["build"], in: site.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Built "))
        let built = try site.previousBuild()
        #expect(built["index.html"].map { String(decoding: $0, as: UTF8.self).contains("previous build") } == false)
        #expect(built[".plansite-build"] != nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("site.") }
        #expect(siblings == [".site.plansite-back"], "no staging folders left, only the build it replaced, kept for reuse: \(siblings)")
    }

    @Test func githubActionsGetsAnnotations() throws {
        let site = try baseSite()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/pages/accessibility.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "[All indicators](/indicators/)", with: "[here](/indicators/)").write(
            to: page, atomically: true, encoding: .utf8)
        let outcome = try Plansite.run(["check", "--strict"], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout.contains(
                "::error file=content/pages/accessibility.md,line=8,col=68::link text \"here\" does not say where it goes"))
        #expect(outcome.stderr.contains("content/pages/accessibility.md:8:68: error: link text \"here\""))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let site = try baseSite()
        defer { site.remove() }
        #expect(try Plansite.run(["check", "--no-such-option"], in: site.root).status == 2)
        #expect(try Plansite.run(["build", "--output", "/"], in: site.root).status == 2)
    }
}
