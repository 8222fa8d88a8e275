import Diagnostics
import Testing
@testable import Experiments

/// A formula that cannot be evaluated while a block runs or its table is made is an error at its column, naming it.
///
/// An `lr_lambda` so fails as PyTorch's `LambdaLR` raises what its lambda raises (ZeroDivisionError, a math domain
/// error). Before, the failure became a NaN learning rate: a schedule block wrote `nan` into its CSV and built, and a
/// train run was reported as diverged (or, marked `diverges: true`, shown as a divergence). Schedule columns and table
/// values were reported at the block's first line.
@Suite struct RunErrorLocationTests {
    static func errors(_ yaml: String) throws -> [String] {
        let spec = try TinyBlocks.spec(yaml)
        do {
            _ = try ExperimentRunner(cache: nil).run([spec])
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aScheduleBlockFormulaDividingByZero() throws {
        // Line 17 of tiny.md; the formula starts at column 50, its divisor `step - 2` (inside the brackets) at 55. Steps 1–3 step the
        // scheduler twice, so λ is evaluated for step = 0, 1 and 2.
        let yaml = TinyBlocks.schedule(extra: ["  - {label: inverse, name: LambdaLR, lr_lambda: \"1 / (step - 2)\", base_lr: 1}"])
        #expect(try Self.errors(yaml) == [
            "tiny.md:17:55: error: scheduler 'inverse': 'lr_lambda' cannot be evaluated for step = 2: division by zero; "
                + "write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])
    }

    /// λ(0) is evaluated when the scheduler is built.
    @Test func aFormulaFailingAtStepZero() throws {
        let yaml = TinyBlocks.schedule(extra: ["  - {label: inverse, name: LambdaLR, lr_lambda: \"1 / step\", base_lr: 1}"])
        #expect(try Self.errors(yaml) == [
            "tiny.md:17:54: error: scheduler 'inverse': 'lr_lambda' cannot be evaluated for step = 0: division by zero; "
                + "write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])
    }

    /// In a train block the run fails at the formula, not as a divergence at its `lr`, with or without `diverges: true`.
    @Test(arguments: ["", "\n    diverges: true"])
    func aTrainRunFormulaOfAnInvalidSquareRoot(mark: String) throws {
        // 45 training rows in batches of 16: 3 scheduler steps per epoch; sqrt(2 - step) fails at step = 3.
        let yaml = TinyBlocks.train(runs: [("A", "{name: SGD, lr: 0.1}\n    scheduler: {name: LambdaLR, lr_lambda: \"sqrt(2 - step)\", interval: step}" + mark)])
        #expect(try Self.errors(yaml) == [
            "tiny.md:24:45: error: run 'A': 'lr_lambda' cannot be evaluated for step = 3: sqrt of a negative number; "
                + "write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])
    }

    /// Inside a SequentialLR the formula is located too; `step` counts from the milestone where it takes over.
    @Test func aFormulaInsideASequence() throws {
        let yaml = TinyBlocks.schedule(extra: [
            "  - label: warm",
            "    name: SequentialLR",
            "    base_lr: 1",
            "    milestones: [1]",
            "    schedulers:",
            "      - {name: ConstantLR, factor: 0.5, total_iters: 1}",
            "      - {name: LambdaLR, lr_lambda: \"1 / (step - 1)\"}",
        ])
        // Block steps 1–3: two scheduler steps; the second scheduler takes over at 1 (its step 0), then steps once.
        #expect(try Self.errors(yaml) == [
            "tiny.md:23:43: error: scheduler 'warm': 'lr_lambda' cannot be evaluated for step = 1: division by zero; "
                + "write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])
    }

    @Test func aScheduleColumnIsNamedAndLocated() throws {
        let yaml = [
            "id: tiny-schedule",                                 // 10
            "kind: schedule",                                    // 11
            "steps: [1, 2, 3]",                                  // 12
            "columns:",                                          // 13
            "  - {name: double, expr: \"2 * t\"}",               // 14
            "  - {name: inverse, expr: \"double / (t - 2)\"}",   // 15: the divisor `t - 2` at column 38
        ].joined(separator: "\n") + "\n"
        #expect(try Self.errors(yaml) == [
            "tiny.md:15:38: error: column 'inverse' cannot be evaluated at t = 2: division by zero; write a formula defined at every listed step",
        ])
    }

    /// Table values are evaluated when the figure is made; `round`'s 0–20 digits are one of their rules.
    @Test(arguments: [
        ("1 / (train_loss - train_loss)", "tiny.md:29:32: error: table column 'R': division by zero"),
        ("round(train_loss, 400)", "tiny.md:29:27: error: table column 'R': round's second argument must be a whole number from 0 to 20"),
    ])
    func aTableValueIsLocated(value: String, message: String) throws {
        let spec = try TinyBlocks.spec(TinyBlocks.train(extra: [
            "table:",                                            // 27
            "  columns:",                                        // 28
            "    - {header: R, value: \"\(value)\"}",            // 29: the value's text starts at column 27
        ]))
        let results = try ExperimentRunner(cache: nil).run([spec])
        do {
            _ = try ExperimentFigure.render(spec, results: results, specs: [spec.id: spec])
            Issue.record("the table was made")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    /// A formula written as a block scalar starts on the line after its indicator, so its error stays at the
    /// indicator (line 18, column 16 of tiny.md) instead of running past the end of that line.
    @Test func aBlockScalarFormulaIsReportedAtItsIndicator() throws {
        let yaml = TinyBlocks.schedule(extra: [
            "  - label: inverse",                                 // 17
            "    lr_lambda: >-",                                 // 18: the indicator at column 16
            "      1 / (step - 2)",
            "    name: LambdaLR",
            "    base_lr: 1",
        ])
        #expect(try Self.errors(yaml) == [
            "tiny.md:18:16: error: scheduler 'inverse': 'lr_lambda' cannot be evaluated for step = 2: division by zero; "
                + "write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])
    }

    /// A run that fails the same way at every seed is one error, not one per seed.
    @Test func oneErrorForEverySeedThatFailsAlike() throws {
        let yaml = TinyBlocks.train(runs: [("A", "{name: SGD, lr: 0.1}\n    scheduler: {name: LambdaLR, lr_lambda: \"sqrt(2 - step)\", interval: step}")])
            .replacingOccurrences(of: "model: {layers: [4, 8, 1], activation: relu, seed: 1}", with: "model: {layers: [4, 8, 1], activation: relu}")
            + "seeds: [1, 2, 3]\n"
        let found = try Self.errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("'lr_lambda' cannot be evaluated for step = 3") == true)
    }
}
