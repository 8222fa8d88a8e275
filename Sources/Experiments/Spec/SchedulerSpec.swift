import Diagnostics

/// A learning-rate scheduler (torch spelling and defaults) and when it steps.
public struct SchedulerSpec: Sendable, Hashable {
    /// The scheduler with its options resolved (defaults filled, totals computed from the training section).
    public enum Kind: Sendable, Hashable {
        case stepLR(stepSize: Int, gamma: Double)
        case cosineAnnealingLR(tMax: Int, etaMin: Double)
        case reduceLROnPlateau(ReduceLROnPlateauOptions)
        case oneCycleLR(OneCycleLROptions)
        /// `LambdaLR`: lr = base_lr × lr_lambda(step), `step` counting scheduler steps from 0.
        case lambdaLR(LambdaFormula)
        /// Linear warmup then cosine decay, as `LambdaLR` with
        /// `step < w ? step / w : 0.5 * (1 + cos(pi * (step - w) / (total - w)))`.
        case warmupCosine(warmupSteps: Int, totalSteps: Int)
        case exponentialLR(gamma: Double)
        case multiStepLR(milestones: [Int], gamma: Double)
        case constantLR(factor: Double, totalIters: Int)
        case linearLR(startFactor: Double, endFactor: Double, totalIters: Int)
        /// SGDR's cosine with warm restarts: cycles of T_0, T_0·T_mult, … steps.
        case cosineAnnealingWarmRestarts(t0: Int, tMult: Int, etaMin: Double)
        /// `SequentialLR`: `schedulers[i]` takes over at step `milestones[i − 1]` (one milestone fewer than schedulers).
        case sequentialLR(schedulers: [Kind], milestones: [Int])
    }

    /// The names accepted after `name:`.
    public enum Name: String, Sendable, CaseIterable {
        case stepLR = "StepLR", cosineAnnealingLR = "CosineAnnealingLR", reduceLROnPlateau = "ReduceLROnPlateau"
        case oneCycleLR = "OneCycleLR", lambdaLR = "LambdaLR", warmupCosine = "WarmupCosine"
        case exponentialLR = "ExponentialLR", multiStepLR = "MultiStepLR", constantLR = "ConstantLR", linearLR = "LinearLR"
        case cosineAnnealingWarmRestarts = "CosineAnnealingWarmRestarts", sequentialLR = "SequentialLR"
    }

    /// Whether `scheduler.step()` runs after every optimiser step or after every epoch.
    public enum Interval: String, Sendable, Hashable, CaseIterable {
        case epoch, step
    }

    public var kind: Kind
    public var interval: Interval

    /// The torch class name (WarmupCosine is our name for a LambdaLR shape).
    public var name: Name { kind.name }
}

/// An `lr_lambda` formula and where it is written, so that a step where it cannot be evaluated (a division by
/// zero) is an error at its column. Two formulas are equal when their expressions are: where they are written
/// does not change what they compute (`SharedTraining` trains equal runs once).
public struct LambdaFormula: Sendable, Hashable {
    public var expression: Expression
    /// Where the formula's text is written in the markdown file; the expression's offsets count from its start.
    public var site: FormulaSite

    public static func == (a: LambdaFormula, b: LambdaFormula) -> Bool { a.expression == b.expression }

    public func hash(into hasher: inout Hasher) { hasher.combine(expression) }
}

extension SchedulerSpec.Kind {
    /// The torch class name (WarmupCosine is our name for a LambdaLR shape).
    public var name: SchedulerSpec.Name {
        switch self {
        case .stepLR: .stepLR
        case .cosineAnnealingLR: .cosineAnnealingLR
        case .reduceLROnPlateau: .reduceLROnPlateau
        case .oneCycleLR: .oneCycleLR
        case .lambdaLR: .lambdaLR
        case .warmupCosine: .warmupCosine
        case .exponentialLR: .exponentialLR
        case .multiStepLR: .multiStepLR
        case .constantLR: .constantLR
        case .linearLR: .linearLR
        case .cosineAnnealingWarmRestarts: .cosineAnnealingWarmRestarts
        case .sequentialLR: .sequentialLR
        }
    }
}

/// `ReduceLROnPlateau` options; `monitor` is the metric passed to `scheduler.step(value)` each epoch.
public struct ReduceLROnPlateauOptions: Sendable, Hashable {
    /// Whether lower (`min`) or higher (`max`) values of the monitored metric are better.
    public enum Mode: String, Sendable, CaseIterable { case min, max }
    /// Whether `threshold` is relative to the best value or absolute.
    public enum ThresholdMode: String, Sendable, CaseIterable { case rel, abs }
    public var mode = Mode.min
    public var factor = 0.1
    public var patience = 10
    public var threshold = 1e-4
    public var thresholdMode = ThresholdMode.rel
    public var cooldown = 0
    public var minLR = 0.0
    public var eps = 1e-8
    public var monitor: Metric
}

