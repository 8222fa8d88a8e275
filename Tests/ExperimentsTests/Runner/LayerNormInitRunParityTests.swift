import Foundation
import Testing
@testable import Experiments

/// Train blocks with `layernorm` layers and the model's `init` key, run through `ExperimentRunner`, against what the
/// real PyTorch prints for the same blocks (layernorm_init_runs.json, from
/// scripts/reference/layernorm_init_runs_fixtures.py, which calls `model.apply(init)` right after building the model).
///
/// Layer norm, the initial weights and the batch order are bitwise PyTorch's (LayerNormTests, ParameterInitTests); the
/// matrix products are not in MKL's order (docs/parity.md §4.2), so losses agree to 1e-6 relative over these few
/// epochs and accuracies are equal.
@Suite struct LayerNormInitRunParityTests {
    static let blocks: [String: String] = [
        "moons-layernorm": """
            id: moons-layernorm
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [{linear: 16}, layernorm, relu, {linear: 16}, {layernorm: {eps: 0.001, elementwise_affine: false}}, relu, {linear: 2}], seed: 42}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 32}
            runs:
              - {label: SGD, optimizer: {name: SGD, lr: 0.1, momentum: 0.9}}
              - {label: Adam, optimizer: {name: Adam, lr: 0.01}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "blobs-init": """
            id: blobs-init
            kind: train
            data: {dataset: make-blobs, n_samples: 300, n_features: 4, centers: 4, cluster_std: 2.0, random_state: 3, split: {test_size: 0.2, random_state: 1, stratify: true}, normalize: standard-scaler}
            model: {layers: [{linear: 32}, relu, {linear: 24}, layernorm, relu, {linear: 4}], seed: 0, init: {weight: {kaiming_normal: {nonlinearity: relu}}, bias: zeros}}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 50}
            runs:
              - {label: SGD, optimizer: {name: SGD, lr: 0.05}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "blobs-xavier": """
            id: blobs-xavier
            kind: train
            data: {dataset: make-blobs, n_samples: 300, n_features: 4, centers: 4, cluster_std: 2.0, random_state: 3, split: {test_size: 0.2, random_state: 1, stratify: true}, normalize: standard-scaler}
            model: {layers: [{linear: 8}, tanh, {linear: 3}, tanh, {linear: 4}], seed: 7, init: {xavier_uniform: {gain: 1.6666666666666667}}}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 50}
            runs:
              - {label: Adam, optimizer: {name: Adam, lr: 0.01}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
    ]

    @Test("per-epoch losses within 1e-6 and accuracies equal to PyTorch's", arguments: ["moons-layernorm", "blobs-init", "blobs-xavier"])
    func block(_ id: String) throws {
        try RunParity.check(try #require(Self.blocks[id]), id: id, fixture: "layernorm_init_runs")
    }
}
