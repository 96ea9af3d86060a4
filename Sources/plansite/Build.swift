import ArgumentParser
import Foundation
import PlanSiteKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (default: site).")

    @OptionGroup var folders: FolderOptions
    @Option(help: "The output folder.") var output = "site"
    @Option(name: .customLong("base-url"), help: "The site's public address, for canonical links and the sitemap.") var baseURL: String?
    @Flag(help: "Include pages marked `draft: true`.") var drafts = false

    func run() throws {
        var options = try folders.buildOptions(output: output)
        options.baseURL = baseURL
        options.includeDrafts = drafts
        let pipeline = BuildPipeline(options: options)
        do {
            let (result, summary) = try pipeline.build()
            Console.report(result)
            guard let summary else {
                Console.error("Build failed: \(result.report.countSummary). The site in '\(output)' was not changed.")
                throw ExitCode(1)
            }
            print(summary.line)
        } catch let error as EnvironmentError {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("error: cannot write the site to '\(output)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
