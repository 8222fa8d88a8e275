/// The model, built right after `torch.manual_seed(seed)`: either the lesson's MLP, `layers: [4, 64, 32, 1]`
/// (`nn.Linear` layers of those widths with ReLU, Tanh or Sigmoid between them), or a list of layers written one by one,
/// `layers: [{linear: 64}, batchnorm, relu, {dropout: 0.2}, {linear: 1}]`, whose input width is the dataset's.
public struct ModelSpec: Sendable, Hashable {
    /// The hidden-layer activation of the `layers: [widths]` form.
    public enum Activation: String, Sendable, Hashable, CaseIterable {
        case relu, tanh, sigmoid
    }

    /// Linear widths from inputs to outputs: `[4, 64, 32, 1]`; for a layer-by-layer model the dataset's
    /// feature count followed by each linear layer's width.
    public var layers: [Int]
    /// The layers one by one, when the block writes them so (nil for the `layers: [widths]` form).
    public var stack: [LayerSpec]?
    public var activation: Activation
    public var seed: Int
    /// The `init` key: `torch.nn.init` functions applied to every Linear layer after the model is built.
    public var initialisation: InitSpec? = nil

    /// Weights and biases in all layers: Σ (in + 1) × out, plus 2 × width per affine batch norm.
    public var parameterCount: Int {
        var total = 0
        for (inputs, outputs) in zip(layers, layers.dropFirst()) {
            // Saturates instead of trapping on absurd widths (which the parser reports anyway).
            let (layer, o1) = (inputs &+ 1).multipliedReportingOverflow(by: outputs)
            let (sum, o2) = total.addingReportingOverflow(layer)
            if o1 || o2 { return .max }
            total = sum
        }
        return total
    }

    /// True when a layer draws from the generator or keeps batch statistics (train and eval mode differ).
    public var hasBatchNorm: Bool {
        stack?.contains { if case .batchNorm = $0 { true } else { false } } ?? false
    }
}
