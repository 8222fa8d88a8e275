import Yams

/// The options of torch's RMSprop, Adagrad, NAdam, RAdam and Adamax, defaults filled in per optimiser (torch 2.x);
/// each optimiser reads only its own.
public struct AdaptiveOptions: Sendable, Hashable {
    public var lr: Double
    public var eps: Double
    public var weightDecay = 0.0
    /// RMSprop.
    public var alpha = 0.99, momentum = 0.0, centered = false
    /// Adagrad.
    public var lrDecay = 0.0, initialAccumulatorValue = 0.0
    /// NAdam, RAdam, Adamax.
    public var beta1 = 0.9, beta2 = 0.999
    /// NAdam.
    public var momentumDecay = 4e-3
    /// NAdam, RAdam.
    public var decoupledWeightDecay = false

    /// The keys each optimiser accepts, after `name`.
    static func keys(_ name: OptimizerSpec.Name) -> [String] {
        switch name {
        case .rmsprop: ["lr", "alpha", "eps", "weight_decay", "momentum", "centered"]
        case .adagrad: ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"]
        case .nadam: ["lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay"]
        case .radam: ["lr", "betas", "eps", "weight_decay", "decoupled_weight_decay"]
        default: ["lr", "betas", "eps", "weight_decay"]
        }
    }

    /// torch's defaults for `name`.
    init(defaultsOf name: OptimizerSpec.Name) {
        switch name {
        case .rmsprop: (lr, eps) = (1e-2, 1e-8)
        case .adagrad: (lr, eps) = (1e-2, 1e-10)
        case .nadam, .adamax: (lr, eps) = (2e-3, 1e-8)
        default: (lr, eps) = (1e-3, 1e-8)
        }
    }

    static func parse(_ name: OptimizerSpec.Name, _ node: Node, _ context: String, _ reader: SpecReader) -> AdaptiveOptions? {
        let keys = keys(name)
        guard let f = Fields(node, context, allowed: ["name"] + keys, reader: reader) else { return nil }
        var o = AdaptiveOptions(defaultsOf: name)
        let nonNegative: (Double) -> Bool = { $0 >= 0 }
        o.lr = f.double("lr", default: o.lr, Rule.positive) { $0 > 0 }
        o.eps = f.double("eps", default: o.eps, Rule.nonNegative, nonNegative)
        o.weightDecay = f.double("weight_decay", default: 0, Rule.nonNegative, nonNegative)
        o.alpha = f.double("alpha", default: o.alpha, Rule.nonNegative, nonNegative)
        o.momentum = f.double("momentum", default: 0, Rule.nonNegative, nonNegative)
        o.centered = f.bool("centered") ?? false
        o.lrDecay = f.double("lr_decay", default: 0, Rule.nonNegative, nonNegative)
        o.initialAccumulatorValue = f.double("initial_accumulator_value", default: 0, Rule.nonNegative, nonNegative)
        o.momentumDecay = f.double("momentum_decay", default: o.momentumDecay, Rule.nonNegative, nonNegative)
        o.decoupledWeightDecay = f.bool("decoupled_weight_decay") ?? false
        if let betasNode = f["betas"], let betas = reader.doubles(betasNode, "betas") {
            if betas.count != 2 || !betas.allSatisfy({ $0 >= 0 && $0 < 1 }) {
                reader.error(betasNode, "'betas' must be two numbers in [0, 1), such as [0.9, 0.999]")
            } else {
                (o.beta1, o.beta2) = (betas[0], betas[1])
            }
        }
        return o
    }

    /// The normalised block: the optimiser's own keys with their values.
    func canonical(_ name: OptimizerSpec.Name) -> Canonical {
        let all: [String: Canonical] = [
            "lr": .number(lr), "eps": .number(eps), "weight_decay": .number(weightDecay), "alpha": .number(alpha),
            "momentum": .number(momentum), "centered": .bool(centered), "lr_decay": .number(lrDecay),
            "initial_accumulator_value": .number(initialAccumulatorValue), "betas": .array([.number(beta1), .number(beta2)]),
            "momentum_decay": .number(momentumDecay), "decoupled_weight_decay": .bool(decoupledWeightDecay),
        ]
        var object = all.filter { Self.keys(name).contains($0.key) }
        object["name"] = .string(name.rawValue)
        return .object(object)
    }
}
