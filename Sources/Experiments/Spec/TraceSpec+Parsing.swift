import Yams

extension TraceSpec {
    static let keys = ["precision", "params", "gradients", "runs", "record"]
    static let limits = (steps: 100_000, params: 10_000)

    static func parse(_ f: Fields, _ reader: SpecReader) -> TraceSpec? {
        let precision: Precision = f.choice("precision", "precision") ?? .float64
        let paramsNode = f.required("params", " (e.g. params: [1.0, -0.5])")
        let params = paramsNode.flatMap { reader.doubles($0, "params") }
        if let params, let paramsNode, params.isEmpty || params.count > limits.params {
            reader.error(paramsNode, "'params' needs from 1 to \(limits.params) numbers")
        }
        let gradients = f.required("gradients").flatMap { parseGradients($0, count: params?.count, reader) }
        var record: [TraceQuantity] = [.param]
        if let node = f["record"], let items = reader.list(node, "record") {
            record = items.compactMap { reader.choice($0, "recorded quantity") }
            if record.count < items.count { reader.forgive(TraceQuantity.allCases.map(\.rawValue)) }
        }
        let runs = TraceRun.parseList(f, reader)
        guard let params, let gradients else { return nil }
        checkMemory(params: params.count, gradients: gradients, runs: runs.count, record: record, f["gradients"] ?? f.node, reader)
        return TraceSpec(precision: precision, params: params, gradients: gradients, runs: runs, record: record)
    }

    /// Refuses a trace whose recorded values would pass the memory budget of train blocks
    /// (`numpy_randn: {steps: 100000}` over 10 000 params is 10⁹ gradient values, 8 GB, before anything is
    /// recorded): steps × params × 8 bytes × (the gradients + per run its trajectory and each recorded quantity).
    private static func checkMemory(params: Int, gradients: GradientSource, runs: Int, record: [TraceQuantity],
                                    _ node: Node, _ reader: SpecReader) {
        let steps = switch gradients {
        case .explicit(let list): list.count
        case .numpyRandn(_, _, let steps): steps
        }
        let perRun = Double(1 + record.count)
        let bytes = Double(steps) * Double(params) * 8 * (1 + Double(max(runs, 1)) * perRun)
        guard bytes > TrainSpec.memoryBudget else { return }
        reader.error(node, "this trace would record about \(TrainSpec.gigabytes(bytes)) (\(steps) steps × \(params) params, "
            + "for the gradients and \(max(runs, 1)) run(s) × \(Int(perRun)) series), over the memory budget of "
            + "\(TrainSpec.gigabytes(TrainSpec.memoryBudget)); reduce the steps or the params")
    }

    private static func parseGradients(_ node: Node, count: Int?, _ reader: SpecReader) -> GradientSource? {
        if case .sequence(let steps) = node {
            var vectors: [[Double]] = []
            for step in steps {
                // A bare number is a one-element gradient, for single-parameter traces.
                let vector = step.scalar != nil ? reader.double(step, "gradients").map { [$0] } : reader.doubles(step, "gradients")
                guard let vector else { continue }
                if let count, vector.count != count {
                    reader.error(step, "each gradient needs \(count) values (one per parameter), got \(vector.count)")
                }
                vectors.append(vector)
            }
            if vectors.isEmpty || vectors.count > limits.steps { reader.error(node, "'gradients' needs from 1 to \(limits.steps) steps") }
            return vectors.count == steps.count ? .explicit(vectors) : nil
        }
        guard let g = Fields(node, "gradients", allowed: ["numpy_randn"], reader: reader),
              let randn = g.required("numpy_randn", " (or give a list of gradient vectors)"),
              let r = Fields(randn, "gradients.numpy_randn", allowed: ["seed", "scale", "steps"], reader: reader),
              let seed = r.requiredInt("seed", "must be from 0 to 2^32-1", { (0...4_294_967_295).contains($0) }),
              let steps = r.requiredInt("steps", "must be from 1 to \(limits.steps)", { (1...limits.steps).contains($0) })
        else { return nil }
        return .numpyRandn(seed: seed, scale: r.double("scale", default: 1, Rule.positive) { $0 > 0 }, steps: steps)
    }

