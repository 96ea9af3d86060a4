import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct SiteWriterTests {
    @Test func replacesAPreviousBuildWhole() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "old")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        let tree = snapshotTree(output)
        #expect(tree.keys.sorted() == [".plansite-build", "index.html"])
        #expect(tree["index.html"] == Data("two".utf8))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(
            siblings.sorted() == [".site.plansite-back", "site"], "no staging folder is left behind; the build before is kept for reuse")
        #expect(snapshotTree(writer.backBuffer)["old/index.html"] == Data("old".utf8))
    }

    /// The kept build is the next staging folder: unchanged files stay, changed ones are
    /// rewritten, files the new build lacks are deleted, and the result is exactly the new site.
    @Test func rebuildsInTheKeptBuildWithExactlyTheNewFiles() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/index.html", text: "deep")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        try writer.write([OutputFile(path: "index.html", text: "three"), OutputFile(path: "c.txt", text: "c")])
        #expect(
            snapshotTree(output) == [
                ".plansite-build": try #require(snapshotTree(output)[".plansite-build"]),
                "index.html": Data("three".utf8), "c.txt": Data("c".utf8),
            ])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("a").path), "empty folders of old pages go")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".site.plansite-back", "site"])
    }

    /// A link planted in the kept build is replaced, never written through.
    @Test func neverWritesThroughALinkInTheKeptBuild() throws {
        let scratch = TestPaths.scratch()
        let output = scratch.appendingPathComponent("site")
        let outside = scratch.appendingPathComponent("outside.txt")
        try Data("untouched".utf8).write(to: outside)
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "one")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        let planted = writer.backBuffer.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: planted)
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: outside)
        try writer.write([OutputFile(path: "index.html", text: "three")])
        #expect(try Data(contentsOf: outside) == Data("untouched".utf8))
        #expect(snapshotTree(output)["index.html"] == Data("three".utf8))
    }

    /// A folder with the kept build's name that PlanSite did not make is left alone.
    @Test func leavesAForeignFolderWithTheKeptBuildsName() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try write("mine", to: "notes.txt", in: writer.backBuffer)
        try writer.write([OutputFile(path: "index.html", text: "one")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        #expect(snapshotTree(writer.backBuffer) == ["notes.txt": Data("mine".utf8)])
        #expect(snapshotTree(output)["index.html"] == Data("two".utf8))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".site.plansite-back", "site"], "the replaced build is deleted when the name is taken")
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        try write("precious", to: "notes.txt", in: output)
        #expect(throws: EnvironmentError.self) { try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(snapshotTree(output) == ["notes.txt": Data("precious".utf8)])
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "./x"])
    func refusesPathsOutsideTheOutput(path: String) throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        #expect(throws: EnvironmentError.self) { try SiteWriter(output: output).write([OutputFile(path: path, text: "x")]) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
