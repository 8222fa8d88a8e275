import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen build`: content/ + templates/ → public/.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the site into the output folder (the default command)."
        )

        @OptionGroup var options: SiteOptions

        func run() throws {
            let started = Date()
            let verbose = options.verbose
            let builder = SiteBuilder(paths: options.paths, options: options.buildOptions,
                                      log: { line in if verbose { Terminal.status(line) } })
            do {
                let report = try builder.build()
                let seconds = Date().timeIntervalSince(started)
                if report.upToDate {
                    Terminal.status("up to date: nothing changed since the last build of \(options.paths.display(options.paths.output)) (\(String(format: "%.2f", seconds)) s; --force rebuilds)")
                    return
                }
                let reused = report.rendered < report.pages ? "; \(report.pages - report.rendered) unchanged, reused" : ""
                Terminal.status("built \(report.pages) pages (\(report.files) files\(reused)) into \(options.paths.display(options.paths.output)) in \(String(format: "%.2f", seconds)) s")
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }
}
