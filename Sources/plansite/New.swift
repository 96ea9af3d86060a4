import ArgumentParser
import Foundation
import PlanSiteKit

/// `plansite new DIR`: a starter site to change a file at a time.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a small starter site (content/ and a copy of the templates) into a new folder.")

    @Argument(help: "The folder to create.") var folder: String
    @Option(help: "The templates to copy (default: $PLANSITE_TEMPLATES, else templates).")
    var templates = ProcessInfo.processInfo.environment["PLANSITE_TEMPLATES"] ?? "templates"

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        if let problem = StarterSite.write(into: root) {
            Console.error("error: \(problem)")
            throw ExitCode(2)
        }
        var copiedTemplates = false
        let target = root.appendingPathComponent("templates")
        if FileManager.default.fileExists(atPath: templates), !FileManager.default.fileExists(atPath: target.path) {
            do {
                try FileManager.default.copyItem(atPath: templates, toPath: target.path)
                copiedTemplates = true
            } catch {
                Console.error("error: could not copy the templates from '\(templates)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        print("Wrote a starter site into \(folder)/content\(copiedTemplates ? " and its templates into \(folder)/templates" : "").")
        print("Next: cd \(folder) && plansite serve   (then edit content/ and watch the page change)")
    }
}
