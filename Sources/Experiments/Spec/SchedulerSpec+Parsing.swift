import Yams

extension SchedulerSpec {
    /// What a scheduler may take from its surroundings: the training length (train blocks only), the
    /// metrics it may monitor, and the names an `lr_lambda` may use besides `step`.
    struct Context {
        var epochs: Int?
        var stepsPerEpoch: Int?
        var monitorable: [Metric]
        var constants: [String]
    }

    /// The most scheduler steps a schedule may span (1e11 keeps every product of sizes far from overflow).
    static let maxSteps = 100_000_000_000

    static let keys: [Name: [String]] = [
        .stepLR: ["step_size", "gamma"],
        .cosineAnnealingLR: ["T_max", "eta_min"],
        .reduceLROnPlateau: ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr",
                             "eps", "monitor"],
        .oneCycleLR: ["max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy",
                      "div_factor", "final_div_factor", "three_phase", "cycle_momentum", "base_momentum",
                      "max_momentum"],
        .lambdaLR: ["lr_lambda"],
        .warmupCosine: ["warmup_fraction", "warmup_steps", "total_steps"],
        .exponentialLR: ["gamma"],
        .multiStepLR: ["milestones", "gamma"],
        .constantLR: ["factor", "total_iters"],
        .linearLR: ["start_factor", "end_factor", "total_iters"],
        .cosineAnnealingWarmRestarts: ["T_0", "T_mult", "eta_min"],
        .sequentialLR: ["schedulers", "milestones"],
    ]

    /// Parses `{name: CosineAnnealingLR, T_max: 150, …}`. `extraKeys` are the caller's own keys in the
    /// same mapping (`label`, `base_lr` in schedule blocks), checked but ignored here.
    static func parse(_ node: Node, _ context: String, _ reader: SpecReader, _ env: Context,
                      extraKeys: [String] = ["interval"]) -> SchedulerSpec? {
        guard let mapping = node.mapping else {
            reader.error(node, "\(context) must be a mapping such as {name: StepLR, step_size: 50}")
            return nil
        }
        guard let nameNode = mapping["name"] else {
            reader.error(node, "missing required key 'name' in \(context)")
            return nil
        }
        guard let name: Name = reader.choice(nameNode, "scheduler"),
              let f = Fields(node, context, allowed: ["name"] + extraKeys + (keys[name] ?? []), reader: reader)
        else { return nil }
        let defaultInterval: Interval = name == .oneCycleLR || name == .warmupCosine ? .step : .epoch
        let interval: Interval = f.choice("interval", "interval") ?? defaultInterval
        let isTraining = env.epochs != nil
        /// Scheduler steps in the whole training run, when the training section says.
        let trainingSteps = env.epochs.map { $0 * (interval == .step ? (env.stepsPerEpoch ?? 1) : 1) }
        let kind: Kind?
        switch name {
        case .stepLR:
            let size = f.requiredInt("step_size", Rule.atLeastOne) { $0 >= 1 }
            let gamma = f.double("gamma", default: 0.1, Rule.positive) { $0 > 0 }
            kind = size.map { .stepLR(stepSize: $0, gamma: gamma) }
        case .cosineAnnealingLR:
            let tMax = f.requiredInt("T_max", Rule.atLeastOne) { $0 >= 1 }
            let etaMin = f.double("eta_min", default: 0, Rule.nonNegative) { $0 >= 0 }
            kind = tMax.map { .cosineAnnealingLR(tMax: $0, etaMin: etaMin) }
        case .reduceLROnPlateau:
            if !isTraining { reader.error(nameNode, "ReduceLROnPlateau needs a monitored metric, so it only works in train blocks") }
            if interval == .step { reader.error(f["interval"], "ReduceLROnPlateau steps once per epoch; use interval: epoch") }
            kind = parsePlateau(f, reader, env).map { .reduceLROnPlateau($0) }
        case .oneCycleLR:
            kind = parseOneCycle(f, reader, env, interval: interval, trainingSteps: trainingSteps).map { .oneCycleLR($0) }
        case .lambdaLR:
            guard let exprNode = f.required("lr_lambda"), let expression = reader.expression(exprNode, "lr_lambda") else {
                return nil
            }
            NameScope(bare: ["step"] + env.constants).check(expression, in: exprNode, "lr_lambda", reader)
            kind = .lambdaLR(LambdaFormula(expression: expression, site: reader.site(of: exprNode)))
        case .warmupCosine:
            if f.has("warmup_fraction") && f.has("warmup_steps") {
                reader.error(f["warmup_steps"], "give either warmup_fraction or warmup_steps in \(context), not both")
            }
            let total = f.has("total_steps") || trainingSteps == nil
                ? f.requiredInt("total_steps", "must be from 1 to \(maxSteps)") { (1...maxSteps).contains($0) }
                : trainingSteps
            let fraction = f.double("warmup_fraction", default: 0.1, "must be from 0 to 1 (exclusive)") { $0 >= 0 && $0 < 1 }
            guard let total else { return nil }
            // int(0.1 * total_steps), as the lesson's Python truncates.
            let warmup = f.int("warmup_steps", default: Int((fraction * Double(total)).rounded(.towardZero)),
                               Rule.nonNegative) { $0 >= 0 }
            if warmup >= total { reader.error(f["warmup_steps"] ?? node, "warmup (\(warmup) steps) must be shorter than total_steps (\(total))") }
            kind = .warmupCosine(warmupSteps: warmup, totalSteps: total)
        case .exponentialLR, .multiStepLR, .constantLR, .linearLR:
            kind = parseMultiplicative(name, f, reader)
        case .cosineAnnealingWarmRestarts:
            let t0 = f.requiredInt("T_0", "must be from 1 to \(maxSteps)") { (1...maxSteps).contains($0) }
            let tMult = f.int("T_mult", default: 1, "must be from 1 to 1000000") { (1...1_000_000).contains($0) }
            let etaMin = f.double("eta_min", default: 0, Rule.nonNegative) { $0 >= 0 }
            kind = t0.map { .cosineAnnealingWarmRestarts(t0: $0, tMult: tMult, etaMin: etaMin) }
        case .sequentialLR:
            kind = parseSequential(f, context, reader, env)
        }
        return kind.map { SchedulerSpec(kind: $0, interval: interval) }
    }

    private static func parsePlateau(_ f: Fields, _ reader: SpecReader, _ env: Context) -> ReduceLROnPlateauOptions? {
        guard let monitorNode = f.required("monitor", " (the metric to watch, e.g. test_loss)"),
              let monitor: Metric = reader.choice(monitorNode, "metric") else { return nil }
        if env.epochs != nil, !env.monitorable.contains(monitor) {
            // val_loss applies to every loss: it is missing only when the split has no validation part.
            reader.error(monitorNode, monitor == .valLoss ? TrainSpec.noValidationPart(monitor)
                : "ReduceLROnPlateau cannot monitor '\(monitor.rawValue)' here; use one of: "
                    + env.monitorable.map(\.rawValue).joined(separator: ", "))
        }
        var o = ReduceLROnPlateauOptions(monitor: monitor)
        o.mode = f.choice("mode", "mode") ?? .min
        o.factor = f.double("factor", default: 0.1, "must be below 1 and positive") { $0 > 0 && $0 < 1 }
        o.patience = f.int("patience", default: 10, Rule.nonNegative) { $0 >= 0 }
        o.threshold = f.double("threshold", default: 1e-4, Rule.nonNegative) { $0 >= 0 }
        o.thresholdMode = f.choice("threshold_mode", "threshold_mode") ?? .rel
        o.cooldown = f.int("cooldown", default: 0, Rule.nonNegative) { $0 >= 0 }
        o.minLR = f.double("min_lr", default: 0, Rule.nonNegative) { $0 >= 0 }
        o.eps = f.double("eps", default: 1e-8, Rule.nonNegative) { $0 >= 0 }
        return o
    }

    private static func parseOneCycle(_ f: Fields, _ reader: SpecReader, _ env: Context, interval: Interval,
                                      trainingSteps: Int?) -> OneCycleLROptions? {
        let maxLR = f.requiredDouble("max_lr", Rule.positive) { $0 > 0 }
        var total: Int?
        if f.has("total_steps") || (env.epochs == nil && !f.has("epochs") && !f.has("steps_per_epoch")) {
            total = f.requiredInt("total_steps", "must be from 1 to \(maxSteps)", { (1...maxSteps).contains($0) },
                                  why: " (or epochs and steps_per_epoch)")
        } else {
            // total_steps = epochs × steps_per_epoch; both default from the training section.
            let epochs = f.has("epochs") || env.epochs == nil
                ? f.requiredInt("epochs", "must be from 1 to 100000") { (1...100_000).contains($0) } : env.epochs
            let perEpoch = f.has("steps_per_epoch") || env.stepsPerEpoch == nil
                ? f.requiredInt("steps_per_epoch", "must be from 1 to 1000000") { (1...1_000_000).contains($0) }
                : (interval == .step ? env.stepsPerEpoch : 1)
            if let epochs, let perEpoch { total = epochs * perEpoch }
        }
        guard let maxLR, let total else { return nil }
        // The run steps the scheduler trainingSteps times, and torch refuses to step OneCycleLR past its total.
        if let trainingSteps, total < trainingSteps {
            reader.error(f["total_steps"] ?? f["epochs"] ?? f["steps_per_epoch"] ?? f.node,
                         "OneCycleLR has \(total) total steps, but the run steps it \(trainingSteps) times (once per "
                         + "\(interval == .step ? "batch" : "epoch")), and torch refuses to step past total_steps; "
                         + "make total_steps at least \(trainingSteps), or leave it out to have it computed")
        }
        var o = OneCycleLROptions(maxLR: maxLR, totalSteps: total)
        o.pctStart = f.double("pct_start", default: 0.3, Rule.unitInterval) { $0 > 0 && $0 < 1 }
        o.annealStrategy = f.choice("anneal_strategy", "anneal_strategy") ?? .cos
        o.divFactor = f.double("div_factor", default: 25, Rule.positive) { $0 > 0 }
        o.finalDivFactor = f.double("final_div_factor", default: 1e4, Rule.positive) { $0 > 0 }
        o.threePhase = f.bool("three_phase") ?? false
        o.cycleMomentum = f.bool("cycle_momentum") ?? true
        o.baseMomentum = f.double("base_momentum", default: 0.85, Rule.nonNegative) { $0 >= 0 }
        o.maxMomentum = f.double("max_momentum", default: 0.95, Rule.nonNegative) { $0 >= 0 }
        return o
    }
}
