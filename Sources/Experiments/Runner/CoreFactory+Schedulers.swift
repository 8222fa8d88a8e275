import Diagnostics
import Foundation
import NumericCore

extension CoreFactory {
    /// A scheduler that can stand alone or be one of SequentialLR's, starting from `baseLR`. OneCycleLR,
    /// ReduceLROnPlateau and SequentialLR itself are built by `scheduler(_:baseLR:lambdaVariables:)` and refused
    /// here (the spec parser never puts them in a sequence).
    static func restartable(_ kind: SchedulerSpec.Kind, baseLR: Double,
                            lambdaVariables: @escaping @Sendable (Int) -> VariableResolver) throws(SchedulerError) -> any RestartableLRScheduler {
        switch kind {
        case let .stepLR(stepSize, gamma):
            return try StepLR(baseLR: baseLR, stepSize: stepSize, gamma: gamma)
        case let .cosineAnnealingLR(tMax, etaMin):
            return try CosineAnnealingLR(baseLR: baseLR, tMax: tMax, etaMin: etaMin)
        case let .cosineAnnealingWarmRestarts(t0, tMult, etaMin):
            return try CosineAnnealingWarmRestarts(baseLR: baseLR, t0: t0, tMult: tMult, etaMin: etaMin)
        case .exponentialLR(let gamma):
            return ExponentialLR(baseLR: baseLR, gamma: gamma)
        case let .multiStepLR(milestones, gamma):
            return MultiStepLR(baseLR: baseLR, milestones: milestones, gamma: gamma)
        case let .constantLR(factor, total):
            return try ConstantLR(baseLR: baseLR, factor: factor, totalIters: total)
        case let .linearLR(start, end, total):
            return try LinearLR(baseLR: baseLR, startFactor: start, endFactor: end, totalIters: total)
        case .lambdaLR(let formula):
            // A formula that cannot be evaluated at a step is an error at its column, as torch raises what the
            // lambda raises (a ZeroDivisionError); `RunError(_:_:)` reports it there.
            return try LambdaLR(baseLR: baseLR) { step throws(SchedulerError) in
                do throws(ExpressionError) {
                    return try formula.expression.number(using: lambdaVariables(step))
                } catch {
                    throw .lambdaFailed(step: step, cause: Diagnostic.error(at: formula.site.location(at: error.offset),
                        "'lr_lambda' cannot be evaluated for step = \(step): \(error.message); "
                        + "write a formula defined at every step from 0 (PyTorch raises this error too)"))
                }
            }
        case let .warmupCosine(warmup, total):
            // The one definition of the format's WarmupCosine, as lr_schedules.py and the format's docs write it,
            // left to right: (π·(step − w)) / (total − w). (π·((step − w)/(total − w)) is one ulp off at some steps.)
            return try LambdaLR(baseLR: baseLR) { step in
                if step < warmup { return Double(step) / Double(warmup) }
                return 0.5 * (1 + cos(Double.pi * Double(step - warmup) / Double(total - warmup)))
            }
        case .reduceLROnPlateau, .oneCycleLR, .sequentialLR:
            throw .invalidArgument(name: kind.name.rawValue, value: 0, requirement: "it cannot be one of SequentialLR's schedulers")
        }
    }
}
