import Yams

extension SchedulerSpec {
    /// `ExponentialLR` (`gamma` required), `MultiStepLR` (`milestones` required: increasing steps ≥ 1, `gamma` 0.1),
    /// `ConstantLR` (`factor` 1/3 in [0, 1], `total_iters` 5) and `LinearLR` (`start_factor` 1/3 in (0, 1],
    /// `end_factor` 1 in [0, 1], `total_iters` 5), with torch's defaults and limits.
    static func parseMultiplicative(_ name: Name, _ f: Fields, _ reader: SpecReader) -> Kind? {
        let iters = "must be from 0 to \(maxSteps)"
        switch name {
        case .exponentialLR:
            return f.requiredDouble("gamma", Rule.positive) { $0 > 0 }.map { .exponentialLR(gamma: $0) }
        case .multiStepLR:
            let gamma = f.double("gamma", default: 0.1, Rule.positive) { $0 > 0 }
            guard let node = f.required("milestones", " (the steps at which the lr is multiplied by gamma, e.g. [30, 80])"),
                  let milestones = reader.ints(node, "milestones") else { return nil }
            guard milestones.allSatisfy({ (1...maxSteps).contains($0) }), zip(milestones, milestones.dropFirst()).allSatisfy({ $0 < $1 }) else {
                reader.error(node, "'milestones' must be increasing steps from 1 to \(maxSteps), such as [30, 80]")
                return nil
            }
            return .multiStepLR(milestones: milestones, gamma: gamma)
        case .constantLR:
            let factor = f.double("factor", default: 1.0 / 3, "must be from 0 to 1") { $0 >= 0 && $0 <= 1 }
            let total = f.int("total_iters", default: 5, iters) { (0...maxSteps).contains($0) }
            return .constantLR(factor: factor, totalIters: total)
        case .linearLR:
            let start = f.double("start_factor", default: 1.0 / 3, "must be above 0 and at most 1") { $0 > 0 && $0 <= 1 }
            let end = f.double("end_factor", default: 1, "must be from 0 to 1") { $0 >= 0 && $0 <= 1 }
            let total = f.int("total_iters", default: 5, iters) { (0...maxSteps).contains($0) }
            return .linearLR(startFactor: start, endFactor: end, totalIters: total)
        default:
            return nil
        }
    }
}
