import Diagnostics
import Testing
@testable import Experiments

/// Where a swept option lands: `dropout` in the block's model and in every run's own model, a scheduler option in
/// every run's scheduler. Each point is computed exactly as the block written with that value; `sweep.chart` plots
/// one metric or several.
@Suite struct SweepOptionTargetTests {
    /// Delivery times through a layer-by-layer model with one dropout layer; the second run has its own, deeper model.
    static func dropoutBlock(sweep: [String], blockP: String = "0.1", runP: String = "0.1", chart: [String] = []) -> String {
        ([
            "id: tiny-dropout",
            "kind: train",
            "data: {dataset: delivery-times, n_samples: 60, seed: 7, split: {test_size: 0.25, random_state: 0}, normalize: mean-std}",
            "model: {layers: [{linear: 8}, relu, {dropout: \(blockP)}, {linear: 1}], seed: 1}",
            "loss: mse",
            "training: {epochs: 3, batch_size: 16}",
            "runs:",
            "  - {label: shallow, optimizer: {name: SGD, lr: 0.01}}",
            "  - label: deep",
            "    optimizer: {name: SGD, lr: 0.01}",
            "    model: {layers: [{linear: 8}, relu, {dropout: \(runP)}, {linear: 8}, relu, {dropout: \(runP)}, {linear: 1}], seed: 3}",
            "metrics: [train_loss, test_loss]",
        ] + sweep + chart).joined(separator: "\n") + "\n"
    }

    static func dropouts(_ body: ExperimentSpec.Body) -> [[Double]] {
        guard case .train(let train) = body else { return [] }
        return train.runs.map { run in
            (train.model(for: run).stack ?? []).compactMap { if case .dropout(let p) = $0 { p } else { nil } }
        }
    }

    @Test func aDropoutSweepSetsTheBlocksModelAndEachRunsOwn() throws {
        let spec = try TinyBlocks.spec(Self.dropoutBlock(sweep: ["sweep:", "  dropout: [0.0, 0.5]"]))
        let sweep = try #require(spec.sweep)
        #expect(sweep.bodies.map(Self.dropouts) == [[[0.0], [0.0, 0.0]], [[0.5], [0.5, 0.5]]])
        // Every point's runs are the runs of the block written with that p, bit for bit (same masks, same batches).
        let results = try ExperimentRunner(cache: nil).run([spec])
        for (p, value) in ["0.0", "0.5"].enumerated() {
            let alone = try TinyBlocks.spec(Self.dropoutBlock(sweep: [], blockP: value, runP: value))
            let expected = try #require(try ExperimentRunner(cache: nil).run([alone])["tiny-dropout"]?.runs)
            #expect(try #require(results["tiny-dropout"]).at(point: p).runs == expected, "point dropout=\(value)")
        }
    }

