import Diagnostics
import Testing
@testable import Experiments
@testable import Site

/// `sitegen verify` on a block with seeds: a `mean ± std` cell is two printed numbers, and the std is judged
/// against the cell's mean (the figures measured for sgd_variants.py --seeds 42,43,44,45,46, SGD at lr=0.1).
@Suite struct SeededVerifyTests {
    let verifier = ScriptVerifier(paths: BuildPaths(root: "/nonexistent"), python: "python3", tolerance: 0.005) { _ in }
    let cells = [[
        ResultTable.Cell(text: "SGD (lr=0.1)", number: nil, isNumeric: false, value: .string("SGD (lr=0.1)")),
        ResultTable.Cell(text: "0.065471 ± 0.002094", number: 0.065471, isNumeric: true, value: .number(0.065471), spread: 0.002094),
    ]]

    func compare(_ line: String) throws -> (problems: [Diagnostic], summary: ScriptVerifier.Summary) {
        let spec = try ExperimentSpec.parse(yaml: "id: s\nkind: schedule\nsteps: [1]\ncolumns:\n  - {name: a, expr: \"t\"}\n",
                                            at: SourceLocation(file: "x.md", line: 1, column: 1))
        var summary = ScriptVerifier.Summary()
        var cursor = 0
        let problems = verifier.compare(spec, cells: cells, output: [line], cursor: &cursor, summary: &summary)
        return (problems, summary)
    }

    @Test func theStdIsJudgedAgainstTheMean() throws {
        // 2.4 % off as a std, 0.075 % of the mean: agreed.
        let (problems, summary) = try compare("SGD (lr=0.1)   0.065438 ± 0.002045")
        #expect(problems.isEmpty)
        #expect(summary.compared == 2 && summary.withinTolerance == 2)
    }

    @Test func aStdOffByMoreThanTheToleranceOfTheMeanIsAMismatch() throws {
        let (problems, summary) = try compare("SGD (lr=0.1)   0.065438 ± 0.003000")
        #expect(problems.count == 1)
        #expect(summary.mismatched == 1)
    }
}
