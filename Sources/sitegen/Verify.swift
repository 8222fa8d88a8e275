import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen verify`: the page's numbers against what its PyTorch scripts print.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run each experiment's Python script and compare what it prints with sitegen's tables, cell by cell."
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Python interpreter with torch, numpy and scikit-learn (default: $SITEGEN_PYTHON or python3).")
        var python: String = ProcessInfo.processInfo.environment["SITEGEN_PYTHON"] ?? "python3"

        @Option(help: "Relative tolerance for figures whose printed digits differ.")
        var tolerance: Double = 0.005

        @Flag(help: "Run each lesson's notebook (the .ipynb the build writes), cell by cell in order, instead of each script on its own, and compare what its cells print.")
        var notebooks = false

        func run() throws {
            let verifier = ScriptVerifier(paths: options.paths, python: python, tolerance: tolerance,
                                          runs: notebooks ? .notebooks : .scripts) { Terminal.status($0) }
            do {
                let summary = try verifier.verify(includeDrafts: options.drafts)
                if let skipped = summary.skipped {
                    print("verify: skipped: \(skipped)")
                    return
                }
                if summary.seededBlocksLeftToScripts > 0 {
                    print("verify: \(summary.seededBlocksLeftToScripts) tables of several seeds left to `sitegen verify` without --notebooks (a notebook runs each script with its one default seed)")
                }
                print("verify: \(summary.compared) figures compared: \(summary.exact) equal to the printed digits, \(summary.withinTolerance) within \(tolerance) relative (largest deviation \(String(format: "%.2e", summary.largestDeviation))), 0 mismatched")
            } catch {
                Terminal.report(error, what: "verify", consequence: "")
                throw ExitCode.failure
            }
        }
    }
}
