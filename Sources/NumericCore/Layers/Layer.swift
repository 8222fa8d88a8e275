/// One child of the model's `nn.Sequential`, in forward order.
public enum Layer: Sendable, Hashable {
    /// `nn.Linear(in, outFeatures)`; `in` is the width that reaches it.
    case linear(outFeatures: Int)
    /// `nn.ReLU()`.
    case relu
    /// `nn.BatchNorm1d(width, eps, momentum, affine)`.
    case batchNorm(eps: Double = 1e-5, momentum: Double = 0.1, affine: Bool = true)
    /// `nn.LayerNorm(width, eps, elementwise_affine)`.
    case layerNorm(eps: Double = 1e-5, affine: Bool = true)
    /// `nn.Dropout(p)`.
    case dropout(p: Double)
    /// `nn.Tanh()`, `nn.Sigmoid()`, `nn.GELU()`, `nn.LeakyReLU()`, `nn.SiLU()`, `nn.ELU()`.
    case activation(Activation)

    /// The lesson's MLP: `[4, 64, 32, 1]` is Linear(4, 64), ReLU, Linear(64, 32), ReLU, Linear(32, 1).
    public static func perceptron(_ sizes: [Int]) -> [Layer] {
        var layers: [Layer] = []
        for (i, width) in sizes.dropFirst().enumerated() {
            if i > 0 { layers.append(.relu) }
            layers.append(.linear(outFeatures: width))
        }
        return layers
    }
}

/// How a model computes: `model.train()` (dropout draws masks, batch norm uses and updates batch statistics)
/// or `model.eval()`.
public enum Mode: Sendable, Hashable {
    case train, eval
}
