import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// Blocks with a validation part, against the real scikit-learn and PyTorch (Fixtures/validation_runs.json, made by
/// scripts/reference/validation_fixtures.py): the data of every part bit for bit (the split is two
/// `train_test_split` calls, the statistics come from the training part only), `ReduceLROnPlateau` fed the
/// validation loss, and the test accuracy read at the epoch of the best validation accuracy, as the script's loop
/// picks it, in a table, a check, across seeds and at a sweep's point.
@Suite struct ValidationRunsTests {
    static let origin = SourceLocation(file: "validation.md", line: 10, column: 1)

    /// The three part sizes as a list (train, validation, test), comparable in `#expect`.
    static func counts(_ parts: (train: Int, validation: Int, test: Int)) -> [Int] { [parts.train, parts.validation, parts.test] }

    static let plateau = """
        id: plateau-val
        kind: train
        data: {dataset: delivery-times, n_samples: 100, seed: 7, noise: 4.0, split: {test_size: 0.2, validation_size: 0.2, random_state: 3}, normalize: mean-std}
        model: {layers: [4, 16, 1], activation: relu, seed: 1}
        loss: mse
        training: {epochs: 30, batch_size: 16}
        runs:
          - label: AdamW
            optimizer: {name: AdamW, lr: 0.01, weight_decay: 0.01}
            scheduler: {name: ReduceLROnPlateau, patience: 2, factor: 0.5, monitor: val_loss}
        metrics: [val_loss, test_loss, lr]

        """

    static func classifier(seeds: String? = nil, extra: [String] = []) -> String {
        ([
            "id: val-classifier",
            "kind: train",
            "data: {dataset: make-classification, n_samples: 120, n_features: 5, n_informative: 3, n_redundant: 1, random_state: 4, split: {test_size: 0.2, validation_size: 0.2, random_state: 5, stratify: true}, normalize: standard-scaler}",
            seeds == nil ? "model: {layers: [5, 16, 1], activation: relu, seed: 2}" : "model: {layers: [5, 16, 1], activation: relu}",
            "loss: bce-with-logits",
            "training: {epochs: 30, batch_size: 16}",
            "runs:",
            "  - label: SGD",
            "    optimizer: {name: SGD, lr: 0.05, momentum: 0.9}",
            "metrics: [val_accuracy, test_accuracy, val_loss]",
            "table:",
            "  columns:",
            "    - {header: Optimiser, value: label}",
            "    - {header: Best validation accuracy, value: \"best(val_accuracy)\", format: .4f}",
            "    - {header: At epoch, value: \"argbest(val_accuracy)\", format: d}",
            "    - {header: Test accuracy at that epoch, value: \"test_accuracy[argbest(val_accuracy)]\", format: .4f}",
        ] + (seeds.map { ["seeds: \($0)"] } ?? []) + extra).joined(separator: "\n") + "\n"
    }

    static func train(_ yaml: String) throws -> TrainSpec {
        guard case .train(let train) = try ExperimentSpec.parse(yaml: yaml, at: origin).body else {
            throw LessonOutputs.Missing(description: "not a train block")
        }
        return train
    }

