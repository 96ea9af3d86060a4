import Foundation
import Testing

@testable import PlanSiteKit

/// Images and template assets are copied by the one rule loading lists them by: no hidden file,
/// no file inside a hidden folder (a `.git/` beside the assets), no symbolic link.
@Suite struct PublishedFilesTests {
    @Test func hiddenFilesAndFoldersAreNeverPublished() throws {
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        try scratch.write("[core]\n", to: "templates/assets/.git/config")
        try scratch.write("secret\n", to: "templates/assets/.env")
        try scratch.write("draft\n", to: "content/images/.drafts/chart.txt")
        try scratch.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "content/images/icons/dot.svg")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.root.appendingPathComponent("content/images/passwd").path, withDestinationPath: "/etc/passwd")
        let result = scratch.check()
        let paths = Set(try #require(result.files).map(\.path))
        #expect(paths.contains("images/icons/dot.svg"))
        #expect(paths.contains("assets/site.css"))
        let leaked = paths.filter { $0.contains("/.") || $0.hasSuffix("passwd") }
        #expect(leaked.isEmpty, "published: \(leaked.sorted())")
    }
}
