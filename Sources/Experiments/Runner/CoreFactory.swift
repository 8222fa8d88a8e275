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
        case let .stepLR(stepSize, gamma):
            return try StepLR(baseLR: baseLR, stepSize: stepSize, gamma: gamma)
        case let .cosineAnnealingLR(tMax, etaMin):
            return try CosineAnnealingLR(baseLR: baseLR, tMax: tMax, etaMin: etaMin)
        case .reduceLROnPlateau:
            return nil
        case .exponentialLR(let gamma):
            return ExponentialLR(baseLR: baseLR, gamma: gamma)
        case let .multiStepLR(milestones, gamma):
            return MultiStepLR(baseLR: baseLR, milestones: milestones, gamma: gamma)
        case let .constantLR(factor, total):
            return try ConstantLR(baseLR: baseLR, factor: factor, totalIters: total)
        case let .linearLR(start, end, total):
            return try LinearLR(baseLR: baseLR, startFactor: start, endFactor: end, totalIters: total)
        case .oneCycleLR(let o):
            return try OneCycleLR(maxLR: o.maxLR, totalSteps: o.totalSteps, pctStart: o.pctStart,
                                  annealStrategy: o.annealStrategy == .cos ? .cos : .linear,
                                  cycleMomentum: o.cycleMomentum, baseMomentum: o.baseMomentum,
                                  maxMomentum: o.maxMomentum, divFactor: o.divFactor,
                                  finalDivFactor: o.finalDivFactor, threePhase: o.threePhase)
        case .lambdaLR(let expression):
            // An expression that fails to evaluate gives NaN: the run then diverges visibly.
            return LambdaLR(baseLR: baseLR) { step in
                (try? expression.number(using: lambdaVariables(step))) ?? .nan
            }
        case let .warmupCosine(warmup, total):
            // The one definition of the format's WarmupCosine, as lr_schedules.py and the format's docs write it,
            // left to right: (π·(step − w)) / (total − w). (π·((step − w)/(total − w)) is one ulp off at some steps.)
            return LambdaLR(baseLR: baseLR) { step in
                if step < warmup { return Double(step) / Double(warmup) }
                return 0.5 * (1 + cos(Double.pi * Double(step - warmup) / Double(total - warmup)))
            }
        }
    }

    static func plateau(_ o: ReduceLROnPlateauOptions, baseLR: Double) throws(SchedulerError) -> ReduceLROnPlateau {
        try ReduceLROnPlateau(baseLR: baseLR, mode: o.mode == .min ? .min : .max, factor: o.factor, patience: o.patience,
                              threshold: o.threshold, thresholdMode: o.thresholdMode == .rel ? .rel : .abs,
                              cooldown: o.cooldown, minLR: o.minLR, eps: o.eps)
    }
}
