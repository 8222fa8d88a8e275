import ArgumentParser

/// `sitegen`: builds executed course sites. `build` is the default subcommand.
@main
struct SitegenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static course site from markdown lessons whose experiments are executed at build time.",
        subcommands: [Build.self, Serve.self, Check.self, Publish.self, Verify.self, New.self, Bench.self],
        defaultSubcommand: Build.self
    )
}
