/// What the trainer measured after one epoch (1-based `epoch`); optional figures are those `Evaluation` asked for.
public struct EpochResult: Sendable {
    public let epoch: Int
    /// The learning rate of the epoch's first optimiser step.
    public let lr: Double
    /// `loss(model(trainX), trainY)` after the epoch (the lesson's per-epoch loss).
    public internal(set) var trainLoss: Float?
    /// `loss(model(testX), testY)` after the epoch.
    public internal(set) var testLoss: Float?
    /// `model(trainX)` after the epoch, [rows, outputs].
    public internal(set) var trainPredictions: Tensor?
    /// `model(testX)` after the epoch, [rows, outputs].
    public internal(set) var testPredictions: Tensor?
    /// `loss(model(validationX), validationY)` after the epoch.
    public internal(set) var validationLoss: Float?
    /// `model(validationX)` after the epoch, [rows, outputs].
    public internal(set) var validationPredictions: Tensor?

    init(epoch: Int, lr: Double) {
        self.epoch = epoch
        self.lr = lr
    }
}

/// Where a run stopped because a minibatch loss became NaN or infinite (1-based epoch and step in the epoch).
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
    public let epoch: Int
    public let step: Int
    /// 1-based count of optimiser steps attempted, over all epochs.
    public let globalStep: Int
    public let loss: Float

    public var description: String {
        "training diverged: the loss became \(loss) at epoch \(epoch), step \(step) (step \(globalStep) overall)"
    }
}

/// The outcome of `Trainer.fit`: one `EpochResult` per completed epoch, the recorded minibatch losses, and
/// the divergence that stopped the run early, if any.
public struct TrainingResult: Sendable {
    public internal(set) var epochs: [EpochResult] = []
    /// The first `Trainer.recordedStepLosses` minibatch losses (`loss.item()` before backward).
    public internal(set) var stepLosses: [Float] = []
    public internal(set) var divergence: Divergence?

    /// True when every requested epoch ran.
    public var completed: Bool { divergence == nil }
}

/// A training run that could not start or continue: bad shapes, a bad batch order, or a schedule error.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case shape(String)
    case batchOrder(epoch: Int, reason: String)
    case missingTestData(String)
    case optimizer(OptimizerError)
    case scheduler(SchedulerError)

    public var description: String {
        switch self {
        case let .shape(s): "training data does not fit the model: \(s)"
        case let .batchOrder(epoch, reason): "the batch order for epoch \(epoch + 1) is invalid: \(reason)"
        case let .missingTestData(what): "\(what) needs held-out data, but none was given"
        case let .optimizer(e): e.description
        case let .scheduler(e): e.description
        }
    }
}
