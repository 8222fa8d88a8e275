import Diagnostics
import Experiments
import Testing
@testable import Site

/// `sitegen verify` compares a sweep point by point: each row is found by its point and run (`lr=0.1 SGD`), and a
/// diverged point must be printed as diverged.
@Suite struct SweepVerifyTests {
    /// A tiny train block (45 delivery orders, a 4-8-1 network, three epochs) whose YAML goes on with `rest` after `runs:`.
    static func tinyBlock(id: String, _ rest: String) -> String {
        """
        id: \(id)
        kind: train
        data: {dataset: delivery-times, n_samples: 60, seed: 7, split: {test_size: 0.25, random_state: 0}, normalize: mean-std}
        model: {layers: [4, 8, 1], seed: 1}
        loss: mse
        training: {epochs: 3, batch_size: 16}
        runs:

        """ + rest
    }

    static let yaml = tinyBlock(id: "sweep", """
          - {label: SGD, optimizer: {name: SGD, lr: 0.01}}
        sweep:
          lr: [0.01, 1000]
        metrics: [train_loss]
        table:
          columns:
            - {header: Optimiser, value: label}
            - {header: Final loss, value: train_loss, format: .6f}
        """)

    static func compare(_ output: (_ cells: [[ResultTable.Cell]]) -> [String]) throws -> (ScriptVerifier.Summary, [String]) {
        let spec = try ExperimentSpec.parse(yaml: yaml, at: SourceLocation(file: "l.md", line: 1, column: 1))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let cells = try ExperimentFigure.tableCells(spec, results: results, specs: ["sweep": spec])
        let verifier = ScriptVerifier(paths: BuildPaths(root: "/nonexistent"), python: "python3", tolerance: 0.005, log: { _ in })
        var summary = ScriptVerifier.Summary()
        var cursor = 0
        let problems = verifier.compare(spec, cells: cells, output: output(cells), cursor: &cursor, summary: &summary)
        return (summary, problems.map(\.message))
    }

    @Test func eachPointIsFoundByItsPointAndRun() throws {
        let (summary, problems) = try Self.compare { cells in cells.map { $0.map(\.text).joined(separator: "  ") } }
        #expect(problems == [])
        #expect(summary.compared == 2 && summary.exact == 2)
    }

    @Test func aDivergedPointMustBePrintedAsDiverged() throws {
        let (_, problems) = try Self.compare { cells in
            cells.map { row in row[0].text + (row[1].text.hasPrefix("diverged") ? "  0.5" : "  " + row[1].text) }
        }
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("'sweep' row 'lr=1000 SGD': sitegen shows 'diverged at epoch") == true)
    }

    /// A sweep with seeds: its script runs with `--seeds`, and each point's row is read as `lr=0.01 SGD` followed by
    /// `mean ± std` per cell, the ± judged against the mean as in any block with seeds.
    @Test func aSweepWithSeedsIsComparedWithTheScriptRunWithItsSeeds() throws {
        let yaml = Self.tinyBlock(id: "seeded", """
              - {label: SGD, optimizer: {name: SGD, lr: 0.01}}
            sweep:
              lr: [0.01, 0.1]
            seeds: [42, 43, 44]
            metrics: [train_loss]
            table:
              columns:
                - {header: Optimiser, value: label}
                - {header: Final loss, value: train_loss, format: .6f}
            """).replacingOccurrences(of: "model: {layers: [4, 8, 1], seed: 1}", with: "model: {layers: [4, 8, 1]}")
        let spec = try ExperimentSpec.parse(yaml: yaml, at: SourceLocation(file: "l.md", line: 1, column: 1))
        #expect(ScriptVerifier.arguments("sweep.py", for: spec) == ["sweep.py", "--seeds", "42,43,44"])
        let results = try ExperimentRunner(cache: nil).run([spec])
        let cells = try ExperimentFigure.tableCells(spec, results: results, specs: ["seeded": spec])
        #expect(cells.map { $0[0].text } == ["lr=0.01 SGD", "lr=0.1 SGD"])
        let verifier = ScriptVerifier(paths: BuildPaths(root: "/nonexistent"), python: "python3", tolerance: 0.005, log: { _ in })
        func compare(_ output: [String]) -> (ScriptVerifier.Summary, [String]) {
            var summary = ScriptVerifier.Summary()
            var cursor = 0
            let problems = verifier.compare(spec, cells: cells, output: output, cursor: &cursor, summary: &summary)
            return (summary, problems.map(\.message))
        }
        // What the script prints: the point and run, then each cell's mean ± std (as sitegen shows them).
        let printed = ["Point  Final loss"] + cells.map { "\($0[0].text)  \($0[1].text)" }
        let (summary, problems) = compare(printed)
        #expect(problems == [] && summary.compared == 4 && summary.exact == 4)
        // A std that is not the seeds' is found at its point.
        let wrong = printed.map { $0.hasPrefix("lr=0.1 SGD") ? $0.replacingOccurrences(of: " ± ", with: " ± 9") : $0 }
        let (_, mismatched) = compare(wrong)
        #expect(mismatched.count == 1 && mismatched[0].hasPrefix("'seeded' row 'lr=0.1 SGD': sitegen has"), "\(mismatched)")
        #expect(ScriptVerifier.arguments("sweep.py", for: try ExperimentSpec.parse(yaml: Self.yaml, at: SourceLocation(file: "l.md", line: 1, column: 1)))
            == ["sweep.py"])
    }

    @Test func aWrongNumberAtOnePointIsAMismatch() throws {
        let (summary, problems) = try Self.compare { cells in
            cells.map { row in row[0].text == "lr=0.01 SGD" ? "lr=0.01 SGD  9.999999" : row.map(\.text).joined(separator: "  ") }
        }
        #expect(summary.mismatched == 1)
        #expect(problems.first?.hasPrefix("'sweep' row 'lr=0.01 SGD': sitegen has") == true)
    }
}
