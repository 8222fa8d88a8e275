import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen check`: every internal link, anchor, image and asset of the built site resolves.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Build the site in memory and check that every internal link, anchor, image and asset resolves; list external links; warn about unguarded claims in lessons."
        )

        @OptionGroup var options: SiteOptions

        @Flag(name: .customLong("no-external"), help: "Do not list external links.")
        var hideExternal = false

        @Flag(help: "Treat unguarded claims in lessons (numbers or comparisons next to an experiment, with no inline result) as errors.")
        var strict = false

        func run() throws {
            let report: LinkCheckReport
            do {
                report = try SiteCheck(paths: options.paths, options: options.buildOptions, strict: strict).run()
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            if !hideExternal, !report.external.isEmpty {
                var seen: Set<String> = []
                let unique = report.external.filter { seen.insert($0.url).inserted }
                print("external links (not fetched): \(unique.count)")
                for link in unique {
                    print("  \(link.url)  (\(link.location))")
                }
            }
            if !report.warnings.isEmpty {
                FileHandle.standardError.write(Data((DiagnosticList(report.warnings).description + "\n").utf8))
            }
            if !report.claims.isEmpty {
                FileHandle.standardError.write(Data((DiagnosticList(report.claims).description + "\n").utf8))
            }
            if report.problems.isEmpty {
                Terminal.status("checked \(report.checked) references: all internal links, anchors, images and assets resolve")
                guard report.claims.isEmpty else {
                    let count = report.claims.count
                    Terminal.status("check failed (--strict): \(count) unguarded claim\(count == 1 ? "" : "s")")
                    throw ExitCode.failure
                }
                return
            }
            FileHandle.standardError.write(Data((DiagnosticList(report.problems).description + "\n").utf8))
            let count = report.problems.count
            Terminal.status("check failed: \(count) broken reference\(count == 1 ? "" : "s") out of \(report.checked)"
                + (report.claims.isEmpty ? "" : " and \(report.claims.count) unguarded claim\(report.claims.count == 1 ? "" : "s")"))
            throw ExitCode.failure
        }
    }
}
