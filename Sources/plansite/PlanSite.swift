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
