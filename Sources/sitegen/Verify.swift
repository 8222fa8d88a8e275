import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen verify`: the page's numbers against what its PyTorch scripts print.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Run each experiment's Python script and compare what it prints with sitegen's tables, cell by cell."
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Python interpreter with torch, numpy and scikit-learn (default: $SITEGEN_PYTHON or python3).")
        var python: String = ProcessInfo.processInfo.environment["SITEGEN_PYTHON"] ?? "python3"

        @Option(help: "Relative tolerance for figures whose printed digits differ.")
        var tolerance: Double = 0.005

        @Flag(help: "Run each lesson's notebook (the .ipynb the build writes), cell by cell in order, instead of each script on its own, and compare what its cells print.")
        var notebooks = false

        @Flag(help: "Also run each script under PyTorch's other CPU code paths (MKL_CBWR=AVX2, MKL_CBWR=COMPATIBLE, ATEN_CPU_CAPABILITY=default) and report, per figure, PyTorch's range and whether sitegen's value is digit-equal to the default path or inside the range. Four runs per script.")
        var spread = false

        @Option(help: "Verify only this lesson: its slug, its module's slug, or module/lesson.")
        var lesson: String?

        func validate() throws {
            if spread && notebooks { throw ValidationError("--spread runs the scripts; it cannot be combined with --notebooks") }
        }

        func run() throws {
            var verifier = ScriptVerifier(paths: options.paths, python: python, tolerance: tolerance,
                                          runs: notebooks ? .notebooks : .scripts) { Terminal.status($0) }
            if spread { verifier.codePaths = CodePath.spread }
            verifier.lesson = lesson
            do {
                let summary = try verifier.verify(includeDrafts: options.drafts)
                if let skipped = summary.skipped {
                    print("verify: skipped: \(skipped)")
                    return
                }
                if summary.seededBlocksLeftToScripts > 0 {
                    print("verify: \(summary.seededBlocksLeftToScripts) tables of several seeds left to `sitegen verify` without --notebooks (a notebook runs each script with its one default seed)")
                }
                for line in summary.spreadReport { print("verify: " + line) }
                print("verify: \(summary.compared) figures compared: \(summary.exact) equal to the printed digits, \(summary.withinTolerance) within \(tolerance) relative (largest deviation \(String(format: "%.2e", summary.largestDeviation))), 0 mismatched")
            } catch {
                Terminal.report(error, what: "verify", consequence: "")
                throw ExitCode.failure
            }
        }
    }
}
