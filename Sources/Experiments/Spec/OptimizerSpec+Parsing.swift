import Yams

extension OptimizerSpec {
    static let sgdKeys = ["name", "lr", "momentum", "dampening", "weight_decay", "nesterov"]
    static let adamKeys = ["name", "lr", "betas", "eps", "weight_decay", "amsgrad"]

    /// Parses `{name: SGD, lr: 0.01, …}`; nil after reporting problems.
    static func parse(_ node: Node, _ context: String, _ reader: SpecReader) -> OptimizerSpec? {
        guard let mapping = node.mapping else {
            reader.error(node, "\(context) must be a mapping such as {name: AdamW, lr: 1e-3}")
            return nil
        }
        guard let nameNode = mapping["name"] else {
            reader.error(node, "missing required key 'name' in \(context) (one of \(Name.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let name: Name = reader.choice(nameNode, "optimiser") else { return nil }
        switch name {
        case .sgd:
            guard let f = Fields(node, context, allowed: sgdKeys, reader: reader) else { return nil }
            let lr = f.requiredDouble("lr", Rule.positive, { $0 > 0 }, why: " (SGD has no default learning rate)")
            var o = SGDOptions(lr: lr ?? 0)
            o.momentum = f.double("momentum", default: 0, Rule.nonNegative) { $0 >= 0 }
            o.dampening = f.double("dampening", default: 0, Rule.nonNegative) { $0 >= 0 }
            o.weightDecay = f.double("weight_decay", default: 0, Rule.nonNegative) { $0 >= 0 }
            o.nesterov = f.bool("nesterov") ?? false
            if o.nesterov, o.momentum <= 0 || o.dampening != 0 {
                reader.error(f["nesterov"], "nesterov needs momentum > 0 and dampening 0")
            }
            return lr == nil ? nil : .sgd(o)
        case .adam, .adamW:
            guard let f = Fields(node, context, allowed: adamKeys, reader: reader) else { return nil }
            var o = AdamOptions(weightDecay: name == .adamW ? 0.01 : 0)
            o.lr = f.double("lr", default: 1e-3, Rule.positive) { $0 > 0 }
            if let betasNode = f["betas"], let betas = reader.doubles(betasNode, "betas") {
                if betas.count != 2 || !betas.allSatisfy({ $0 >= 0 && $0 < 1 }) {
                    reader.error(betasNode, "'betas' must be two numbers in [0, 1), such as [0.9, 0.999]")
                } else {
                    (o.beta1, o.beta2) = (betas[0], betas[1])
                }
            }
            o.eps = f.double("eps", default: 1e-8, Rule.nonNegative) { $0 >= 0 }
            o.weightDecay = f.double("weight_decay", default: o.weightDecay, Rule.nonNegative) { $0 >= 0 }
            o.amsgrad = f.bool("amsgrad") ?? false
            return name == .adam ? .adam(o) : .adamW(o)
        case .rmsprop, .adagrad, .nadam, .radam, .adamax:
            return AdaptiveOptions.parse(name, node, context, reader).map { .adaptive(name, $0) }
        }
    }

    var canonical: Canonical {
        switch self {
        case .sgd(let o):
            return .object(["name": .string("SGD"), "lr": .number(o.lr), "momentum": .number(o.momentum),
                            "dampening": .number(o.dampening), "weight_decay": .number(o.weightDecay),
                            "nesterov": .bool(o.nesterov)])
        case .adam(let o), .adamW(let o):
            return .object(["name": .string(name.rawValue), "lr": .number(o.lr),
                            "betas": .array([.number(o.beta1), .number(o.beta2)]), "eps": .number(o.eps),
                            "weight_decay": .number(o.weightDecay), "amsgrad": .bool(o.amsgrad)])
        case let .adaptive(name, o):
            return o.canonical(name)
        }
    }
}
