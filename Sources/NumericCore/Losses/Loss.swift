/// The training criterion, mean-reduced over the batch: torch's `nn.MSELoss()`, `nn.BCEWithLogitsLoss()`,
/// `nn.CrossEntropyLoss(label_smoothing=ε)` (targets: one class index per row, as a float), `nn.L1Loss()`,
/// `nn.HuberLoss(delta=δ)` or `nn.SmoothL1Loss(beta=β)` (β = 0 is L1, as in torch).
public enum Loss: Sendable, Hashable {
    case mse
    case bceWithLogits
    case crossEntropy(labelSmoothing: Double = 0)
    case l1
    case huber(delta: Double = 1)
    case smoothL1(beta: Double = 1)

    /// Target values per row for a model with `outputs` outputs: one class index for cross-entropy.
    public func targetWidth(outputs: Int) -> Int {
        if case .crossEntropy = self { return 1 }
        return outputs
    }

    /// The mean loss of predictions `x` [rows, outputs] against targets `y` (`targetWidth` per row).
    public func value(prediction x: Tensor, target y: Tensor) throws(LossError) -> Float {
        try LossError.check(x, y, self)
        var scratch = [Float](repeating: 0, count: x.scalars.count)
        return x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeBufferPointer { yp in
                scratch.withUnsafeMutableBufferPointer { sp in
                    value(x: xp.baseAddress!, y: yp.baseAddress!, rows: x.rows, outputs: x.cols, scratch: sp.baseAddress!)
                }
            }
        }
    }

    /// d loss / d prediction, shaped like the prediction.
    public func gradient(prediction x: Tensor, target y: Tensor) throws(LossError) -> Tensor {
        try LossError.check(x, y, self)
        var g = Tensor(rows: x.rows, cols: x.cols)
        x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeBufferPointer { yp in
                g.scalars.withUnsafeMutableBufferPointer { gp in
                    gradient(x: xp.baseAddress!, y: yp.baseAddress!, rows: x.rows, outputs: x.cols, into: gp.baseAddress!)
                }
            }
        }
        return g
    }

    /// `scratch` holds rows · outputs floats (cross-entropy's log-probabilities); it may not alias `x`.
    func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, outputs: Int,
               scratch: UnsafeMutablePointer<Float>) -> Float {
        switch self {
        case .mse: MSELoss.value(x: x, y: y, count: rows &* outputs)
        case .bceWithLogits: BCEWithLogitsLoss.value(x: x, y: y, count: rows &* outputs)
        case .crossEntropy(let eps):
            CrossEntropyLoss.value(x: x, targets: y, rows: rows, classes: outputs, labelSmoothing: eps, scratch: scratch)
        case .l1, .smoothL1(beta: 0): L1Loss.value(x: x, y: y, count: rows &* outputs)
        case .huber(let delta): HuberLoss.value(x: x, y: y, count: rows &* outputs, delta: delta)
        case .smoothL1(let beta): SmoothL1Loss.value(x: x, y: y, count: rows &* outputs, beta: beta)
        }
    }

    func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, outputs: Int,
                  into g: UnsafeMutablePointer<Float>) {
        switch self {
        case .mse: MSELoss.gradient(x: x, y: y, count: rows &* outputs, into: g)
        case .bceWithLogits: BCEWithLogitsLoss.gradient(x: x, y: y, count: rows &* outputs, into: g)
        case .crossEntropy(let eps):
            CrossEntropyLoss.gradient(x: x, targets: y, rows: rows, classes: outputs, labelSmoothing: eps, into: g)
        case .l1, .smoothL1(beta: 0): L1Loss.gradient(x: x, y: y, count: rows &* outputs, into: g)
        case .huber(let delta): HuberLoss.gradient(x: x, y: y, count: rows &* outputs, delta: delta, into: g)
        case .smoothL1(let beta): SmoothL1Loss.gradient(x: x, y: y, count: rows &* outputs, beta: beta, into: g)
        }
    }
}

/// Predictions and targets that cannot be compared element by element.
public enum LossError: Error, Equatable, CustomStringConvertible {
    case countMismatch(predictions: Int, targets: Int)
    case empty
    case classOutOfRange(target: Int, classes: Int)

    static func check(_ x: Tensor, _ y: Tensor, _ loss: Loss) throws(LossError) {
        guard x.rows * loss.targetWidth(outputs: x.cols) == y.scalars.count else {
            throw .countMismatch(predictions: x.scalars.count, targets: y.scalars.count)
        }
        guard !x.scalars.isEmpty else { throw .empty }
        if case .crossEntropy = loss, let bad = y.scalars.first(where: { !($0 >= 0 && $0 < Float(x.cols)) || $0.rounded() != $0 }) {
            throw .classOutOfRange(target: bad.isFinite ? Int(bad) : -1, classes: x.cols)
        }
    }

    public var description: String {
        switch self {
        case let .countMismatch(p, t): "the loss needs one target per prediction: \(p) predictions, \(t) targets"
        case .empty: "the loss of an empty batch is undefined"
        case let .classOutOfRange(t, c): "target class \(t) is outside 0..<\(c)"
        }
    }
}
