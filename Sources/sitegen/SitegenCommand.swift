import ArgumentParser

@main
struct SitegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sitegen", abstract: "Build executed course sites.")
    func run() throws {}
}
