import Foundation
import NumericCore

/// Runs a `trace` block: each run (a torch optimiser from the core, or a textbook rule) steps the same
/// starting parameters through the same gradients, recording the asked-for state after every step.
struct TraceRunner {
    let spec: TraceSpec

    func gradients() throws(RunError) -> [[Double]] {
        switch spec.gradients {
        case .explicit(let list):
            return list
        case let .numpyRandn(seed, scale, steps):
            // np.random.seed(seed); per step np.random.randn(n) * scale: one gauss() ⊗ scale per element.
            do {
                var rng = try NumpyRandomState(seed: Int64(seed))
                return (0..<steps).map { _ in spec.params.map { _ in rng.gauss() * scale } }
            } catch {
                throw RunError("gradients: \(error)")
            }
        }
    }

    func run() throws(RunError) -> [RunResult] {
        let grads = try gradients()
        var results: [RunResult] = []
        var firstParams: [[Double]] = []
        for (index, run) in spec.runs.enumerated() {
            var recorded: [String: [[Double]]] = [:]
            var params = spec.params
            var params32 = spec.params.map { Float($0) }
            let float32 = spec.precision == .float32
            func record(_ quantity: TraceQuantity, _ values: [Double]?) {
                guard spec.record.contains(quantity), let values else { return }
                recorded[quantity.rawValue, default: []].append(values)
            }
            var trajectory: [[Double]] = []
            switch run.stepper {
            case .optimizer(let optimizerSpec):
                var optimizer: any Optimizer
                do { optimizer = try CoreFactory.optimizer(optimizerSpec) } catch {
                    throw RunError("run '\(run.label)': \(error)")
                }
                for (t, g) in grads.enumerated() {
                    let before = float32 ? params32.map(Double.init) : params
                    do {
                        if float32 {
                            try optimizer.step(parameters: &params32, gradients: g.map { Float($0) })
                        } else {
                            try optimizer.step(parameters: &params, gradients: g)
                        }
                    } catch {
                        throw RunError("run '\(run.label)', step \(t + 1): \(error)")
                    }
                    let now = float32 ? params32.map(Double.init) : params
                    trajectory.append(now)
                    record(.param, now)
                    record(.grad, g)
                    record(.stepRatio, zip(before, now).map { ($0 - $1) / optimizerSpec.lr })
                    let state = Self.state(of: optimizer, float32: float32)
                    record(.m, state.m)
                    record(.v, state.v)
                    record(.velocity, state.velocity)
                    if let m = state.m, let v = state.v, let (b1, b2) = Self.betas(optimizerSpec) {
                        let step = Double(t + 1)
                        record(.mHat, m.map { $0 / (1 - pow(b1, step)) })
                        record(.vHat, v.map { $0 / (1 - pow(b2, step)) })
                    }
                }
            case .rule(let rule):
                var textbook = TextbookRule(rule)
                for g in grads {
                    let before = params
                    textbook.step(&params, g)
                    trajectory.append(params)
                    record(.param, params)
                    record(.grad, g)
                    record(.stepRatio, zip(before, params).map { ($0 - $1) / textbook.lr })
                    if case .sgdMomentumTextbook = rule {
                        record(.velocity, textbook.velocity)
                    } else {
                        record(.m, textbook.m)
                        record(.v, textbook.v)
                        record(.mHat, textbook.mHat)
                        record(.vHat, textbook.vHat)
                    }
                }
            }
            if index == 0 { firstParams = trajectory }
            if spec.record.contains(.maxAbsDiff) {
                recorded[TraceQuantity.maxAbsDiff.rawValue] = zip(trajectory, firstParams).map { now, first in
                    [zip(now, first).map { abs($0 - $1) }.max() ?? 0]
                }
            }
            results.append(RunResult(label: run.label, series: recorded))
        }
        return results
    }

    private static func betas(_ spec: OptimizerSpec) -> (Double, Double)? {
        switch spec {
        case .adam(let o), .adamW(let o): (o.beta1, o.beta2)
        case .sgd, .adaptive: nil
        }
    }

    private static func state(of optimizer: any Optimizer, float32: Bool) -> (m: [Double]?, v: [Double]?, velocity: [Double]?) {
        if let adam = optimizer as? Adam {
            return float32 ? (adam.state.m.map(Double.init), adam.state.v.map(Double.init), nil) : (adam.state64.m, adam.state64.v, nil)
        }
        if let adamW = optimizer as? AdamW {
            return float32 ? (adamW.state.m.map(Double.init), adamW.state.v.map(Double.init), nil) : (adamW.state64.m, adamW.state64.v, nil)
        }
        if let sgd = optimizer as? SGD {
            return (nil, nil, float32 ? sgd.momentumBuffer?.map(Double.init) : sgd.momentumBuffer64)
        }
        return (nil, nil, nil)
    }
}
