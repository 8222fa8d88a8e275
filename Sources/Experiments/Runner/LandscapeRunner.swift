import NumericCore

/// Runs a `landscape` block: every run starts at the same point and steps down the objective's exact
/// gradient, recording the point, the loss there and the step's change after every step (step 0 is the start).
///
/// A torch optimiser updates a 2-element parameter `[x, y]` with the numeric core's single-tensor
/// arithmetic, in the block's precision, and the gradient is the symbolic one evaluated with torch's
/// operations in that precision (`Expression.value(at:)`), so a float32 run repeats what
/// `torch.optim.X([p]).step()` after `f(p[0], p[1]).backward()` does, bit for bit. Textbook rules run in float64.
struct LandscapeRunner {
    let spec: LandscapeSpec

    func run() throws(RunError) -> [RunResult] {
        var results: [RunResult] = []
        for run in spec.runs {
            switch (run.stepper, spec.precision) {
            case (.optimizer(let o), .float32): results.append(try descend(run.label, Float.self, optimizer(o, run.label)))
            case (.optimizer(let o), .float64): results.append(try descend(run.label, Double.self, optimizer(o, run.label)))
            case (.rule(let rule), _): results.append(try descend(run.label, Double.self, TextbookStepper(rule: TextbookRule(rule))))
            }
        }
        return results
    }

    private func optimizer(_ spec: OptimizerSpec, _ label: String) throws(RunError) -> OptimizerStepper {
        do { return OptimizerStepper(optimizer: try CoreFactory.optimizer(spec)) } catch {
            throw RunError("run '\(label)': \(error)")
        }
    }

    private func descend<T: ObjectiveScalar>(_ label: String, _: T.Type, _ stepper: some LandscapeStepper) throws(RunError) -> RunResult {
        var stepper = stepper
        let f = spec.objective
        var p: [T] = spec.start.map { T($0) }
        func at(_ p: [T]) -> [String: T] { ["x": p[0], "y": p[1]] }
        var series: [String: [[Double]]] = [:]
        func record(_ p: [T], _ before: [T]) {
            let loss: T = f.expression.value(at: at(p))
            for (name, value) in [("x", p[0]), ("y", p[1]), ("loss", loss), ("dx", p[0] - before[0]), ("dy", p[1] - before[1])] {
                series[name, default: []].append([Double(value)])
            }
        }
        record(p, p)
        guard series["loss"]?.first?.first?.isFinite == true else {
            throw RunError("run '\(label)': the objective is not finite at the start (\(spec.start[0]), \(spec.start[1])); start elsewhere")
        }
        for t in 1...spec.steps {
            let g: [T] = f.gradient.map { $0.value(at: at(p)) }
            guard g.allSatisfy(\.isFinite) else {
                throw RunError("run '\(label)': the gradient is not finite at step \(t) (x = \(Double(p[0])), y = \(Double(p[1])), "
                    + "gradient \(g.map { Double($0) })); start elsewhere or lower the learning rate")
            }
            let before = p
            do { try stepper.step(&p, g) } catch {
                throw RunError("run '\(label)', step \(t): \(error)")
            }
            record(p, before)
            guard p.allSatisfy(\.isFinite), series["loss"]?.last?.first?.isFinite == true else {
                throw RunError("run '\(label)' diverged: after step \(t) the point is (\(Double(p[0])), \(Double(p[1]))) with loss "
                    + "\(series["loss"]?.last?.first ?? .nan); lower its learning rate or take fewer steps")
            }
        }
        return RunResult(label: label, series: series)
    }
}

/// What moves the point: a torch optimiser in the run's precision, or a textbook rule in float64.
private protocol LandscapeStepper {
    mutating func step<T: ObjectiveScalar>(_ p: inout [T], _ g: [T]) throws(OptimizerError)
}

private struct OptimizerStepper: LandscapeStepper {
    var optimizer: any Optimizer

    mutating func step<T: ObjectiveScalar>(_ p: inout [T], _ g: [T]) throws(OptimizerError) {
        if var p32 = p as? [Float], let g32 = g as? [Float] {
            try optimizer.step(parameters: &p32, gradients: g32)
            p = p32.map { T($0) }
        } else {
            var p64 = p.map { Double($0) }
            try optimizer.step(parameters: &p64, gradients: g.map { Double($0) })
            p = p64.map { T($0) }
        }
    }
}

private struct TextbookStepper: LandscapeStepper {
    var rule: TextbookRule

    mutating func step<T: ObjectiveScalar>(_ p: inout [T], _ g: [T]) throws(OptimizerError) {
        var w = p.map { Double($0) }
        rule.step(&w, g.map { Double($0) })
        p = w.map { T($0) }
    }
}
