import Yams

/// `training.clip_grad`: `{max_norm: 1.0}` clips the gradients' total L2 norm (`torch.nn.utils.clip_grad_norm_`),
/// `{max_norm: 1.0, norm_type: 1}` another p-norm (any p > 0, or `inf` for the largest magnitude), `{value: 0.5}`
/// clips every gradient element into [−0.5, 0.5] (`clip_grad_value_`), after each backward pass and before the
/// optimiser step.
public enum GradientClippingSpec: Sendable, Hashable {
    /// `normType` is p > 0 or `.infinity`; 2 unless the block says otherwise.
    case norm(maxNorm: Double, normType: Double = 2)
    case value(Double)

    /// Parses the mapping; nil after reporting problems.
    static func parse(_ node: Node, _ reader: SpecReader) -> GradientClippingSpec? {
        guard let f = Fields(node, "clip_grad", allowed: ["max_norm", "norm_type", "value"], reader: reader) else {
            return nil
        }
        switch (f["max_norm"], f["value"]) {
        case (.some, .some):
            reader.error(f["value"], "give either max_norm or value in clip_grad, not both")
            return nil
        case (.some, nil):
            let maxNorm = f.requiredDouble("max_norm", Rule.positive) { $0 > 0 }
            let p: Double? = if let node = f["norm_type"] { Self.normType(node, reader) } else { 2 }
            guard let maxNorm, let p else { return nil }
            return .norm(maxNorm: maxNorm, normType: p)
        case (nil, .some):
            if let extra = f["norm_type"] {
                reader.error(extra, "norm_type belongs to clipping by norm ({max_norm: M, norm_type: p}); clipping by value has none")
                return nil
            }
            return f.requiredDouble("value", Rule.positive) { $0 > 0 }.map { .value($0) }
        case (nil, nil):
            reader.error(node, "clip_grad needs max_norm (clip_grad_norm_) or value (clip_grad_value_), such as {max_norm: 1.0}")
            return nil
        }
    }

    /// `norm_type`: a number p > 0 within float32's range (torch computes with f32(p)), or the word `inf`.
    private static func normType(_ node: Node, _ reader: SpecReader) -> Double? {
        let rule = "must be a number above 0 (1 for the sum of magnitudes, 2 for L2) or inf, such as norm_type: 1"
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            if scalar.string == "inf" { return .infinity }
            if scalar.string.lowercased().contains("inf") {
                reader.error(node, "'norm_type' \(rule), got \(scalar.string)")
                return nil
            }
        }
        guard let p = reader.double(node, "norm_type") else { return nil }
        guard p > 0 else {
            reader.error(node, "'norm_type' \(rule), got \(Value.number(p))")
            return nil
        }
        guard p <= Double(Float.greatestFiniteMagnitude) else {
            reader.error(node, "'norm_type' is \(Value.number(p)), beyond float32's range (torch computes with f32(p)); write inf for the largest magnitude")
            return nil
        }
        return p
    }

    var canonical: Canonical {
        switch self {
        case .norm(let maxNorm, let normType) where normType == 2: .object(["max_norm": .number(maxNorm)])
        case .norm(let maxNorm, let normType):
            .object(["max_norm": .number(maxNorm), "norm_type": normType.isFinite ? .number(normType) : .string("inf")])
        case .value(let value): .object(["value": .number(value)])
        }
    }
}
