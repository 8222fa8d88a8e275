/// A quantity a train block records once per epoch (see docs/experiment-format.md for exact definitions).
public enum Metric: String, Sendable, Hashable, CaseIterable {
    /// Loss over the whole training set in eval mode after the epoch (targets normalised if `mean-std`).
    case trainLoss = "train_loss"
    /// The same loss over the test set.
    case testLoss = "test_loss"
    /// Mean absolute error on the test set in the target's original units (regression).
    case testMAE = "test_mae"
    /// Fraction of test samples classified right (classification): the old name of `test_accuracy`.
    case accuracy
    /// Fraction of training samples classified right: logit sign (one output) or argmax (several).
    case trainAccuracy = "train_accuracy"
    /// Fraction of test samples classified right.
    case testAccuracy = "test_accuracy"
    /// Sum over parameter tensors (weights and biases) of their L2 norms.
    case weightNorm = "weight_norm"
    /// The learning rate of the epoch's last optimiser step.
    case lr
    /// Generalisation gap: `test_loss − train_loss` (both in the evaluation mode).
    case genGap = "gen_gap"
    /// `train_accuracy − test_accuracy` (classification).
    case accuracyGap = "accuracy_gap"
    /// L2 norm of all parameter gradients of the epoch's last training step (`clip_grad_norm_`'s total norm).
    case gradNorm = "grad_norm"
    /// The loss over the validation part (`data.split.validation_size`).
    case valLoss = "val_loss"
    /// Fraction of validation samples classified right.
    case valAccuracy = "val_accuracy"

    /// For `best` and `argbest`: only accuracies improve upwards.
    public var higherIsBetter: Bool { self == .accuracy || self == .trainAccuracy || self == .testAccuracy || self == .valAccuracy }

    /// Whether the metric reads the validation part, which only a split with `validation_size` has.
    var needsValidation: Bool { self == .valLoss || self == .valAccuracy }

    /// Metrics that make sense for a loss function (test_mae for regression, accuracies for classification).
    static func applicable(to loss: LossFunction) -> [Metric] {
        switch loss {
        case .mse, .l1, .huber, .smoothL1: return [.trainLoss, .testLoss, .testMAE, .weightNorm, .lr, .genGap, .gradNorm, .valLoss]
        case .bceWithLogits, .crossEntropy:
            return [.trainLoss, .testLoss, .accuracy, .trainAccuracy, .testAccuracy, .weightNorm, .lr, .genGap,
                    .accuracyGap, .gradNorm, .valLoss, .valAccuracy]
        }
    }

    /// Metrics recorded when the block lists none; the validation ones only when the split has a validation part.
    static func defaults(for loss: LossFunction, validation: Bool) -> [Metric] {
        let defaults: [Metric] = switch loss {
        case .mse, .l1, .huber, .smoothL1: [.trainLoss, .testLoss, .testMAE, .weightNorm, .lr]
        case .bceWithLogits: [.trainLoss, .testLoss, .accuracy, .weightNorm, .lr]
        case .crossEntropy: [.trainLoss, .testLoss, .trainAccuracy, .testAccuracy, .weightNorm, .lr]
        }
        return defaults + (validation ? applicable(to: loss).filter(\.needsValidation) : [])
    }
}

/// The training loss.
public enum LossFunction: String, Sendable, Hashable, CaseIterable {
    /// `nn.MSELoss()`.
    case mse
    /// `nn.BCEWithLogitsLoss()` on a single logit.
    case bceWithLogits = "bce-with-logits"
    /// `nn.CrossEntropyLoss(label_smoothing=…)` on one logit per class, class-index targets.
    case crossEntropy = "cross-entropy"
    /// `nn.L1Loss()`.
    case l1
    /// `nn.HuberLoss(delta=…)`.
    case huber
    /// `nn.SmoothL1Loss(beta=…)`.
    case smoothL1 = "smooth-l1"
}
