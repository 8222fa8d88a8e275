import Testing
@testable import Site

/// Hostile loss options, clip_grad values and SequentialLR / CosineAnnealingWarmRestarts settings: each fails at its
/// key, with "did you mean" for a misspelt name, and leaves the previous site alone.
extension HostileInput {
    static let lossesAndClipping: [HostileInput] = [
        experiment("experiment: huber delta 0", replacing: "loss: mse", with: "loss: {name: huber, delta: 0}", .fails([
            "content/lab/results.md:60:28: error: 'delta' must be positive, got 0",
        ])),
        experiment("experiment: loss name misspelt", replacing: "loss: mse", with: "loss: {name: hubber, delta: 0.5}", .fails([
            "content/lab/results.md:60:14: error: unknown loss 'hubber' (did you mean 'huber'?)",
        ])),
        experiment("experiment: label_smoothing on mse", replacing: "loss: mse", with: "loss: {name: mse, label_smoothing: 0.1}", .fails([
            "content/lab/results.md:60:19: error: unknown key 'label_smoothing' in loss; known keys: name",
        ])),
        experiment("experiment: label_smoothing above 1", replacing: [
            ("loss: mse", "loss: {name: cross-entropy, label_smoothing: 1.5}")], .fails([
            "content/lab/results.md:60:7: error: cross-entropy needs class labels; delivery-times is a regression dataset (use mse)",
            "content/lab/results.md:60:46: error: 'label_smoothing' must be from 0 to 1, got 1.5",
            "content/lab/results.md:67:23: error: metric 'test_mae' does not apply to loss cross-entropy (test_mae needs a regression loss: mse, l1, huber or smooth-l1)",
        ])),
        experiment("experiment: clip_grad with both", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {max_norm: 1, value: 0.5}}", .fails([
            "content/lab/results.md:61:71: error: give either max_norm or value in clip_grad, not both",
        ])),
        experiment("experiment: clip_grad max_norm misspelt", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {max_nrom: 1}}", .fails([
            "content/lab/results.md:61:50: error: clip_grad needs max_norm (clip_grad_norm_) or value (clip_grad_value_), such as {max_norm: 1.0}",
            "content/lab/results.md:61:51: error: unknown key 'max_nrom' in clip_grad (did you mean 'max_norm'?)",
        ])),
        experiment("experiment: clip_grad value .nan", replacing: "training: {epochs: 3, batch_size: 16}",
                   with: "training: {epochs: 3, batch_size: 16, clip_grad: {value: .nan}}", .fails([
            "content/lab/results.md:61:58: error: 'value' must be a number, not '.nan'",
        ])),
        experiment("experiment: SequentialLR with too many milestones",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2, gamma: 0.5}], milestones: [3], base_lr: 1}", .fails([
            "content/lab/results.md:16:110: error: SequentialLR takes one milestone fewer than schedulers: 1 scheduler needs 0, got 1",
        ])),
        experiment("experiment: SequentialLR holding ReduceLROnPlateau",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2}, {name: ReduceLROnPlateau, monitor: test_loss}], milestones: [2], base_lr: 1}", .fails([
            "content/lab/results.md:16:92: error: ReduceLROnPlateau cannot be one of SequentialLR's schedulers; use StepLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, ExponentialLR, MultiStepLR, ConstantLR, LinearLR, LambdaLR, WarmupCosine",
        ])),
        experiment("experiment: SequentialLR scheduler with an interval",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: SequentialLR, schedulers: [{name: StepLR, step_size: 2, interval: step}], milestones: [], base_lr: 1}", .fails([
            "content/lab/results.md:16:84: error: unknown key 'interval' in schedulers[1].schedulers[1]; known keys: name, step_size, gamma",
        ])),
        experiment("experiment: CosineAnnealingWarmRestarts T_mult 0",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: CosineAnnealingWarmRestarts, T_0: 2, T_mult: 0, base_lr: 1}", .fails([
            "content/lab/results.md:16:73: error: 'T_mult' must be from 1 to 1000000, got 0",
        ])),
        experiment("experiment: CosineAnnealingWarmRestarts T_0 misspelt",
                   replacing: "{label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
                   with: "{label: halving, name: CosineAnnealingWarmRestarts, T0: 2, base_lr: 1}", .fails([
            "content/lab/results.md:16:5: error: missing required key 'T_0' in schedulers[1]",
            "content/lab/results.md:16:57: error: unknown key 'T0' in schedulers[1] (did you mean 'T_0'?)",
        ])),
    ]
}
