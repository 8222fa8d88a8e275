import Yams

extension SchedulerSpec {
    /// The schedulers a SequentialLR may hand over between: torch refuses ReduceLROnPlateau there; OneCycleLR
    /// (which rewrites the base lr every scheduler starts from) and a SequentialLR inside another are not modelled.
    static let sequenceable: [Name] = [.stepLR, .cosineAnnealingLR, .cosineAnnealingWarmRestarts, .exponentialLR,
                                       .multiStepLR, .constantLR, .linearLR, .lambdaLR, .warmupCosine]

    /// Parses SequentialLR's `schedulers` (each a scheduler mapping without `interval`: they step when the
    /// SequentialLR does) and `milestones` (increasing steps, one fewer than schedulers).
    static func parseSequential(_ f: Fields, _ context: String, _ reader: SpecReader, _ env: Context) -> Kind? {
        let listNode = f.required("schedulers", " (the schedulers in order, such as [{name: LinearLR, start_factor: 0.1, total_iters: 5}, {name: CosineAnnealingLR, T_max: 95}])")
        let milestonesNode = f.required("milestones", " (the steps at which the next scheduler takes over, such as [5])")
        guard let listNode, let milestonesNode, let items = reader.list(listNode, "schedulers"),
              let milestones = reader.ints(milestonesNode, "milestones") else { return nil }
        var valid = true
        if items.isEmpty {
            reader.error(listNode, "SequentialLR needs at least one scheduler in 'schedulers'")
            valid = false
        }
        if !items.isEmpty, milestones.count != items.count - 1 {
            reader.error(milestonesNode, "SequentialLR takes one milestone fewer than schedulers: \(items.count) scheduler"
                + (items.count == 1 ? " needs" : "s need") + " \(items.count - 1), got \(milestones.count)")
            valid = false
        } else if !milestones.allSatisfy({ (1...maxSteps).contains($0) })
                    || !zip(milestones, milestones.dropFirst()).allSatisfy({ $0 < $1 }) {
            reader.error(milestonesNode, "'milestones' must be increasing steps from 1 to \(maxSteps), such as [5, 50]")
            valid = false
        }
        // Sub-schedulers know nothing of the training length: their totals are written out.
        let inner = Context(epochs: nil, stepsPerEpoch: nil, monitorable: [], constants: env.constants)
        var kinds: [Kind] = []
        for (i, item) in items.enumerated() {
            let itemContext = "\(context).schedulers[\(i + 1)]"
            if let nameNode = item.mapping?["name"], let name = nameNode.string.flatMap(Name.init(rawValue:)),
               !sequenceable.contains(name) {
                reader.error(nameNode, "\(name.rawValue) cannot be one of SequentialLR's schedulers; use "
                    + sequenceable.map(\.rawValue).joined(separator: ", "))
                valid = false
                continue
            }
            guard let sub = parse(item, itemContext, reader, inner, extraKeys: []) else {
                valid = false
                continue
            }
            if i > 0, case .linearLR(_, _, 0) = sub.kind {
                reader.error(item.mapping?["total_iters"] ?? item, "a LinearLR after a milestone needs total_iters of 1 or "
                    + "more: SequentialLR restarts it with its closed form, which divides by total_iters")
                valid = false
            }
            kinds.append(sub.kind)
        }
        return valid ? .sequentialLR(schedulers: kinds, milestones: milestones) : nil
    }
}