/// `OneCycleLR` options with `totalSteps` resolved.
public struct OneCycleLROptions: Sendable, Hashable {
    /// How the learning rate moves between phases.
    public enum AnnealStrategy: String, Sendable, CaseIterable { case cos, linear }
    public var maxLR: Double
    public var totalSteps: Int
    public var pctStart = 0.3
    public var annealStrategy = AnnealStrategy.cos
    public var divFactor = 25.0
    public var finalDivFactor = 1e4
    public var threePhase = false
    public var cycleMomentum = true
    public var baseMomentum = 0.85
    public var maxMomentum = 0.95
}

extension SchedulerSpec {
    var canonical: Canonical {
        var fields = kind.canonicalFields
        fields["interval"] = .string(interval.rawValue)
        return .object(fields)
    }
}

extension SchedulerSpec.Kind {
    /// The scheduler's name and options (a SequentialLR's schedulers as a list of these).
    var canonicalFields: [String: Canonical] {
        var fields: [String: Canonical] = [:]
        switch self {
        case .stepLR(let size, let gamma):
            fields.merge(["name": .string("StepLR"), "step_size": .int(size), "gamma": .number(gamma)]) { $1 }
        case .cosineAnnealingLR(let tMax, let etaMin):
            fields.merge(["name": .string("CosineAnnealingLR"), "T_max": .int(tMax), "eta_min": .number(etaMin)]) { $1 }
        case .reduceLROnPlateau(let o):
            fields.merge(["name": .string("ReduceLROnPlateau"), "mode": .string(o.mode.rawValue),
                          "factor": .number(o.factor), "patience": .int(o.patience), "threshold": .number(o.threshold),
                          "threshold_mode": .string(o.thresholdMode.rawValue), "cooldown": .int(o.cooldown),
                          "min_lr": .number(o.minLR), "eps": .number(o.eps), "monitor": .string(o.monitor.rawValue)]) { $1 }
        case .oneCycleLR(let o):
            fields.merge(["name": .string("OneCycleLR"), "max_lr": .number(o.maxLR), "total_steps": .int(o.totalSteps),
                          "pct_start": .number(o.pctStart), "anneal_strategy": .string(o.annealStrategy.rawValue),
                          "div_factor": .number(o.divFactor), "final_div_factor": .number(o.finalDivFactor),
                          "three_phase": .bool(o.threePhase), "cycle_momentum": .bool(o.cycleMomentum),
                          "base_momentum": .number(o.baseMomentum), "max_momentum": .number(o.maxMomentum)]) { $1 }
        case .lambdaLR(let formula):
            fields.merge(["name": .string("LambdaLR"), "lr_lambda": .string(formula.expression.description)]) { $1 }
        case .warmupCosine(let warmup, let total):
            fields.merge(["name": .string("WarmupCosine"), "warmup_steps": .int(warmup), "total_steps": .int(total)]) { $1 }
        case .exponentialLR(let gamma):
            fields.merge(["name": .string("ExponentialLR"), "gamma": .number(gamma)]) { $1 }
        case let .multiStepLR(milestones, gamma):
            fields.merge(["name": .string("MultiStepLR"), "milestones": .array(milestones.map { .int($0) }),
                          "gamma": .number(gamma)]) { $1 }
        case let .constantLR(factor, total):
            fields.merge(["name": .string("ConstantLR"), "factor": .number(factor), "total_iters": .int(total)]) { $1 }
        case let .linearLR(start, end, total):
            fields.merge(["name": .string("LinearLR"), "start_factor": .number(start), "end_factor": .number(end),
                          "total_iters": .int(total)]) { $1 }
        case let .cosineAnnealingWarmRestarts(t0, tMult, etaMin):
            fields.merge(["name": .string("CosineAnnealingWarmRestarts"), "T_0": .int(t0), "T_mult": .int(tMult),
                          "eta_min": .number(etaMin)]) { $1 }
        case let .sequentialLR(schedulers, milestones):
            fields.merge(["name": .string("SequentialLR"), "schedulers": .array(schedulers.map { .object($0.canonicalFields) }),
                          "milestones": .array(milestones.map { .int($0) })]) { $1 }
        }
        return fields
    }
}
