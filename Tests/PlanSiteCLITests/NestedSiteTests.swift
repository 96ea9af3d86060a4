import Foundation
import Testing

/// Two priorities on one host: one built into `out/`, the other into `out/net-zero/`.
/// Rebuilding the first keeps the second exactly as it was; a build that would write into it
/// is refused, and nothing changes.
@Suite("Nested sites") struct NestedSiteTests {
    static let parent = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteKitTests/Fixtures/indicators/content")
    static let child = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteKitTests/Fixtures/mini-site/content")

    func build(_ content: URL, into output: String, in folder: URL) throws -> Plansite.Run {
        try Plansite.run(["build", "--content", content.path, "--templates", Plansite.templates.path, "--output", output], in: folder)
    }

    @Test func aNestedSiteSurvivesARebuildOfItsParent() throws {
        let folder = Plansite.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try build(Self.parent, into: "out", in: folder).status == 0)
        #expect(try build(Self.child, into: "out/net-zero", in: folder).status == 0)
        let nested = Plansite.tree(folder.appendingPathComponent("out/net-zero"))
        #expect(nested.count > 5)
        // twice: the second rebuild starts from the back buffer the first one left
        for _ in 0..<2 {
            let again = try build(Self.parent, into: "out", in: folder)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(Plansite.tree(folder.appendingPathComponent("out/net-zero")) == nested)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path))
    }

    @Test func aBuildThatWouldWriteIntoANestedSiteIsRefused() throws {
        let folder = Plansite.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.parent, to: content)
        #expect(try build(content, into: "out", in: folder).status == 0)
        #expect(try build(Self.child, into: "out/help", in: folder).status == 0)
        // the parent gains a page at the address the nested site already has
        let page = content.appendingPathComponent("pages/help.md")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "---\ntitle: Help\n---\nHow to use this site.\n".write(to: page, atomically: true, encoding: .utf8)
        let before = Plansite.tree(folder.appendingPathComponent("out"))
        let clash = try build(content, into: "out", in: folder)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("out/help is a site another PlanSite build made, and this build would write help/index.html into it"))
        #expect(clash.stderr.contains("build one of the two sites into another folder"))
        #expect(Plansite.tree(folder.appendingPathComponent("out")) == before)
    }
}
