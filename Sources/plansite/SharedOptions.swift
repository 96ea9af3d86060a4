import ArgumentParser
import Foundation
import PlanSiteKit

struct FolderOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    /// PLANSITE_TEMPLATES names the default: the container image sets it to the templates it carries.
    @Option(help: "The templates folder (default: $PLANSITE_TEMPLATES, else templates).")
    var templates = ProcessInfo.processInfo.environment["PLANSITE_TEMPLATES"] ?? "templates"
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(name: .customLong("audit-results"), help: "The browser audit's results (JSON), shown in the accessibility statement.")
    var auditResults: String?
    @Option(help: "The day to judge dates against (YYYY-MM-DD), instead of today's date in UTC.") var today: String?

    /// Exit 2 (usage or environment) when a folder is missing.
    func existingFolder(_ path: String, _ what: String) throws -> URL {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            Console.error("error: \(what) folder '\(path)' not found; run from the repository root or pass --\(what) DIR")
            throw ExitCode(2)
        }
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    func buildOptions(output: String) throws -> BuildOptions {
        var options = BuildOptions(
            contentFolder: try existingFolder(content, "content"),
            templatesFolder: try existingFolder(templates, "templates"),
            outputFolder: URL(fileURLWithPath: output).standardizedFileURL)
        options.strict = strict
        if let today {
            guard let date = CalendarDate(iso: today) else {
                Console.error("error: --today must be a date that exists, written \(CalendarDate.form), found \"\(today.prefix(40))\"")
                throw ExitCode(2)
            }
            options.today = date
        }
        if let auditResults {
            options.auditResults = URL(fileURLWithPath: auditResults).standardizedFileURL
            options.auditResultsDisplay = auditResults
        }
        options.contentDisplay = content.hasSuffix("/") ? content : content + "/"
        options.templatesDisplay = templates.hasSuffix("/") ? templates : templates + "/"
        return options
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics like a compiler, and as annotations under GitHub Actions.
    static func report(_ result: PipelineResult) {
        guard !result.report.diagnostics.isEmpty else { return }
        error(result.report.rendered(sources: result.sources))
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
            print(result.report.githubAnnotations())
        }
    }
}
