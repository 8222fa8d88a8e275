import Foundation
import Testing
@testable import Experiments

/// SGD with momentum and weight decay over 60 epochs of a delivery-time regression with other seeds and sizes than
/// the lesson's, run through `ExperimentRunner`, against real PyTorch (sgd_momentum_decay_runs.json, from
/// scripts/reference/sgd_decay_fixtures.py). Issue 17 reported a 0.1 % drift for this combination; the core's
/// step is torch's `_single_tensor_sgd` op for op, and these runs stay on torch's trajectory (measured ≤ 2e-7).
@Suite struct SGDMomentumDecayParityTests {
    static let block = """
        id: sgd-decay
        kind: train
        data: {dataset: delivery-times, n_samples: 1500, seed: 7, noise: 4.0, split: {test_size: 0.2, random_state: 7}, normalize: mean-std}
        model: {layers: [4, 48, 24, 1], seed: 3}
        loss: mse
        training: {epochs: 60, batch_size: 32}
        runs:
          - {label: "momentum + wd 0.01", optimizer: {name: SGD, lr: 0.01, momentum: 0.9, weight_decay: 0.01}}
          - {label: "momentum + wd 0.1", optimizer: {name: SGD, lr: 0.01, momentum: 0.9, weight_decay: 0.1}}
          - {label: "nesterov + wd", optimizer: {name: SGD, lr: 0.02, momentum: 0.9, weight_decay: 1e-4, nesterov: true}}
          - {label: "dampened + wd", optimizer: {name: SGD, lr: 0.01, momentum: 0.5, dampening: 0.5, weight_decay: 0.01}}
        metrics: [train_loss, test_mae, weight_norm]
        """

    @Test("60 epochs: every epoch's loss, the final MAE and weight norm within 1e-6 of PyTorch's")
    func followsTorch() throws {
        let url = try #require(Bundle.module.url(forResource: "sgd_momentum_decay_runs", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let runs = try #require(doc?["runs"] as? [String: [String: Any]])
        let spec = try ExperimentSpec.parse(yaml: Self.block + "\n", at: TinyBlocks.origin)
        let result = try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])["sgd-decay"])
        try #require(runs.count == 4 && Set(runs.keys) == Set(result.runs.map(\.label)),
                     "runs \(result.runs.map(\.label).sorted()), the fixture's \(runs.keys.sorted())")
        var worst = 0.0
        for (label, expected) in runs {
            let run = try #require(result.run(label), "no run \(label)")
            let torchLoss = try #require(expected["train_loss"] as? [Any]).map { try LessonOutputs.number($0, "\(label) train_loss") }
            let ours = try #require(run.scalars("train_loss"))
            #expect(ours.count == 60 && torchLoss.count == 60)
            var pairs = Array(zip(ours, torchLoss))
            for name in ["test_mae", "weight_norm"] {
                let value = try LessonOutputs.number(expected[name], "\(label) \(name)")
                pairs.append((try #require(run.scalars(name)?.last), value))
            }
            for (a, b) in pairs {
                worst = max(worst, abs(a - b) / abs(b))
                #expect(abs(a - b) / abs(b) <= 1e-6, "\(label): \(a) vs \(b)")
            }
        }
        print("sgd-decay: largest relative deviation from PyTorch \(worst)")
    }
}
