/// The training criterion, mean-reduced over the batch: torch's `nn.MSELoss()` or `nn.BCEWithLogitsLoss()`.
public enum Loss: String, Sendable, CaseIterable {
    case mse
    case bceWithLogits

    /// The mean loss of predictions `x` against targets `y` (same element count, one output per row).
    public func value(prediction x: Tensor, target y: Tensor) throws(LossError) -> Float {
        try LossError.check(x, y)
        return x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeBufferPointer { yp in value(x: xp.baseAddress!, y: yp.baseAddress!, count: xp.count) }
        }
    }

    /// d loss / d prediction, shaped like the prediction.
    public func gradient(prediction x: Tensor, target y: Tensor) throws(LossError) -> Tensor {
        try LossError.check(x, y)
        var g = Tensor(rows: x.rows, cols: x.cols)
        x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeBufferPointer { yp in
                g.scalars.withUnsafeMutableBufferPointer { gp in
                    gradient(x: xp.baseAddress!, y: yp.baseAddress!, count: xp.count, into: gp.baseAddress!)
                }
            }
        }
        return g
    }

    func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int) -> Float {
        switch self {
        case .mse: MSELoss.value(x: x, y: y, count: count)
        case .bceWithLogits: BCEWithLogitsLoss.value(x: x, y: y, count: count)
        }
    }

    func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, into g: UnsafeMutablePointer<Float>) {
        switch self {
        case .mse: MSELoss.gradient(x: x, y: y, count: count, into: g)
        case .bceWithLogits: BCEWithLogitsLoss.gradient(x: x, y: y, count: count, into: g)
        }
    }
}

/// Predictions and targets that cannot be compared element by element.
public enum LossError: Error, Equatable, CustomStringConvertible {
    case countMismatch(predictions: Int, targets: Int)
    case empty

    static func check(_ x: Tensor, _ y: Tensor) throws(LossError) {
        guard x.scalars.count == y.scalars.count else {
            throw .countMismatch(predictions: x.scalars.count, targets: y.scalars.count)
        }
        guard !x.scalars.isEmpty else { throw .empty }
    }

    public var description: String {
        switch self {
        case let .countMismatch(p, t): "the loss needs one target per prediction: \(p) predictions, \(t) targets"
        case .empty: "the loss of an empty batch is undefined"
        }
    }
}
