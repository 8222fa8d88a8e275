import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// Train blocks of the second module (layer-by-layer models with batch norm and dropout, cross-entropy,
/// make-moons / make-blobs / multi-class make-classification, train and test accuracy, evaluation in train
/// mode, T = 2 threads), run through `ExperimentRunner`, against what the real PyTorch and scikit-learn print for
/// the same blocks (second_module_runs.json, from scripts/reference/second_module_fixtures.py).
///
/// Data, initial weights, batch order and dropout masks are bit-identical; the matrix products and bias
/// gradients are not in torch's order (SPEC §6), so losses agree to 1e-5 relative over these few epochs and
/// accuracies are equal (one misclassified row more or less would show as 1/n).
///
/// One known exception, kept in to show its size: Adam on a Linear layer followed by batch norm. That layer's
/// bias has a gradient that is zero but for rounding noise (batch norm removes the mean), and Adam divides it by
/// its own magnitude, so the bias takes steps of ±lr whose signs follow the noise. torch sums bias gradients
/// over the batch in a cascade (SumKernel's multi_row_sum) that the core does not reproduce yet, so the bias —
/// and through the running mean, the eval-mode outputs — drift apart: about 1e-3 relative in the first epoch,
/// 1e-2 at most over six, and one test row in a hundred classified differently.
@Suite struct SecondModuleParityTests {
    static let blocks: [String: String] = [
        "moons-bn-dropout": """
            id: moons-bn-dropout
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [{linear: 16}, batchnorm, relu, {dropout: 0.2}, {linear: 16}, relu, {linear: 2}], seed: 42}
            loss: cross-entropy
            training: {epochs: 6, batch_size: 32}
            runs:
              - {label: SGD momentum, optimizer: {name: SGD, lr: 0.1, momentum: 0.9}}
              - {label: Adam, optimizer: {name: Adam, lr: 0.01}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "moons-train-mode": """
            id: moons-train-mode
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [{linear: 16}, batchnorm, relu, {dropout: 0.5}, {linear: 2}], seed: 7}
            loss: cross-entropy
            training: {epochs: 4, batch_size: 32, evaluation_mode: train}
            runs:
              - {label: SGD, optimizer: {name: SGD, lr: 0.05}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "blobs-threads-2": """
            id: blobs-threads-2
            kind: train
            data: {dataset: make-blobs, n_samples: 300, n_features: 4, centers: 4, cluster_std: 2.0, random_state: 3, split: {test_size: 0.2, random_state: 1, stratify: true}, normalize: standard-scaler}
            model: {layers: [{linear: 32}, {batchnorm: {momentum: 0.3, eps: 1e-3}}, relu, {linear: 4}], seed: 0}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 50, threads: 2}
            runs:
              - {label: SGD, optimizer: {name: SGD, lr: 0.1}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "classification-10": """
            id: classification-10
            kind: train
            data: {dataset: make-classification, n_samples: 600, n_features: 12, n_informative: 6, n_redundant: 2, n_classes: 10, n_clusters_per_class: 1, random_state: 5, split: {test_size: 0.25, random_state: 2, stratify: true}, normalize: standard-scaler}
            model: {layers: [{linear: 24}, relu, {dropout: 0.1}, {linear: 10}], seed: 1}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 64}
            runs:
              - {label: AdamW, optimizer: {name: AdamW, lr: 0.01}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "moons-run-overrides": """
            id: moons-run-overrides
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [{linear: 16}, batchnorm, relu, {linear: 2}], seed: 42}
            loss: cross-entropy
            training: {epochs: 4, batch_size: 32}
            runs:
              - {label: block, optimizer: {name: SGD, lr: 0.1, momentum: 0.9}}
              - label: own model
                optimizer: {name: SGD, lr: 0.1, momentum: 0.9}
                model: {layers: [{linear: 8}, relu, {dropout: 0.3}, {linear: 2}]}
              - {label: batches of 4, optimizer: {name: SGD, lr: 0.1, momentum: 0.9}, batch_size: 4}
              - label: train mode in 10s
                optimizer: {name: SGD, lr: 0.1, momentum: 0.9}
                evaluation: {mode: train, batch_size: 10}
              - label: dropout, train mode in 4s
                optimizer: {name: SGD, lr: 0.1, momentum: 0.9}
                model: {layers: [{linear: 16}, batchnorm, relu, {dropout: 0.5}, {linear: 2}]}
                evaluation: {mode: train, batch_size: 4}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
    ]

    /// The `blocks` of a fixture made by second_module_fixtures.py's runner (also activation_runs.json).
    static func fixture(_ name: String = "second_module_runs") throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json",
                                                 subdirectory: "Fixtures"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try #require(object?["blocks"] as? [String: Any])
    }

    @Test("per-epoch losses within 1e-5 and accuracies equal to PyTorch's", arguments: [
        "moons-bn-dropout", "moons-train-mode", "blobs-threads-2", "classification-10", "moons-run-overrides",
    ])
    func block(_ id: String) throws {
        let result = try RunParity.run(try #require(Self.blocks[id]), id: id)
        var worst = 0.0
        for figure in try RunParity.figures(result, try RunParity.expected("second_module_runs", id)) {
            let noisyBias = id == "moons-bn-dropout" && figure.label == "Adam"
            // 300 steps on batches of 4 before batch norm: the same bias-gradient noise, 4e-5 relative by epoch 4.
            let smallBatches = id == "moons-run-overrides" && figure.label == "batches of 4"
            let (lossTolerance, accuracyTolerance) = noisyBias ? (1e-2, 0.011) : smallBatches ? (1e-4, 0.0) : (1e-5, 0.0)
            if figure.isAccuracy {
                #expect(abs(figure.ours - figure.torch) <= accuracyTolerance, "\(id) › \(figure.place)")
            } else {
                if !noisyBias && !smallBatches { worst = max(worst, figure.relative) }
                #expect(figure.relative <= lossTolerance, "\(id) › \(figure.place)")
            }
        }
        print("\(id): largest relative loss deviation from PyTorch \(worst)")
    }
}

/// Runs with their own model, batch size and evaluation (`RunOverrides`): block moons-run-overrides of
/// SecondModuleParityTests is compared there with the same PyTorch loop with those settings (a run's own model
/// draws its own initial weights, its own batch size changes the DataLoader, an evaluation in train mode in
/// batches normalises each batch with its statistics and, with dropout, draws masks that move the next epoch's
/// batch order). The run on batches of 4 is held to 1e-4 there (bias-gradient order before batch norm).
@Suite struct RunOverrideParityTests {
    static let id = "moons-run-overrides"

    /// Each override moves every figure away from the block's run by what it moves PyTorch's: the shift from run
    /// "block" to the override's run, epoch by epoch, is torch's within 5 % for losses (each torch loss moves by
    /// 0.9 % at least, far beyond the 1e-4 the parity test allows, so an override ignored or half applied fails
    /// here) and exactly torch's for accuracies.
    @Test("each override shifts every figure from the block's run as it shifts PyTorch's")
    func overridesShiftFiguresAsInPyTorch() throws {
        let result = try RunParity.run(try #require(SecondModuleParityTests.blocks[Self.id]), id: Self.id)
        let figures = try RunParity.figures(result, try RunParity.expected("second_module_runs", Self.id))
        let block = Dictionary(uniqueKeysWithValues: figures.filter { $0.label == "block" }.map { ("\($0.metric) \($0.epoch)", $0) })
        let overrides = ["own model", "batches of 4", "train mode in 10s", "dropout, train mode in 4s"]
        #expect(Set(figures.map(\.label)) == Set(overrides + ["block"]))
        for label in overrides {
            let runFigures = figures.filter { $0.label == label }
            #expect(runFigures.count == block.count, "\(label): every figure of the block's run")
            for figure in runFigures {
                let base = try #require(block["\(figure.metric) \(figure.epoch)"])
                let torchShift = figure.torch - base.torch, ourShift = figure.ours - base.ours
                let place = "\(label) › \(figure.metric) epoch \(figure.epoch): moved \(ourShift), PyTorch's \(torchShift)"
                if figure.isAccuracy {
                    #expect(ourShift == torchShift, "\(place)")
                } else {
                    #expect(abs(torchShift) >= 5e-3 * abs(base.torch), "the fixture's \(place): too small to tell the override")
                    #expect(abs(ourShift - torchShift) <= 0.05 * abs(torchShift), "\(place)")
                }
            }
        }
    }
}
