import Testing
@testable import Site

/// Hostile loss options, clip_grad values and SequentialLR / CosineAnnealingWarmRestarts settings: each fails at its
/// key, with "did you mean" for a misspelt name, and leaves the previous site alone.
extension HostileInput {
    static let lossesAndClipping: [HostileInput] = [
        experiment("experiment: huber delta 0", replacing: "loss: mse", with: "loss: {name: huber, delta: 0}", .fails([
            "TBD",
        ])),
        experiment("experiment: loss name misspelt", replacing: "loss: mse", with: "loss: {name: hubber, delta: 0.5}", .fails([
            "TBD",
        ])),
        experiment("experiment: label_smoothing on mse", replacing: "loss: mse", with: "loss: {name: mse, label_smoothing: 0.1}", .fails([
            "TBD",
        ])),
        experiment("experiment: label_smoothing above 1", replacing: [
            ("loss: mse", "loss: {name: cross-entropy, label_smoothing: 1.5}")], .fails([
            "TBD",
        ])),
        experiment("experiment: clip_grad with both", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {max_norm: 1, value: 0.5}}", .fails([
            "TBD",
        ])),
        experiment("experiment: clip_grad max_norm misspelt", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {max_nrom: 1}}", .fails([
            "TBD",
        ])),
        experiment("experiment: clip_grad value .nan", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {value: .nan}}", .fails([
            "TBD",
        ])),
        experiment("experiment: SequentialLR with too many milestones",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2, gamma: 0.5}], milestones: [3], base_lr: 1}", .fails([
            "TBD",
        ])),
        experiment("experiment: SequentialLR holding ReduceLROnPlateau",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2}, {name: ReduceLROnPlateau, monitor: test_loss}], milestones: [2], base_lr: 1}", .fails([
            "TBD",
        ])),
        experiment("experiment: SequentialLR scheduler with an interval",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2, interval: step}], milestones: [], base_lr: 1}", .fails([
            "TBD",
        ])),
        experiment("experiment: CosineAnnealingWarmRestarts T_mult 0",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: CosineAnnealingWarmRestarts, T_0: 2, T_mult: 0, base_lr: 1}", .fails([
            "TBD",
        ])),
        experiment("experiment: CosineAnnealingWarmRestarts T_0 misspelt",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: CosineAnnealingWarmRestarts, T0: 2, base_lr: 1}", .fails([
            "TBD",
        ])),
    ]
}
