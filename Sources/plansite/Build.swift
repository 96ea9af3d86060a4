import ArgumentParser
import Foundation
import PlanSiteKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (default: site).")

    @OptionGroup var folders: FolderOptions
    @Option(help: "The output folder.") var output = "site"
    @Option(name: .customLong("base-url"), help: "The site's public address, for canonical links and the sitemap.") var baseURL: String?
    @Flag(help: "Include pages marked `draft: true`.") var drafts = false
    @Flag(name: .shortAndLong, help: "Print nothing unless there are problems.") var quiet = false
    @Flag(name: .shortAndLong, help: "Print each step with the time it took.") var verbose = false

    func run() throws {
        var options = try folders.buildOptions(output: output)
        options.baseURL = baseURL
        options.includeDrafts = drafts
        let progress = BuildProgress(mode: .choose(quiet: quiet, verbose: verbose))
        var pipeline = BuildPipeline(options: options)
        pipeline.onStep = { step, count, name in progress.start(step, of: count, name) }
        defer { progress.finish() }
        do {
            let (result, summary) = try pipeline.build()
            progress.finish()
            Console.report(result)
            guard let summary else {
                Console.error("Build failed: \(result.report.countSummary). The site in '\(output)' was not changed.")
                throw ExitCode(1)
            }
            if !quiet { print(summary.line) }
            Teardown.inBackground(consume result)  // the process ends now; freeing the model would delay it
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

/// Shows which step `build` is on. On a terminal each step prints as it starts
/// ("[3/5] Validate"); in a pipe or CI log only the summary line, so logs stay short.
final class BuildProgress {
    enum Mode {
        case quiet, summaryOnly, steps, timedSteps

        static func choose(quiet: Bool, verbose: Bool) -> Mode {
            if quiet { return .quiet }
            if verbose { return .timedSteps }
            return isatty(STDOUT_FILENO) == 1 ? .steps : .summaryOnly
        }
    }

    let mode: Mode
    private var current: (label: String, started: Date)?

    init(mode: Mode) {
        self.mode = mode
    }

    func start(_ step: Int, of count: Int, _ name: String) {
        finish()
        let label = "[\(step)/\(count)] \(name)"
        current = (label, Date())
        if mode == .steps { write(label) }
    }

    /// Ends the running step; --verbose prints it then, with its time. Safe to call twice.
    func finish() {
        guard let current else { return }
        self.current = nil
        if mode == .timedSteps {
            write("\(current.label) (\(String(format: "%.2f", Date().timeIntervalSince(current.started))) s)")
        }
    }

    /// Unbuffered, so steps appear as they happen and before any diagnostics on stderr.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
