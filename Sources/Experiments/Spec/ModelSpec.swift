/// A multilayer perceptron: `nn.Linear` layers of the given widths with an activation between them
/// (none after the last), built right after `torch.manual_seed(seed)`.
public struct ModelSpec: Sendable, Hashable {
    /// The hidden-layer activation.
    public enum Activation: String, Sendable, Hashable, CaseIterable {
        case relu, tanh, sigmoid
    }

    /// Widths from inputs to outputs: `[4, 64, 32, 1]` is Linear(4,64), act, Linear(64,32), act, Linear(32,1).
    public var layers: [Int]
    public var activation: Activation
    public var seed: Int

    /// Weights and biases in all layers: Σ (in + 1) × out.
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
}
