import Testing
@testable import Experiments
import TestSupport

/// The CSV published beside each block: one row per run and step, vector quantities spread over columns,
/// numbers in shortest round-trip form, labels quoted only when they must be.
@Suite struct ResultCSVTests {
    static func csv(_ yaml: String) throws -> String {
        let spec = try TinyBlocks.spec(yaml)
        let results = try ExperimentRunner(cache: nil).run([spec])
        return try ExperimentFigure.render(spec, results: results, specs: [spec.id: spec]).csv
    }

    @Test func traceVectorsSpreadOverColumns() throws {
        // SGD with lr 0.5: 1 − 0.25 = 0.75, −2 − 0.125 = −2.125, then 0.5 and −2.
        #expect(try Self.csv(TinyBlocks.trace) == """
            run,step,param[0],param[1]
            SGD,1,0.75,-2.125
            SGD,2,0.5,-2.0

            """)
    }

    @Test func scheduleColumnsAndSchedulersShareTheSteps() throws {
        // StepLR(step_size 2, gamma 0.5) from 1: steps 1 and 2 at 1, step 3 (after two scheduler steps) at 0.5.
        #expect(try Self.csv(TinyBlocks.schedule()) == """
            run,step,lr,value
            double,1,,2.0
            double,2,,4.0
            double,3,,6.0
            halving,1,1.0,
            halving,2,1.0,
            halving,3,0.5,

            """)
    }

    @Test func labelsWithCommasAndQuotesAreQuoted() throws {
        let yaml = try TinyBlocks.trace.replacingOnce("label: SGD", with: "label: 'SGD, \"plain\"'")
        #expect(try Self.csv(yaml).contains("\n\"SGD, \"\"plain\"\"\",1,0.75,-2.125\n"))
    }

    @Test func trainRowsPerRunAndEpoch() throws {
        let csv = try Self.csv(TinyBlocks.train(epochs: 2))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "run,epoch,test_mae,train_loss")
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == ["SGD,1", "SGD,2", "Adam,1", "Adam,2"])
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 4 })
    }
}
