import Foundation
import Testing
@testable import Experiments

/// Short train blocks with the regression losses (l1, huber, smooth-l1), cross-entropy with label smoothing,
/// `clip_grad` by norm and by value and a SequentialLR of LinearLR and CosineAnnealingWarmRestarts, run through
/// `ExperimentRunner`, against what the real PyTorch prints for the same blocks (loss_clip_runs.json, from
/// scripts/reference/loss_clip_runs_fixtures.py).
///
/// The losses, the clipping and the schedulers are bitwise PyTorch's in one step (RegressionLossTests,
/// LabelSmoothingTests, GradientClippingTests, RestartSchedulerTests); the matrix products are not in MKL's order
/// (docs/parity.md §4.2), so losses agree to 1e-5 relative over these ten epochs (measured ≤ 1.1e-6), accuracies are
/// equal and every epoch's lr is bitwise torch's. Adam on L1 is the sharpest of them: the L1 gradient is ±1/N, so a
/// bias gradient is a sum of ±1/N terms that can cancel to nearly 0, where Adam's update is about lr · sign of the
/// residue the summation order leaves. With the bias gradient in a plain row order that run left PyTorch's
/// trajectory in the first epoch (6 % apart after ten); in torch's order (BiasGradientTests) it stays within 2.1e-7.
@Suite struct LossClipRunParityTests {
    static func regression(_ id: String, loss: String, clip: String = "") -> String {
        """
        id: \(id)
        kind: train
        data: {dataset: delivery-times, n_samples: 1000, seed: 11, noise: 4.0, split: {test_size: 0.2, random_state: 11}, normalize: mean-std}
        model: {layers: [4, 32, 16, 1], seed: 5}
        loss: \(loss)
        training: {epochs: 10, batch_size: 32\(clip)}
        runs:
          - {label: SGD, optimizer: {name: SGD, lr: 0.05, momentum: 0.9}}
          - {label: Adam, optimizer: {name: Adam, lr: 0.01}}
        metrics: [train_loss, test_loss, test_mae, lr]
        """
    }

    static let blocks: [String: String] = [
        "l1": regression("l1", loss: "l1"),
        "huber": regression("huber", loss: "{name: huber, delta: 0.5}"),
        "smooth-l1": regression("smooth-l1", loss: "{name: smooth-l1, beta: 0.5}"),
        "clip-norm": regression("clip-norm", loss: "mse", clip: ", clip_grad: {max_norm: 0.5}"),
        "clip-value": regression("clip-value", loss: "mse", clip: ", clip_grad: {value: 0.05}"),
        "label-smoothing": """
            id: label-smoothing
            kind: train
            data: {dataset: make-moons, n_samples: 400, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}
            model: {layers: [2, 16, 16, 2], seed: 42}
            loss: {name: cross-entropy, label_smoothing: 0.1}
            training: {epochs: 10, batch_size: 32, clip_grad: {max_norm: 0.5}}
            runs:
              - {label: SGD, optimizer: {name: SGD, lr: 0.05, momentum: 0.9}}
              - label: Adam + SequentialLR
                optimizer: {name: Adam, lr: 0.01}
                scheduler:
                  name: SequentialLR
                  schedulers:
                    - {name: LinearLR, start_factor: 0.2, total_iters: 2}
                    - {name: CosineAnnealingWarmRestarts, T_0: 3, T_mult: 2, eta_min: 1.0e-4}
                  milestones: [2]
            metrics: [train_loss, test_loss, train_accuracy, test_accuracy, lr]
            """,
    ]

    @Test("per-epoch losses within 1e-5, accuracies equal and every lr bitwise PyTorch's",
          arguments: ["l1", "huber", "smooth-l1", "clip-norm", "clip-value", "label-smoothing"])
    func block(_ id: String) throws {
        let expected = try RunParity.expected("loss_clip_runs", id)
        #expect(expected.count == 2)
        var worst = 0.0, worstL1Adam = 0.0
        for figure in try RunParity.figures(try RunParity.run(try #require(Self.blocks[id]), id: id), expected) {
            let place = "\(id) › \(figure.place)"
            #expect(expected[figure.label]?[figure.metric]?.count == 10, "\(place)")
            if figure.isAccuracy || figure.metric == "lr" {
                #expect(figure.ours.bitPattern == figure.torch.bitPattern, "\(place)")
            } else {
                if id == "l1" && figure.label == "Adam" { worstL1Adam = max(worstL1Adam, figure.relative) }
                worst = max(worst, figure.relative)
                #expect(figure.relative <= 1e-5, "\(place)")
            }
        }
        print("\(id): largest relative deviation from PyTorch \(worst)" + (id == "l1" ? ", Adam \(worstL1Adam)" : ""))
    }
}
