import NumericCore
import Yams

/// How the model's Linear layers are re-initialised after torch has built them (`model.apply(init)` with
/// `torch.nn.init` functions): `init: kaiming_normal`, `init: {xavier_uniform: {gain: 1.4}}`, or
/// `init: {weight: {kaiming_uniform: {nonlinearity: relu}}, bias: zeros}`. Without `init`, torch's default
/// `nn.Linear` initialisation stands.
public struct InitSpec: Sendable, Hashable {
    /// The weight's `nn.init` function (nil: torch's default kaiming-uniform(a = √5) weights stay).
    public var weight: ParameterInit?
    /// True for `bias: zeros` (`nn.init.zeros_`); false keeps the default bias.
    public var zeroBias: Bool

    enum Scheme: String, CaseIterable {
        case kaimingUniform = "kaiming_uniform", kaimingNormal = "kaiming_normal"
        case xavierUniform = "xavier_uniform", xavierNormal = "xavier_normal"
        case zeros
        case `default`
    }

    enum Bias: String, CaseIterable { case `default`, zeros }

    /// Largest |a| or |gain| accepted.
    static let maxCoefficient = 1e6

    static func parse(_ node: Node, _ reader: SpecReader) -> InitSpec? {
        if let mapping = node.mapping, mapping.keys.contains(where: { $0.string == "weight" || $0.string == "bias" }) {
            guard let f = Fields(node, "init", allowed: ["weight", "bias"], reader: reader) else { return nil }
            let weight = f["weight"].map { scheme($0, "init.weight", reader) } ?? .some(nil)
            let bias: Bias = f.choice("bias", "bias initialisation") ?? .default
            guard let weight else { return nil }
            return InitSpec(weight: weight, zeroBias: bias == .zeros)
        }
        guard let weight = scheme(node, "init", reader) else { return nil }
        return InitSpec(weight: weight, zeroBias: false)
    }

    /// `kaiming_normal` or `{kaiming_normal: {…}}`; `.some(nil)` for `default`, nil after an error.
    private static func scheme(_ node: Node, _ context: String, _ reader: SpecReader) -> ParameterInit?? {
        var options: Node?
        var nameNode = node
        if node.scalar == nil {
            guard let mapping = node.mapping, mapping.count == 1, let (key, value) = mapping.first else {
                reader.error(node, "\(context) must be an initialisation such as kaiming_normal or {kaiming_normal: {nonlinearity: relu}}")
                return nil
            }
            (nameNode, options) = (key, value)
        }
        guard let name: Scheme = reader.choice(nameNode, "initialisation") else { return nil }
        let allowed: [String]
        switch name {
        case .kaimingUniform, .kaimingNormal: allowed = ["a", "mode", "nonlinearity"]
        case .xavierUniform, .xavierNormal: allowed = ["gain"]
        case .zeros, .default: allowed = []
        }
        var f: Fields?
        if let options {
            guard !allowed.isEmpty else {
                reader.error(nameNode, "\(context): \(name.rawValue) takes no options; write it as \(name.rawValue)")
                return nil
            }
            guard let fields = Fields(options, "\(context).\(name.rawValue)", allowed: allowed, reader: reader) else { return nil }
            f = fields
        }
        let rule = "must be a number from −\(Int(maxCoefficient)) to \(Int(maxCoefficient))"
        let valid: (Double) -> Bool = { $0.isFinite && abs($0) <= maxCoefficient }
        let a = f?.double("a", default: 0, rule, valid) ?? 0
        let mode: ParameterInit.FanMode = f?.choice("mode", "fan mode") ?? .fanIn
        let nonlinearity: ParameterInit.Nonlinearity = f?.choice("nonlinearity", "nonlinearity") ?? .leakyReLU
        let gain = f?.double("gain", default: 1, rule, valid) ?? 1
        switch name {
        case .kaimingUniform: return .kaimingUniform(a: a, mode: mode, nonlinearity: nonlinearity)
        case .kaimingNormal: return .kaimingNormal(a: a, mode: mode, nonlinearity: nonlinearity)
        case .xavierUniform: return .xavierUniform(gain: gain)
        case .xavierNormal: return .xavierNormal(gain: gain)
        case .zeros: return .zeros
        case .default: return .some(nil)
        }
    }

    var canonical: Canonical {
        var object: [String: Canonical] = ["bias": .string(zeroBias ? "zeros" : "default")]
        switch weight {
        case nil: object["weight"] = .string("default")
        case let .kaimingUniform(a, mode, nonlinearity)?:
            object["weight"] = .object(["kaiming_uniform": .object(["a": .number(a), "mode": .string(mode.rawValue),
                                                                    "nonlinearity": .string(nonlinearity.rawValue)])])
        case let .kaimingNormal(a, mode, nonlinearity)?:
            object["weight"] = .object(["kaiming_normal": .object(["a": .number(a), "mode": .string(mode.rawValue),
                                                                   "nonlinearity": .string(nonlinearity.rawValue)])])
        case .xavierUniform(let gain)?: object["weight"] = .object(["xavier_uniform": .object(["gain": .number(gain)])])
        case .xavierNormal(let gain)?: object["weight"] = .object(["xavier_normal": .object(["gain": .number(gain)])])
        case .zeros?: object["weight"] = .string("zeros")
        }
        return .object(object)
    }
}
