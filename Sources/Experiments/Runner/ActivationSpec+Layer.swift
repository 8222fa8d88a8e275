import NumericCore

/// The core's activation layer (inside `ModelSpec.Activation`, `Activation` names that enum).
typealias CoreActivation = Activation

extension ActivationSpec {
    /// The numeric core's activation layer for this spec.
    var layer: CoreActivation {
        switch self {
        case .tanh: .tanh
        case .sigmoid: .sigmoid
        case .silu: .silu
        case .gelu(let approximate): approximate ? .geluTanh : .gelu
        case .leakyReLU(let a): .leakyReLU(negativeSlope: a)
        case .elu(let a): .elu(alpha: a)
        }
    }
}

extension ModelSpec.Activation {
    /// The activation between the layers of the `layers: [widths]` form, nil for ReLU (fused into the Linear).
    var layer: CoreActivation? {
        switch self {
        case .relu: nil
        case .tanh: .tanh
        case .sigmoid: .sigmoid
        }
    }
}
