import Diagnostics
import Experiments
import Foundation
import Testing
@testable import Site

/// `sitegen verify --spread`, fed printed outputs instead of Python: per figure, the range PyTorch printed over the
/// code paths, and whether sitegen's value is digit-equal to the default path, inside that range, or outside it.
@Suite struct CodePathSpreadTests {
    static let yaml = SweepVerifyTests.tinyBlock(id: "spread", """
          - {label: SGD, optimizer: {name: SGD, lr: 0.01}}
          - {label: Adam, optimizer: {name: Adam, lr: 0.001}}
        metrics: [train_loss, test_mae]
        table:
          columns:
            - {header: Optimiser, value: label}
            - {header: Final loss, value: train_loss, format: .6f}
            - {header: Test MAE, value: test_mae, format: .4f}
        """)

    static func table(_ yaml: String = yaml) throws -> (ExperimentSpec, [[ResultTable.Cell]]) {
        let spec = try ExperimentSpec.parse(yaml: yaml, at: SourceLocation(file: "l.md", line: 1, column: 1))
        let results = try ExperimentRunner(cache: nil).run([spec])
        return (spec, try ExperimentFigure.tableCells(spec, results: results, specs: [spec.id: spec]))
    }

    /// `text` moved by `units` of its last printed digit, printed with as many decimals.
    static func shifted(_ text: String, by units: Int) -> String {
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        let value = (Double(text) ?? 0) + Double(units) * pow(10, Double(-decimals))
        return String(format: "%.\(decimals)f", value)
    }

    /// What one code path prints: a header, then each row's label and numbers, the loss column (the first number)
    /// moved by `lossShift` units of its last digit.
    static func output(_ cells: [[ResultTable.Cell]], lossShift: Int = 0) -> [String] {
        ["Optimiser  Final loss  Test MAE"] + cells.map { row in
            ([row[0].text, shifted(row[1].text, by: lossShift)] + row.dropFirst(2).map(\.text)).joined(separator: "  ")
        }
    }

    static func spread(_ outputs: [[String]], yaml: String = yaml) throws -> [FigureSpread] {
        let (spec, cells) = try table(yaml)
        var cursors: [Int] = []
        return CodePathSpread.figures(spec, cells: cells, outputs: outputs.isEmpty ? [output(cells)] : outputs, cursors: &cursors)
    }

    @Test func figuresEqualToTheDefaultPathAreSaidSoAndEachPathsDifferencesCounted() throws {
        let (_, cells) = try Self.table()
        let figures = try Self.spread([Self.output(cells), Self.output(cells), Self.output(cells, lossShift: 3), Self.output(cells)])
        #expect(figures.count == 4)
        #expect(figures.map(\.column) == ["Final loss", "Test MAE", "Final loss", "Test MAE"])
        #expect(figures.map(\.row) == ["SGD", "SGD", "Adam", "Adam"])
        #expect(figures.allSatisfy { $0.verdict == .digitEqualToDefault })
        let report = CodePathSpread.report(figures, paths: CodePath.spread)
        #expect(report == [
            "spread over 4 code paths (default, MKL_CBWR=AVX2, MKL_CBWR=COMPATIBLE, ATEN_CPU_CAPABILITY=default), 4 figures:",
            "  MKL_CBWR=AVX2 printed other digits than the default path for 0 of 4 figures",
            "  MKL_CBWR=COMPATIBLE printed other digits than the default path for 2 of 4 figures",
            "  ATEN_CPU_CAPABILITY=default printed other digits than the default path for 0 of 4 figures",
            "  sitegen: 4 digit-equal to the default path, 0 inside PyTorch's range, 0 outside it",
        ])
    }

    @Test func aFigureBetweenWhatThePathsPrintedIsInsideTheRange() throws {
        let (_, cells) = try Self.table()
        let figures = try Self.spread([Self.output(cells, lossShift: 2), Self.output(cells, lossShift: -2)])
        let loss = try #require(figures.first)
        #expect(loss.verdict == .insideRange)
        let exact = try #require(Double(cells[0][1].text))
        let range = try #require(loss.range)
        // Two units either side, each widened by half a unit: printed figures stand for what rounds to them.
        #expect(abs(range.lowerBound - (exact - 2.5e-6)) < 1e-12 && abs(range.upperBound - (exact + 2.5e-6)) < 1e-12)
        #expect(figures.map(\.verdict) == [.insideRange, .digitEqualToDefault, .insideRange, .digitEqualToDefault])
        let report = CodePathSpread.report(figures, paths: Array(CodePath.spread.prefix(2)))
        #expect(report[2] == "  sitegen: 2 digit-equal to the default path, 2 inside PyTorch's range, 0 outside it")
        #expect(report[3].hasPrefix("  spread · SGD · Final loss: PyTorch "))
        #expect(report[3].contains("(default \(Self.shifted(cells[0][1].text, by: 2)), MKL_CBWR=AVX2 \(Self.shifted(cells[0][1].text, by: -2)))"))
        #expect(report[3].hasSuffix(": inside"))
    }

    @Test func aFigureBeyondEveryPathIsOutsideByItsDistanceFromTheNearerEnd() throws {
        let (_, cells) = try Self.table()
        let figures = try Self.spread([Self.output(cells, lossShift: 5), Self.output(cells, lossShift: 6)])
        let value = try #require(Double(cells[0][1].text))
        guard case .outside(let relative) = try #require(figures.first).verdict else {
            Issue.record("not outside: \(String(describing: figures.first?.verdict))")
            return
        }
        // sitegen's value printed is the exact one: the nearer end is 5 units up, less half a unit.
        let printed = try #require(Double(Self.shifted(cells[0][1].text, by: 5)))
        #expect(abs(relative - (printed - 0.5e-6 * (1 + 1e-9) - figures[0].sitegen) / printed) < 1e-9)
        #expect(value > 0)
        let report = CodePathSpread.report(figures, paths: Array(CodePath.spread.prefix(2)))
        #expect(report[2].hasPrefix("  sitegen: 2 digit-equal to the default path, 0 inside PyTorch's range, 2 outside it (at most "))
    }

    @Test func aPathThatPrintedNothingLeavesItsFiguresUnmeasured() throws {
        let (_, cells) = try Self.table()
        let figures = try Self.spread([Self.output(cells, lossShift: 2), [], Self.output(cells, lossShift: -2)])
        #expect(figures.allSatisfy { $0.printed.count == 3 && $0.printed[1] == nil })
        #expect(figures.first?.verdict == .insideRange)
        let report = CodePathSpread.report(figures, paths: Array(CodePath.spread.prefix(3)))
        #expect(report[1] == "  MKL_CBWR=AVX2 printed other digits than the default path for 0 of 0 figures")
        #expect(report.last?.contains("MKL_CBWR=AVX2 —") == true)
        // Nothing from the default path: not judged here (plain verify reports the missing line).
        let none = try Self.spread([[], Self.output(cells)])
        #expect(none.allSatisfy { $0.verdict == .unmeasured })
    }

    @Test func aDivergedSweepPointHasNoFigures() throws {
        let (spec, cells) = try Self.table(SweepVerifyTests.yaml)
        let printed = cells.map { $0.map(\.text).joined(separator: "  ") }
        var cursors: [Int] = []
        let figures = CodePathSpread.figures(spec, cells: cells, outputs: [printed, printed], cursors: &cursors)
        #expect(cells.count == 2)
        #expect(figures.map(\.row) == ["lr=0.01 SGD"])
        #expect(cursors == [2, 2])
    }
}
