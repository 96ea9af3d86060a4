import Foundation
import Testing

@testable import PlanSiteKit

/// Inputs chosen to break a parser: each gives a diagnostic, quickly.
@Suite struct HostileInputTests {
    func yamlProblem(_ text: String) -> Diagnostic? {
        collecting { YAMLDocument.parse(text, path: "i.yml", problems: &$0) }.failure
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let start = Date()
        #expect(yamlProblem(text)?.message.contains("anchors and aliases") == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func deepNestingIsRefused() {
        #expect(yamlProblem(String(repeating: "[", count: 100_000))?.message.contains("nested") == true)
        #expect(yamlProblem(String(repeating: "- ", count: 10_000) + "x")?.message.contains("nested") == true)
    }

    @Test func tabsInIndentationAreExplained() {
        #expect(yamlProblem("source:\n\tpublisher: x\n")?.message.contains("indent with spaces") == true)
    }

    @Test func largeFileIsRefusedWithoutReadingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.yml")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 * 1_048_576)  // a sparse 50 MB file
        try handle.close()
        guard
            let diagnostic = collecting({ TextFileReader(root: folder, displayPrefix: "content/").read("big.yml", problems: &$0) }).failure
        else {
            Issue.record("a 50 MB file must be refused")
            return
        }
        #expect(diagnostic.message.contains("too large"))
    }

    /// A link that stays inside the folder is read; one that leaves it, a named pipe (which would
    /// block a plain open) and a device are each an error naming what they are.
    @Test func onlyRegularFilesInsideTheFolderAreRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a: 1\n".write(to: folder.appendingPathComponent("pages/real.md"), atomically: true, encoding: .utf8)
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: folder.appendingPathComponent("pages/inside.md").path, withDestinationPath: "real.md")
        try fileManager.createSymbolicLink(
            atPath: folder.appendingPathComponent("pages/outside.md").path, withDestinationPath: "/etc/hostname")
        try fileManager.createSymbolicLink(atPath: folder.appendingPathComponent("pages/zero.md").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(folder.appendingPathComponent("pages/pipe.md").path, 0o644) == 0)
        let reader = TextFileReader(root: folder, displayPrefix: "content/")
        let read = { (name: String) in collecting { reader.read("pages/" + name, problems: &$0) } }
        #expect(try read("inside.md").get() == "a: 1\n")
        #expect(read("outside.md").failure?.message.hasPrefix("this is a symbolic link to /etc/hostname, outside content/") == true)
        #expect(read("zero.md").failure?.message.contains("/dev/zero") == true)
        #expect(read("pipe.md").failure?.message.contains("named pipe") == true)
    }

    @Test func bomAndCRLFAreNormalised() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r".utf8))
        #expect(try collecting { TextFileReader.decode(data, at: SourceLocation(path: "x"), problems: &$0) }.get() == "a: 1\nb: 2\n")
    }

    @Test func pathologicalMarkdownRendersQuickly() {
        let start = Date()
        let renderer = MarkdownRenderer()
        for text in [
            String(repeating: ">", count: 50_000) + " x",
            String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000),
            "# " + String(repeating: "*_", count: 20_000) + "a", String(repeating: "[", count: 50_000) + String(repeating: "a", count: 10),
            String(repeating: "a", count: 1_000_000), String(repeating: "word ", count: 200_000),
        ] {
            let outline = renderer.render(text).outline
            _ = ContentLint(path: "p.md", kind: .page, body: text, outline: outline, allowsRawHTML: false).check()
        }
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func deeplyNestedTemplateSectionsAreRefused() {
        let text = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        let problems = TemplateLibrary.structureProblems(in: ["deep": text], displayPrefix: "templates/")
        #expect(problems.count == 1)
    }

    @Test func templateThatIncludesItselfIsRefused() {
        let problems = TemplateLibrary.structureProblems(
            in: ["a": "{{> b}}", "b": "x {{> a}}", "c": "{{> c}}"], displayPrefix: "templates/")
        #expect(problems.count == 2)
    }
}