    @Test func aDropoutSweepNeedsADropoutLayerSomewhere() {
        let yaml = TinyBlocks.train(epochs: 2, runs: [("SGD", "{name: SGD, lr: 0.01}")], extra: ["sweep:", "  dropout: [0.1, 0.2]"])
        #expect(SweepSpecErrorTests.errors(yaml) == [
            "tiny.md:26:3: error: sweep 'dropout' varies the p of every {dropout: p} layer, but neither the block's model nor a run's "
                + "own model has one; add {dropout: 0.5} to the layers, e.g. layers: [{linear: 64}, relu, {dropout: 0.5}, {linear: 1}]",
        ])
        // Only a run's own model has dropout: that is enough.
        let runOnly = Self.dropoutBlock(sweep: ["sweep:", "  dropout: [0.0, 0.5]"])
            .replacingOccurrences(of: "{linear: 8}, relu, {dropout: 0.1}, {linear: 1}", with: "{linear: 8}, relu, {linear: 1}")
        #expect(SweepSpecErrorTests.errors(runOnly) == [])
    }

    @Test func aDropoutOfOneOrBelowZeroIsRefusedAtTheValue() {
        // Line 22 of tiny.md is `  dropout: [...]`; the default point is the first value, the bad one a later point.
        #expect(SweepSpecErrorTests.errors(Self.dropoutBlock(sweep: ["sweep:", "  dropout: [0.5, 1]"]))
            == ["tiny.md:23:18: error: dropout probability must be from 0 up to (not including) 1, got 1 (at sweep point dropout=1)"])
        #expect(SweepSpecErrorTests.errors(Self.dropoutBlock(sweep: ["sweep:", "  dropout: [-0.5, 0.5]"]))
            == ["tiny.md:23:13: error: dropout probability must be from 0 up to (not including) 1, got -0.5"])
    }

    @Test func aSchedulerOptionIsSweptInEveryRunThatHasIt() throws {
        func block(_ sweep: [String], gamma: String = "0.5") -> String {
            TinyBlocks.train(epochs: 4, runs: [("SGD", "{name: SGD, lr: 0.1}")], extra: sweep)
                .replacingOccurrences(of: "    optimizer: {name: SGD, lr: 0.1}\n",
                                      with: "    optimizer: {name: SGD, lr: 0.1}\n    scheduler: {name: StepLR, step_size: 1, gamma: \(gamma)}\n")
                .replacingOccurrences(of: "metrics: [train_loss, test_mae]", with: "metrics: [train_loss, lr]")
        }
        let spec = try TinyBlocks.spec(block(["sweep:", "  gamma: [0.1, 0.5, 0.9]"]))
        let results = try ExperimentRunner(cache: nil).run([spec])
        var finalRates: Set<Double> = []
        for (p, gamma) in ["0.1", "0.5", "0.9"].enumerated() {
            let alone = try TinyBlocks.spec(block([], gamma: gamma))
            let expected = try #require(try ExperimentRunner(cache: nil).run([alone])["tiny-train"]?.runs)
            let point = try #require(results["tiny-train"]).at(point: p).runs
            #expect(point == expected, "point gamma=\(gamma)")
            if let last = point.first?.scalars("lr")?.last { finalRates.insert(last) }
        }
        // The gamma took effect: three different final learning rates.
        #expect(finalRates.count == 3)
    }

    @Test func theChartOfFinalValuesPlotsSeveralMetrics() throws {
        let one = try TinyBlocks.spec(Self.dropoutBlock(sweep: ["sweep:", "  dropout: [0.0, 0.5]"],
                                                        chart: ["  chart: {y: [train_loss, test_loss]}"]))
        #expect(one.sweep?.chart?.y == ["train_loss", "test_loss"])
        let results = try ExperimentRunner(cache: nil).run([one])
        let html = try ExperimentFigure.render(one, results: results, specs: ["tiny-dropout": one]).html
        #expect(html.contains("aria-label=\"Final train loss and test loss against dropout\""))
        // Two runs and two metrics: four lines, each named by its run and metric.
        for name in ["shallow · train loss", "shallow · test loss", "deep · train loss", "deep · test loss"] {
            #expect(html.contains(">\(name)<"), "no line named \(name)")
        }
        // One metric keeps the run names and the cache key it had before y took a list.
        let single = try TinyBlocks.spec(Self.dropoutBlock(sweep: ["sweep:", "  dropout: [0.0, 0.5]"], chart: ["  chart: {y: train_loss}"]))
        #expect(single.presentationKeyMaterial.contains("\"y\":\"train_loss\""))
    }

    @Test func aChartOfFinalValuesNamesRecordedMetricsOnce() {
        let sweep = ["sweep:", "  dropout: [0.0, 0.5]"]
        #expect(SweepSpecErrorTests.errors(Self.dropoutBlock(sweep: sweep, chart: ["  chart: {y: []}"]))
            == ["tiny.md:24:14: error: sweep.chart y needs a metric, such as y: train_loss or y: [train_loss, test_loss]"])
        #expect(SweepSpecErrorTests.errors(Self.dropoutBlock(sweep: sweep, chart: ["  chart: {y: [train_loss, test_los]}"]))
            == ["tiny.md:24:14: error: sweep.chart y 'test_los' is not recorded in this block (did you mean 'test_loss'?) (available: train_loss, test_loss)"])
        #expect(SweepSpecErrorTests.errors(Self.dropoutBlock(sweep: sweep, chart: ["  chart: {y: [test_loss, test_loss]}"]))
            == ["tiny.md:24:14: error: sweep.chart y lists 'test_loss' twice"])
    }
}
