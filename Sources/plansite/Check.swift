import ArgumentParser
import Foundation
import PlanSiteKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate and lint the content and templates; writes nothing.")

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let options = try folders.buildOptions(output: "site")
        let result = BuildPipeline(options: options).run(through: .validate)
        Console.report(result)
        if result.report.hasErrors {
            Console.error("Check failed: \(result.report.countSummary).")
            throw ExitCode(1)
        }
        print("Check passed: \(result.report.countSummary).")
    }
}
