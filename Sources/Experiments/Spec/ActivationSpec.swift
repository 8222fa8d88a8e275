import Yams

/// An activation layer of a model written layer by layer: `tanh`, `sigmoid`, `silu`, `gelu` or
/// `{gelu: {approximate: tanh}}`, `leaky-relu` or `{leaky-relu: {negative_slope: 0.2}}`, `elu` or
/// `{elu: {alpha: 0.5}}` — torch's `nn.Tanh`, `nn.Sigmoid`, `nn.SiLU`, `nn.GELU`, `nn.LeakyReLU`, `nn.ELU`.
public enum ActivationSpec: Sendable, Hashable {
    case tanh, sigmoid, silu
    case gelu(approximateTanh: Bool)
    case leakyReLU(negativeSlope: Double)
    case elu(alpha: Double)

    /// Largest |negative_slope| or |alpha| accepted: beyond it a float32 activation overflows at ordinary inputs.
    static let maxCoefficient = 1e6

    enum Approximation: String, CaseIterable { case none, tanh }

    /// The options form `{name: {…}}` of the three activations that take options.
    static func parse(_ name: LayerSpec.Name, _ value: Node, _ context: String, _ reader: SpecReader) -> ActivationSpec? {
        let rule = "must be a number from −\(Int(maxCoefficient)) to \(Int(maxCoefficient))"
        let valid: (Double) -> Bool = { $0.isFinite && abs($0) <= maxCoefficient }
        switch name {
        case .gelu:
            guard let f = Fields(value, "\(context).gelu", allowed: ["approximate"], reader: reader) else { return nil }
            let approximation: Approximation = f.choice("approximate", "approximate") ?? .none
            return .gelu(approximateTanh: approximation == .tanh)
        case .leakyReLU:
            guard let f = Fields(value, "\(context).leaky-relu", allowed: ["negative_slope"], reader: reader) else { return nil }
            return .leakyReLU(negativeSlope: f.double("negative_slope", default: 0.01, rule, valid))
        case .elu:
            guard let f = Fields(value, "\(context).elu", allowed: ["alpha"], reader: reader) else { return nil }
            return .elu(alpha: f.double("alpha", default: 1, rule, valid))
        default:
            return nil
        }
    }

    var canonical: Canonical {
        switch self {
        case .tanh: .string("tanh")
        case .sigmoid: .string("sigmoid")
        case .silu: .string("silu")
        case .gelu(let approximate): .object(["gelu": .object(["approximate": .string(approximate ? "tanh" : "none")])])
        case .leakyReLU(let a): .object(["leaky-relu": .object(["negative_slope": .number(a)])])
        case .elu(let a): .object(["elu": .object(["alpha": .number(a)])])
        }
    }
}
