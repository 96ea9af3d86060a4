import ArgumentParser
import Foundation
import PlanSiteKit
import PlanSitePreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this computer; rebuilds and reloads the page when content or templates change.")

    @OptionGroup var folders: FolderOptions
    @Option(help: "The port to listen on (0 picks a free one).") var port: UInt16 = 8000
    @Option(help: "The address to listen on. Keep it on loopback: the preview is not meant to be public.")
    var host = "127.0.0.1"
    @Flag(help: "Include pages marked `draft: true`.") var drafts = false

    func run() async throws {
        var options = try folders.buildOptions(output: "site")
        options.includeDrafts = drafts
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Console.error("warning: serving on \(host): anyone who can reach it sees the preview, drafts included")
        }
        var server = PreviewServer(options: options, host: host, port: port)
        server.onBuild = { result, seconds in Self.report(result, seconds) }
        let contentFolder = folders.content
        let templatesFolder = folders.templates
        let task = Task {
            try await server.run { address in
                Self.say("Serving \(address) (watching \(contentFolder) and \(templatesFolder)); press Ctrl-C to stop")
            }
        }
        let signals = Self.stopOnSignals(task)
        defer { for signal in signals { signal.cancel() } }
        do {
            try await task.value
        } catch is CancellationError {
        } catch let error as PreviewError {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        } catch {
            Console.error("error: cannot serve on \(host):\(port): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Self.say("Stopped.")
    }

    /// Ctrl-C (SIGINT) or SIGTERM cancels the server so sockets close in order; if that
    /// takes too long, the process exits anyway so nothing is left running.
    static func stopOnSignals(_ task: Task<Void, any Error>) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                task.cancel()
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) { Foundation.exit(0) }
            }
            source.resume()
            return source
        }
    }

    /// One line per build, like `build`, and every diagnostic when it fails.
    static func report(_ result: PipelineResult, _ seconds: Double) {
        Console.report(result)
        if let files = result.files {
            let pages = files.filter(\.isPage).count + (result.deferred?.paths.count ?? 0)
            say("Built \(pages) pages (\(files.count + (result.deferred?.paths.count ?? 0)) files) in \(String(format: "%.2f", seconds)) s")
        } else {
            Console.error(
                "Build failed: \(result.report.countSummary). "
                    + "Pages in the browser show these errors until you fix them, then reload by themselves.")
        }
    }

    /// Unbuffered, so a script or test reading a pipe sees each line as it happens.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
