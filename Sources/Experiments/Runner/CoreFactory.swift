import Foundation
import NumericCore

/// Builds numeric-core optimisers and schedulers from parsed specs. The core rejects what torch
/// rejects; its message is passed on for the caller to attach to the block's location.
enum CoreFactory {
    static func optimizer(_ spec: OptimizerSpec) throws(OptimizerError) -> any Optimizer {
        switch spec {
        case .sgd(let o):
            return try SGD(lr: o.lr, momentum: o.momentum, dampening: o.dampening, weightDecay: o.weightDecay,
                           nesterov: o.nesterov)
        case .adam(let o):
            return try Adam(lr: o.lr, betas: (o.beta1, o.beta2), eps: o.eps, weightDecay: o.weightDecay, amsgrad: o.amsgrad)
        case .adamW(let o):
            return try AdamW(lr: o.lr, betas: (o.beta1, o.beta2), eps: o.eps, weightDecay: o.weightDecay, amsgrad: o.amsgrad)
        case let .adaptive(name, o):
            return try adaptive(name, o)
        }
    }

    /// A scheduler stepped without a metric, starting from `baseLR`; nil for ReduceLROnPlateau.
    static func scheduler(_ spec: SchedulerSpec, baseLR: Double,
                          lambdaVariables: @escaping @Sendable (Int) -> VariableResolver) throws(SchedulerError) -> (any LRScheduler)? {
        switch spec.kind {
        case .reduceLROnPlateau:
            return nil
        case .oneCycleLR(let o):
            return try OneCycleLR(maxLR: o.maxLR, totalSteps: o.totalSteps, pctStart: o.pctStart,
                                  annealStrategy: o.annealStrategy == .cos ? .cos : .linear,
                                  cycleMomentum: o.cycleMomentum, baseMomentum: o.baseMomentum,
                                  maxMomentum: o.maxMomentum, divFactor: o.divFactor,
                                  finalDivFactor: o.finalDivFactor, threePhase: o.threePhase)
        case let .sequentialLR(kinds, milestones):
            var schedulers: [any RestartableLRScheduler] = []
            for kind in kinds {
                schedulers.append(try restartable(kind, baseLR: baseLR, lambdaVariables: lambdaVariables))
            }
            return try SequentialLR(schedulers: schedulers, milestones: milestones)
        default:
            return try restartable(spec.kind, baseLR: baseLR, lambdaVariables: lambdaVariables)
        }
    }

    static func plateau(_ o: ReduceLROnPlateauOptions, baseLR: Double) throws(SchedulerError) -> ReduceLROnPlateau {
        try ReduceLROnPlateau(baseLR: baseLR, mode: o.mode == .min ? .min : .max, factor: o.factor, patience: o.patience,
                              threshold: o.threshold, thresholdMode: o.thresholdMode == .rel ? .rel : .abs,
                              cooldown: o.cooldown, minLR: o.minLR, eps: o.eps)
    }
}
