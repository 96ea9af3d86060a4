import ArgumentParser

@main
struct PlanSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds an accessible static microsite from Markdown narratives and YAML indicator data.",
        subcommands: [Build.self, Check.self, Serve.self],
        defaultSubcommand: Build.self
    )
}
