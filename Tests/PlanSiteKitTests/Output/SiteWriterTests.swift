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

    /// An unchanged file is shared with the site it replaces (so a deploy sees the same file,
    /// modification time and all); a changed one is a new file, and the site it replaces keeps
    /// its old bytes until the swap, and after it in the kept build.
    @Test func sharesUnchangedFilesAndNeverChangesTheLiveSite() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        let page = { (text: String) in [OutputFile(path: "index.html", text: text), OutputFile(path: "a/same.html", text: "same")] }
        try writer.write(page("one"))
        let first = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/same.html").path)
        try writer.write(page("one"))
        try writer.write(page("two"))
        let same = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/same.html").path)
        #expect(same[.modificationDate] as? Date == first[.modificationDate] as? Date, "an unchanged file is not rewritten")
        #expect(same[.systemFileNumber] as? Int == first[.systemFileNumber] as? Int)
        #expect(snapshotTree(output)["index.html"] == Data("two".utf8))
        #expect(snapshotTree(writer.backBuffer)["index.html"] == Data("one".utf8), "the replaced site was not written into")
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

    /// The open data goes into the staging folder before the pages' paths are known: over a folder
    /// or under a file the kept build has at its place, and kept mapped with the same bytes.
    @Test func writesEarlyFilesOverWhateverTheKeptBuildHasThere() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "data/x.csv/old.txt", text: "folder"), OutputFile(path: "data2", text: "file")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        let session = try #require(writer.beginEarly())
        let mapped = try session.writeEarly([OutputFile(path: "data/x.csv", text: "csv"), OutputFile(path: "data2/y.json", text: "{}")])
        #expect(mapped.map(\.contents) == [Data("csv".utf8), Data("{}".utf8)])
        try session.prepare(paths: ["index.html", "data/x.csv", "data2/y.json"])
        try session.write([OutputFile(path: "index.html", text: "three"), OutputFile(path: "data/x.csv", text: "not written twice")])
        try session.finish()
        var tree = snapshotTree(output)
        #expect(tree.removeValue(forKey: SiteWriter.marker) != nil)
        #expect(tree == ["index.html": Data("three".utf8), "data/x.csv": Data("csv".utf8), "data2/y.json": Data("{}".utf8)])
    }

    /// A build that fails after writing its open data leaves the output as it was and gives the
    /// staging folder back as the kept build.
    @Test func anAbandonedWriteKeepsTheOutputAndTheKeptBuild() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "one")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        let before = snapshotTree(output)
        let session = try #require(writer.beginEarly())
        _ = try session.writeEarly([OutputFile(path: "data/all.csv", text: "a,b")])
        session.abandon()
        #expect(snapshotTree(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".site.plansite-back", "site"])
        #expect(snapshotTree(writer.backBuffer)["data/all.csv"] == Data("a,b".utf8))
        try writer.write([OutputFile(path: "index.html", text: "three")])
        #expect(snapshotTree(output).keys.sorted() == [".plansite-build", "index.html"])
    }
}
