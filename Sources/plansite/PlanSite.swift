import ArgumentParser
import Foundation
import PlanSiteKit

@main
struct PlanSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds an accessible static microsite from Markdown narratives and YAML indicator data.",
        version: PlanSiteVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, Changes.self, New.self, Import.self],
        defaultSubcommand: Build.self
    )

    /// `plansite chek` would otherwise run `build` and complain about an unexpected argument.
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let nearest = names.min { ($0.editDistance(to: first), $0) < ($1.editDistance(to: first), $1) }
        if let nearest, nearest.editDistance(to: first) <= 2 {
            return "error: unknown command '\(first)'; did you mean `\(nearest)`?"
        }
        return "error: unknown command '\(first)'; the commands are \(names.dropLast().joined(separator: ", ")) (see plansite --help)"
    }

    /// As ArgumentParser's, except that a usage error exits 2 (README, "Exit codes"), not 64.
    static func main() async {
        #if canImport(Glibc)
            // Allocations of 128 KB and more (a page's HTML, an open-data file, a list of 10,000
            // pages) get their own mapping and go back to the system when freed. glibc's default
            // raises that limit as big blocks are freed, so they stay in the heap, and the peak
            // memory of a build rose and fell by 20 MiB from run to run (105 to 130 MiB at 1,000
            // indicators; 100 MiB every time with the limit fixed, and no slower).
            // (mallopt is not in the Glibc module map: looked up by name, M_MMAP_THRESHOLD is -3 in malloc.h.)
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
                typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
                _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 128 * 1024)
            }
        #endif
        if let message = unknownCommandMessage(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
