/// A metric of one Linear layer, named with the layer's 1-based position among the model's Linear layers:
/// `weight_norm_2` is the L2 norm of the second Linear layer's weight, `grad_norm_2` that of its gradient after the
/// epoch's last training step (biases excluded; see docs/experiment-format.md).
public struct LayerMetric: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case weightNorm = "weight_norm", gradNorm = "grad_norm"
    }

    public let kind: Kind
    /// 1-based index among the Linear layers.
    public let layer: Int

    /// The metric's name in tables, charts, checks and `{{ }}`.
    public var name: String { "\(kind.rawValue)_\(layer)" }

    /// `weight_norm_K` or `grad_norm_K` with K a positive integer written without sign or leading zeros; nil otherwise.
    public init?(name: String) {
        for kind in Kind.allCases {
            let prefix = kind.rawValue + "_"
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count)
            guard let first = digits.first, first != "0", digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let k = Int(digits), k >= 1 else { return nil }
            self.kind = kind
            self.layer = k
            return
        }
        return nil
    }
}
