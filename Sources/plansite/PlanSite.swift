import ArgumentParser
import Foundation

@main
struct PlanSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds an accessible static microsite from Markdown narratives and YAML indicator data.",
        subcommands: [Build.self, Check.self, Serve.self],
        defaultSubcommand: Build.self
    )

    /// As ArgumentParser's, except that a usage error exits 2 (SPEC section 6), not 64.
    static func main() async {
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
