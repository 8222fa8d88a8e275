import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen new lesson <module>/<slug>`: scaffolds content.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create new content from a template.",
            subcommands: [NewLesson.self]
        )
    }

    /// `sitegen new lesson <module>/<slug>`.
    struct NewLesson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lesson",
            abstract: "Write content/<module>/<slug>.md with front matter and a small working experiment (never overwrites)."
        )

        @Argument(help: "The lesson as <module>/<slug>, e.g. optimisers/momentum.")
        var name: String

        @Option(help: "Project root: where sitegen.yml and content/ live.")
        var root: String = "."

        @Option(help: "Folder of module folders with markdown lessons (relative to --root).")
        var content: String = "content"

        @Option(help: "Site config file (relative to --root).")
        var config: String = "sitegen.yml"

        @Option(help: "Output folder of the builds (relative to --root): the lesson may not land inside it.")
        var output: String = "public"

        func run() throws {
            let paths = BuildPaths(root: root, content: content, config: config, output: output)
            do {
                let result = try LessonScaffold(paths: paths).create(name)
                if result.createdModuleFolder {
                    Terminal.status("created folder \((result.file as NSString).deletingLastPathComponent)")
                }
                Terminal.status("created \(result.file)")
                for note in result.notes {
                    Terminal.status("note: \(note)")
                }
            } catch {
                Terminal.status(error.description)
                throw ExitCode.failure
            }
        }
    }
}