    fileprivate static func parseRule(_ node: Node, _ context: String, _ reader: SpecReader) -> TraceRule? {
        guard let nameNode = node.mapping?["name"] else {
            reader.error(node, "missing required key 'name' in \(context) (one of \(TraceRule.Name.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let name: TraceRule.Name = reader.choice(nameNode, "rule") else { return nil }
        switch name {
        case .sgdMomentumTextbook:
            guard let f = Fields(node, context, allowed: ["name", "lr", "beta"], reader: reader),
                  let lr = f.requiredDouble("lr", Rule.positive, { $0 > 0 }) else { return nil }
            return .sgdMomentumTextbook(lr: lr, beta: f.double("beta", default: 0.9, "must be in [0, 1)") { $0 >= 0 && $0 < 1 })
        case .adamTextbook, .adamNoBiasCorrection:
            guard let f = Fields(node, context, allowed: ["name", "lr", "betas", "eps"], reader: reader) else { return nil }
            let lr = f.double("lr", default: 1e-3, Rule.positive) { $0 > 0 }
            var betas = [0.9, 0.999]
            if let b = f["betas"], let values = reader.doubles(b, "betas") {
                if values.count == 2, values.allSatisfy({ $0 >= 0 && $0 < 1 }) { betas = values } else {
                    reader.error(b, "'betas' must be two numbers in [0, 1), such as [0.9, 0.999]")
                }
            }
            let eps = f.double("eps", default: 1e-8, Rule.nonNegative) { $0 >= 0 }
            return name == .adamTextbook
                ? .adamTextbook(lr: lr, beta1: betas[0], beta2: betas[1], eps: eps)
                : .adamNoBiasCorrection(lr: lr, beta1: betas[0], beta2: betas[1], eps: eps)
        }
    }

    var canonical: Canonical {
        let gradientsCanonical: Canonical
        switch gradients {
        case .explicit(let list): gradientsCanonical = .array(list.map { .array($0.map { .number($0) }) })
        case .numpyRandn(let seed, let scale, let steps):
            gradientsCanonical = .object(["numpy_randn": .object(["seed": .int(seed), "scale": .number(scale), "steps": .int(steps)])])
        }
        return .object([
            "precision": .string(precision.rawValue), "params": .array(params.map { .number($0) }),
            "gradients": gradientsCanonical, "record": .array(record.map { .string($0.rawValue) }),
            "runs": .array(runs.map(\.canonical)),
        ])
    }
}

extension TraceRun {
    /// The required `runs` list of a trace or landscape block: each a label and either a torch `optimizer`
    /// or a textbook `rule`.
    static func parseList(_ f: Fields, _ reader: SpecReader) -> [TraceRun] {
        var runs: [TraceRun] = []
        guard let runsNode = f.required("runs"), let items = reader.list(runsNode, "runs") else { return runs }
        if items.isEmpty || items.count > TrainSpec.limits.runs {
            reader.error(runsNode, "'runs' needs from 1 to \(TrainSpec.limits.runs) runs")
        }
        for (i, item) in items.enumerated() {
            let context = "runs[\(i + 1)]"
            guard let r = Fields(item, context, allowed: ["label", "optimizer", "rule"], reader: reader) else { continue }
            let label = Labels.parse(r, context, existing: runs.map(\.label), reader)
            var stepper: TraceRun.Stepper?
            switch (r["optimizer"], r["rule"]) {
            case (let node?, nil): stepper = OptimizerSpec.parse(node, "\(context).optimizer", reader).map { .optimizer($0) }
            case (nil, let node?): stepper = TraceSpec.parseRule(node, "\(context).rule", reader).map { .rule($0) }
            default: reader.error(item, "\(context) needs exactly one of 'optimizer' (a torch optimiser) or 'rule' (a textbook rule)")
            }
            if let label, let stepper {
                runs.append(TraceRun(label: label, stepper: stepper))
            } else if let label {
                reader.forgive([label])  // a known run whose options are wrong
            }
        }
        return runs
    }

    var canonical: Canonical {
        switch stepper {
        case .optimizer(let o): return .object(["label": .string(label), "optimizer": o.canonical])
        case .rule(let rule): return .object(["label": .string(label), "rule": rule.canonical])
        }
    }
}
