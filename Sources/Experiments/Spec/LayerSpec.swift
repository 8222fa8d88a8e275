import Yams

/// One layer of a model written layer by layer: `{linear: 64}`, `relu`, `batchnorm` (or `{batchnorm:
/// {momentum: 0.1, eps: 1e-5, affine: true}}`), `layernorm` (or `{layernorm: {eps: 1e-5, elementwise_affine: true}}`),
/// `{dropout: 0.2}`, the activations `tanh`, `sigmoid`, `gelu`
/// (or `{gelu: {approximate: tanh}}`), `leaky-relu` (or `{leaky-relu: {negative_slope: 0.2}}`), `silu`, `elu` (or
/// `{elu: {alpha: 0.5}}`) — torch's `nn.Sequential` children in order.
public enum LayerSpec: Sendable, Hashable {
    case linear(Int)
    case relu
    case batchNorm(eps: Double, momentum: Double, affine: Bool)
    case layerNorm(eps: Double, affine: Bool)
    case dropout(Double)
    case activation(ActivationSpec)

    /// The names a layer item may have.
    enum Name: String, CaseIterable {
        case linear, relu, batchnorm, layernorm, dropout, tanh, sigmoid, gelu, silu, elu
        case leakyReLU = "leaky-relu"
    }

    static func parse(_ node: Node, _ context: String, _ reader: SpecReader) -> LayerSpec? {
        if case .scalar(let scalar) = node {
            let text = scalar.string
            if Int(text) != nil {
                reader.error(node, "\(context): write a width as {linear: \(text)} when the model lists its layers one by one")
                return nil
            }
            guard let name: Name = reader.choice(node, "layer") else { return nil }
            switch name {
            case .relu: return .relu
            case .batchnorm: return .batchNorm(eps: 1e-5, momentum: 0.1, affine: true)
            case .layernorm: return .layerNorm(eps: 1e-5, affine: true)
            case .linear: reader.error(node, "\(context): linear needs its width, e.g. {linear: 64}")
            case .dropout: reader.error(node, "\(context): dropout needs its probability, e.g. {dropout: 0.2}")
            case .tanh: return .activation(.tanh)
            case .sigmoid: return .activation(.sigmoid)
            case .gelu: return .activation(.gelu(approximateTanh: false))
            case .silu: return .activation(.silu)
            case .leakyReLU: return .activation(.leakyReLU(negativeSlope: 0.01))
            case .elu: return .activation(.elu(alpha: 1))
            }
            return nil
        }
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first else {
            reader.error(node, "\(context) must be a layer such as {linear: 64}, relu, batchnorm or {dropout: 0.2}")
            return nil
        }
        guard let name: Name = reader.choice(keyNode, "layer") else { return nil }
        switch name {
        case .linear:
            guard let width = reader.int(value, "linear") else { return nil }
            guard (1...ModelSpec.maxWidth).contains(width) else {
                reader.error(value, "linear widths must be from 1 to \(ModelSpec.maxWidth), got \(width)")
                return nil
            }
            return .linear(width)
        case .dropout:
            guard let p = reader.double(value, "dropout") else { return nil }
            guard p >= 0, p < 1 else {
                reader.error(value, "dropout probability must be from 0 up to (not including) 1, got \(Value.number(p))")
                return nil
            }
            return .dropout(p)
        case .batchnorm:
            guard let f = Fields(value, "\(context).batchnorm", allowed: ["eps", "momentum", "affine"], reader: reader)
            else { return nil }
            let eps = f.double("eps", default: 1e-5, Rule.positive) { $0 > 0 }
            let momentum = f.double("momentum", default: 0.1, "must be from 0 to 1") { $0 >= 0 && $0 <= 1 }
            return .batchNorm(eps: eps, momentum: momentum, affine: f.bool("affine") ?? true)
        case .layernorm:
            guard let f = Fields(value, "\(context).layernorm", allowed: ["eps", "elementwise_affine"], reader: reader)
            else { return nil }
            let eps = f.double("eps", default: 1e-5, Rule.positive) { $0 > 0 }
            return .layerNorm(eps: eps, affine: f.bool("elementwise_affine") ?? true)
        case .relu, .tanh, .sigmoid, .silu:
            reader.error(keyNode, "\(context): \(name.rawValue) takes no options; write it as \(name.rawValue)")
            return nil
        case .gelu, .leakyReLU, .elu:
            return ActivationSpec.parse(name, value, context, reader).map { .activation($0) }
        }
    }

    var canonical: Canonical {
        switch self {
        case .linear(let w): return .object(["linear": .int(w)])
        case .relu: return .string("relu")
        case let .batchNorm(eps, momentum, affine):
            return .object(["batchnorm": .object(["eps": .number(eps), "momentum": .number(momentum), "affine": .bool(affine)])])
        case let .layerNorm(eps, affine):
            return .object(["layernorm": .object(["eps": .number(eps), "elementwise_affine": .bool(affine)])])
        case .dropout(let p): return .object(["dropout": .number(p)])
        case .activation(let a): return a.canonical
        }
    }
}
