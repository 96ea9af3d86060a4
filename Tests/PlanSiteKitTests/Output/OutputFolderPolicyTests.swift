import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct OutputFolderPolicyTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-policy-\(UUID().uuidString)")

    func folder(_ relative: String) throws -> URL {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func refusesDangerousFolders() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try folder("repo/content")
        let templates = try folder("repo/templates")
        let refused = [
            URL(fileURLWithPath: "/"), FileManager.default.homeDirectoryForCurrentUser, root.appendingPathComponent("repo"),
            content, templates, content.appendingPathComponent("site"), root,
        ]
        for output in refused {
            #expect(throws: EnvironmentError.self, "\(output.path)") {
                try OutputFolderPolicy.check(output: output, protecting: [content, templates])
            }
        }
    }

    @Test func refusesASymlinkToTheContent() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try folder("repo/content")
        let link = root.appendingPathComponent("repo-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
        #expect(throws: EnvironmentError.self) { try OutputFolderPolicy.check(output: link, protecting: [content]) }
    }

    @Test func acceptsASiblingSiteFolder() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try folder("repo/content")
        try OutputFolderPolicy.check(output: root.appendingPathComponent("repo/site"), protecting: [content])
    }

    @Test func writerRefusesAFolderItDidNotMake() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = try folder("notes")
        try Data("keep me".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        #expect(throws: EnvironmentError.self) { try SiteWriter(output: notes).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(FileManager.default.fileExists(atPath: notes.appendingPathComponent("todo.txt").path))
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "./x", ""])
    func writerRefusesPathsOutsideTheOutput(_ path: String) throws {
        #expect(throws: EnvironmentError.self) { try SiteWriter.checkInside(path) }
    }

    @Test func writerReplacesItsOwnPreviousBuild() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try SiteWriter(output: site).write([OutputFile(path: "index.html", text: "one")])
        try SiteWriter(output: site).write([OutputFile(path: "index.html", text: "two")])
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "site" }
        #expect(leftovers == [".site.plansite-back"], "staging folders are cleaned up; only the kept build stays: \(leftovers)")
    }
}
