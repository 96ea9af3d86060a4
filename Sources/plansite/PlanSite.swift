import ArgumentParser
import Foundation

@main
struct PlanSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds an accessible static microsite from Markdown narratives and YAML indicator data.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )

    /// As ArgumentParser's, except that a usage error exits 2 (SPEC section 6), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
