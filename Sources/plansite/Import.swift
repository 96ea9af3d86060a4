import ArgumentParser
import Foundation
import PlanSiteKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an indicator's figures to content/indicators/<id>.csv from a Fingertips export or a spreadsheet.",
        discussion: """
            FILE is a Fingertips data export (.csv), or a CSV or .xlsx sheet in the tidy layout of \
            docs/content-format.md. Says what changes before writing; never replaces a file without --force.
            """)

    @Argument(help: "The export or spreadsheet to read.") var file: String
    @Option(help: "The indicator's id: content/indicators/<id>.yml must exist.") var indicator: String
    @Option(help: "The ONS code of the area to keep (default: area_code in site.yml).") var area: String?
    @Option(help: "Keep one sex (Male, Female, Persons) instead of a breakdown by sex.") var sex: String?
    @Flag(help: "Replace the indicator's existing .csv.") var force = false
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The templates folder, whose word file says the figures as pages do (default: $PLANSITE_TEMPLATES, else templates).")
    var templates = ProcessInfo.processInfo.environment["PLANSITE_TEMPLATES"] ?? "templates"

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        var job = IndicatorImport(contentFolder: folder, indicatorID: indicator)
        job.displayPrefix = content.hasSuffix("/") ? content : content + "/"
        job.templatesFolder = URL(fileURLWithPath: templates)
        (job.areaCode, job.sex, job.force) = (area, sex, force)
        let outcome: IndicatorImport.Outcome
        do {
            outcome = try job.run(IndicatorImport.input(at: URL(fileURLWithPath: file)), from: file)
        } catch let problem as ImportProblem {
            Console.error("\(file): error: \(problem)")
            throw ExitCode(1)
        }
        if !outcome.diagnostics.isEmpty {
            Console.error(DiagnosticReport(outcome.diagnostics).rendered(sources: outcome.sources))
        }
        for line in outcome.lines { print(line) }
        if !outcome.wrote { throw ExitCode(1) }
    }
}
