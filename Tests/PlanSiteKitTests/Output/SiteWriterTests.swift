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
        #expect(siblings == ["site"], "no staging or previous folder is left behind")
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
