import Foundation
import Testing
@testable import Experiments

/// Train blocks with activation layers (Tanh, GELU exact and tanh, SiLU, LeakyReLU, ELU, Sigmoid) and the optimisers
/// RMSprop, Adagrad, NAdam, RAdam, Adamax, run through `ExperimentRunner`, against what the real PyTorch prints for
/// the same blocks (activation_runs.json, from scripts/reference/activation_runs_fixtures.py, oneDNN off).
///
/// The activations and the optimiser rules are bitwise PyTorch's (ActivationTests, NextOptimizerTraceTests); the
/// matrix products and bias-gradient sums are not in MKL's order, and torch's tanh and sqrt are MKL's (≤ 1 ulp), so
/// losses agree to 1e-6 relative over these few epochs (measured: 1.9e-7) and accuracies are equal.
@Suite struct ActivationRunParityTests {
    static let blocks: [String: String] = [
        "moons-activations": """
            id: moons-activations
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [{linear: 16}, tanh, {linear: 16}, gelu, {linear: 16}, silu, {linear: 2}], seed: 42}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 32}
            runs:
              - {label: RMSprop, optimizer: {name: RMSprop, lr: 0.01}}
              - {label: Adamax, optimizer: {name: Adamax, lr: 0.01}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
        "blobs-activations": """
            id: blobs-activations
            kind: train
            data: {dataset: make-blobs, n_samples: 300, n_features: 4, centers: 4, cluster_std: 2.0, random_state: 3, split: {test_size: 0.2, random_state: 1, stratify: true}, normalize: standard-scaler}
            model: {layers: [{linear: 32}, {leaky-relu: {negative_slope: 0.2}}, {linear: 16}, elu, {linear: 16}, {gelu: {approximate: tanh}}, {linear: 8}, sigmoid, {linear: 4}], seed: 0}
            loss: cross-entropy
            training: {epochs: 5, batch_size: 50}
            runs:
              - {label: NAdam, optimizer: {name: NAdam, lr: 0.01}}
              - {label: RAdam, optimizer: {name: RAdam, lr: 0.01}}
              - {label: Adagrad, optimizer: {name: Adagrad, lr: 0.05}}
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy]
            """,
    ]

    @Test("per-epoch losses within 1e-6 and accuracies equal to PyTorch's", arguments: ["moons-activations", "blobs-activations"])
    func block(_ id: String) throws {
        try RunParity.check(try #require(Self.blocks[id]), id: id, fixture: "activation_runs")
    }
}
