import Yams

/// `training.clip_grad`: `{max_norm: 1.0}` clips the gradients' total L2 norm (`torch.nn.utils.clip_grad_norm_`),
/// `{value: 0.5}` clips every gradient element into [−0.5, 0.5] (`clip_grad_value_`), after each backward pass and
/// before the optimiser step.
public enum GradientClippingSpec: Sendable, Hashable {
    case norm(maxNorm: Double)
    case value(Double)

    /// Parses the mapping; nil after reporting problems.
    static func parse(_ node: Node, _ reader: SpecReader) -> GradientClippingSpec? {
        guard let f = Fields(node, "clip_grad", allowed: ["max_norm", "value"], reader: reader) else { return nil }
        switch (f["max_norm"], f["value"]) {
        case (.some, .some):
            reader.error(f["value"], "give either max_norm or value in clip_grad, not both")
            return nil
        case (.some, nil):
            return f.requiredDouble("max_norm", Rule.positive) { $0 > 0 }.map { .norm(maxNorm: $0) }
        case (nil, .some):
            return f.requiredDouble("value", Rule.positive) { $0 > 0 }.map { .value($0) }
        case (nil, nil):
            reader.error(node, "clip_grad needs max_norm (clip_grad_norm_) or value (clip_grad_value_), such as {max_norm: 1.0}")
            return nil
        }
    }

    var canonical: Canonical {
        switch self {
        case .norm(let maxNorm): .object(["max_norm": .number(maxNorm)])
        case .value(let value): .object(["value": .number(value)])
        }
    }
}
