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
            // glibc's allocator, tuned for a build: a short-lived process that allocates and frees
            // its pages' text on two cores. By default it maps each block of 128 KB or more (a
            // page's HTML) on its own and unmaps it when freed, grows each thread's heap a few
            // pages at a time and hands freed memory back at once, so every page cost fresh pages
            // of memory from the kernel: 41,000 page faults at 1,000 indicators, 21,000 with the
            // settings below, and the kernel's share of the build's time fell from 12% to 8-9%. The
            // limit stays fixed (glibc's default raises it as big blocks are freed, and the peak
            // memory of a build then rose and fell by 20 MiB from run to run). A larger pad (64 MiB)
            // saved 1,000 more faults and cost 12 MiB of peak memory at 1,000 indicators.
            // (mallopt is not in the Glibc module map: looked up by name; the numbers are malloc.h's.)
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
                typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
                let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
                _ = mallopt(-3, 1 << 20)  // M_MMAP_THRESHOLD: blocks of 1 MiB and more (open data) mapped on their own
                _ = mallopt(-2, 8 << 20)  // M_TOP_PAD: a heap grows 8 MiB at a time
                _ = mallopt(-1, 1 << 30)  // M_TRIM_THRESHOLD: freed memory is kept for the next page, not handed back
                _ = mallopt(-8, 2)  // M_ARENA_MAX: one heap per core
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
