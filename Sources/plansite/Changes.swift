import ArgumentParser
import Foundation
import PlanSiteKit

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say in words what changed in the figures between an older content folder and this one.",
        discussion:
            "Per indicator: new periods, revised figures, comparisons that flipped, targets changed, indicators added or removed; per commitment: status and targets."
    )

    @Argument(help: "The older version's content folder.") var oldContent: String
    @Option(help: "The newer version's content folder.") var content = "content"
    @Option(help: "The templates folder.") var templates = "templates"
    @Flag(help: "Write Markdown, for a pull-request comment or the job summary.") var markdown = false
    @Option(help: "The day to judge dates against (YYYY-MM-DD), instead of today's date in UTC.") var today: String?

    func run() throws {
        let folders = try FolderOptions.parse(["--content", content, "--templates", templates] + (today.map { ["--today", $0] } ?? []))
        let old = try load(oldContent, folders)
        let new = try load(content, folders)
        guard let oldSite = old.site, let newSite = new.site, !old.report.hasErrors, !new.report.hasErrors else {
            // Only what stops the comparison: the warnings are `check`'s to report.
            for var result in [old, new] where result.report.hasErrors {
                result.report = DiagnosticReport(result.report.errors)
                Console.report(result)
            }
            let errors = old.report.errors.count + new.report.errors.count
            Console.error("Changes not compared: \(errors) error\(errors == 1 ? "" : "s") (fix them, then run again).")
            throw ExitCode(1)
        }
        let changes = ContentChanges.compare(old: oldSite, new: newSite)
        print(markdown ? changes.markdown() : changes.text(), terminator: "")
    }

    /// Loads and checks one version as `check` does (the newer version's templates serve both).
    private func load(_ path: String, _ folders: FolderOptions) throws -> PipelineResult {
        var options = try folders.buildOptions(output: "site")
        options.contentFolder = try folders.existingFolder(path, "content")
        options.contentDisplay = path.hasSuffix("/") ? path : path + "/"
        return BuildPipeline(options: options).run(through: .validate)
    }
}