    static func run(_ yaml: String) throws -> (spec: ExperimentSpec, result: ExperimentResult) {
        let spec = try ExperimentSpec.parse(yaml: yaml, at: origin)
        let result = try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])[spec.id])
        return (spec, result)
    }

    static func expectTensors(_ data: PreparedData, _ torch: LessonOutputs, _ block: String) throws {
        let path = [block, "tensors"]
        let parts: [(String, [Float])] = [
            ("X_train", data.trainX.scalars), ("y_train", data.trainY.scalars),
            ("X_val", try #require(data.validation).x.scalars), ("y_val", try #require(data.validation).y.scalars),
            ("X_test", data.testX.scalars), ("y_test", data.testY.scalars),
        ]
        for (name, ours) in parts {
            let theirs = try torch.numbers(path, name).map { Float($0) }
            #expect(ours.count == theirs.count, "\(block) \(name): \(ours.count) values, sklearn \(theirs.count)")
            let bits = ours.map(\.bitPattern) == theirs.map(\.bitPattern)
            #expect(bits, "\(block) \(name) differs from sklearn's bit for bit")
        }
    }

    /// delivery_data.split_and_scale(…, validation_size=0.2): 60/20/20, every part scaled with the training rows' statistics.
    @Test func regressionDataIsTheLessonModulesBitForBit() throws {
        let torch = try LessonOutputs.load("validation_runs")
        let train = try Self.train(Self.plateau)
        #expect(Self.counts(train.data.partCounts) == [60, 20, 20])
        try Self.expectTensors(try PreparedData.make(train.data), torch, "regression")
    }

    /// make_classification, stratified twice, StandardScaler fitted on the training part only.
    @Test func classificationDataIsScikitLearnsBitForBit() throws {
        let torch = try LessonOutputs.load("validation_runs")
        let train = try Self.train(Self.classifier())
        #expect(Self.counts(train.data.partCounts) == [72, 24, 24])
        try Self.expectTensors(try PreparedData.make(train.data), torch, "classification")
    }

    /// ReduceLROnPlateau fed the validation loss cuts the learning rate at torch's epochs, and the losses follow torch's.
    @Test func plateauOnValidationMatchesPyTorch() throws {
        let torch = try LessonOutputs.load("validation_runs")
        let run = try #require(try Self.run(Self.plateau).result.run("AdamW"))
        let lrs = try #require(run.scalars("lr"))
        let torchLRs = try torch.numbers(["regression"], "lr")
        #expect(lrs == torchLRs, "lr per epoch")
        #expect(Set(torchLRs).count >= 3, "the fixture's plateau must cut the rate at least twice")
        var largest = 0.0
        for metric in ["val_loss", "test_loss"] {
            let ours = try #require(run.scalars(metric)), theirs = try torch.numbers(["regression"], metric)
            try #require(ours.count == theirs.count)
            for (epoch, (a, b)) in zip(ours, theirs).enumerated() {
                largest = max(largest, relativeDeviation(a, b))
                #expect(relativeDeviation(a, b) <= 1e-5, "\(metric) at epoch \(epoch + 1): \(a) vs torch \(b)")
            }
        }
        print("validation plateau: lr per epoch exact; largest relative deviation of the losses \(largest)")
    }

    /// Accuracies per epoch, the best validation epoch (the first, as `if val > best` keeps it) and the test
    /// accuracy there, through the table's own expressions.
    @Test func testAccuracyAtTheBestValidationEpochIsTheScripts() throws {
        let torch = try LessonOutputs.load("validation_runs")
        let (spec, result) = try Self.run(Self.classifier())
        let run = try #require(result.run("SGD"))
        for metric in ["val_accuracy", "test_accuracy", "val_loss"] {
            let ours = try #require(run.scalars(metric)), theirs = try torch.numbers(["classification"], metric)
            try #require(ours.count == 30 && theirs.count == 30)
            for (epoch, (a, b)) in zip(ours, theirs).enumerated() {
                #expect(relativeDeviation(a, b) <= (metric == "val_loss" ? 1e-5 : 0), "\(metric) at epoch \(epoch + 1): \(a) vs torch \(b)")
            }
        }
        let cells = try ExperimentFigure.tableCells(spec, results: [spec.id: result], specs: [spec.id: spec])
        let format = { (x: Double) in Value.number(x).formatted(with: try? NumberFormat.parse(".4f")) }
        let printed = ["SGD", format(try torch.number(["classification"], "best_val_accuracy")),
                       "\(try torch.integer(["classification"], "best_epoch"))",
                       format(try torch.number(["classification"], "test_accuracy_at_best"))]
        #expect(cells[0].map(\.text) == printed)
        let resolver = ResultResolver(results: [spec.id: result], specs: [spec.id: spec], current: nil)
        let atBest = try Expression.parse("val-classifier['SGD'].test_accuracy[argbest(val-classifier['SGD'].val_accuracy)]")
            .number(using: resolver)
        #expect(atBest == (try torch.number(["classification"], "test_accuracy_at_best")))
    }

    /// With seeds, each seed picks its own best validation epoch, the one the script's loop picks with that seed in place
    /// of the model seed (classification_seeds: 14, 14 and 19 for seeds 2, 3, 4, so one epoch for all seeds cannot pass):
    /// the cell is the mean ± std of the test accuracy at each seed's epoch, and the seed that equals the block's model
    /// seed gives the single run's numbers.
    @Test func acrossSeedsEachSeedPicksItsOwnEpoch() throws {
        let torch = try LessonOutputs.load("validation_runs")
        let seeds = [2, 3, 4]
        let (spec, result) = try Self.run(Self.classifier(seeds: "[2, 3, 4]"))
        let single = try Self.run(Self.classifier()).result
        let perSeed = try #require(result.seedResults)
        try #require(result.seeds == seeds && perSeed.count == seeds.count)
        #expect(perSeed[0].runs == single.runs)
        let paths = seeds.map { ["classification_seeds", String($0)] }
        let epochs = try paths.map { try torch.integer($0, "best_epoch") }
        let torchAtBest = try paths.map { try torch.number($0, "test_accuracy_at_best") }
        #expect(Set(epochs).count > 1, "the fixture's seeds must pick different epochs")
        for (index, seed) in seeds.enumerated() {
            let resolver = ResultResolver(results: [spec.id: perSeed[index]], specs: [spec.id: spec], current: spec.id, row: .run("SGD"))
            func value(_ text: String) throws -> Double { try Expression.parse(text).number(using: resolver) }
            #expect(try value("argbest(val_accuracy)") == Double(epochs[index]), "seed \(seed): the best validation epoch")
            #expect(try value("best(val_accuracy)") == (try torch.number(paths[index], "best_val_accuracy")), "seed \(seed)")
            #expect(try value("test_accuracy[argbest(val_accuracy)]") == torchAtBest[index], "seed \(seed): test accuracy there")
        }
        let cells = try ExperimentFigure.tableCells(spec, results: [spec.id: result], specs: [spec.id: spec])
        #expect(cells[0][3].number == torchAtBest.reduce(0, +) / 3)
        #expect(cells[0][3].text == SeedRunsTests.printed(torchAtBest, ".4f"))
        let resolver = ResultResolver(results: [spec.id: result], specs: [spec.id: spec], current: spec.id)
        let mean = try Expression.parse("seed_mean(['SGD'].test_accuracy[argbest(['SGD'].val_accuracy)])").number(using: resolver)
        #expect(mean == torchAtBest.reduce(0, +) / 3)
    }

    /// A sweep records the validation metrics at every point; checks and charts name them like any metric.
    @Test func aSweepRecordsValidationMetricsAtEveryPoint() throws {
        let yaml = Self.classifier(extra: [
            "sweep:", "  lr: [0.01, 0.05]", "  chart: {y: val_accuracy}",
            "checks:", "  - \"[lr=0.05]['SGD'].test_accuracy[argbest([lr=0.05]['SGD'].val_accuracy)] > 0.5\"",
            "chart: {type: line, y: [val_accuracy, test_accuracy]}",
        ])
        let (spec, result) = try Self.run(yaml)
        let single = try Self.run(Self.classifier()).result
        let resolver = ResultResolver(results: [spec.id: result], specs: [spec.id: spec], current: spec.id)
        #expect(CheckEvaluation.run(spec, resolver: resolver).isEmpty)
        let atPoint = try Expression.parse("[lr=0.05]['SGD'].val_accuracy[7]").number(using: resolver)
        #expect(atPoint == single.run("SGD")?.scalars("val_accuracy")?[6])
        let figure = try ExperimentFigure.render(spec, results: [spec.id: result], specs: [spec.id: spec])
        #expect(figure.csv.hasPrefix("lr,run,epoch,test_accuracy,val_accuracy,val_loss\n"))
    }

    /// Blocks without validation_size keep their cache keys: the split's canonical form names it only when given.
    @Test func blocksWithoutAValidationPartKeepTheirCacheKeys() throws {
        let without = try ExperimentSpec.parse(yaml: TinyBlocks.train(), at: Self.origin).cacheKeyMaterial
        #expect(without.contains("\"split\":{\"random_state\":0,\"stratify\":false,\"test_size\":0.25}"))
        #expect(!without.contains("validation"))
        let with = try ExperimentSpec.parse(yaml: TinyBlocks.train().replacingOccurrences(
            of: "test_size: 0.25,", with: "test_size: 0.25, validation_size: 0.25,"), at: Self.origin).cacheKeyMaterial
        #expect(with.contains("\"validation_size\":0.25"))
    }
}
