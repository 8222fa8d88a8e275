import ArgumentParser

/// `sitegen`: builds executed course sites. `build` is the default subcommand.
@main
struct SitegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static course site from markdown lessons whose experiments are executed at build time.",
        subcommands: [Build.self, Verify.self, Bench.self],
        defaultSubcommand: Build.self
    )
}
