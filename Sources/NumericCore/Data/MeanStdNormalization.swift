/// The lesson's hand-written normalisation: `X_mean, X_std = X_tr.mean(0), X_tr.std(0) + 1e-8` and
/// `y_mean, y_std = y_tr.mean(), y_tr.std() + 1e-8`, all float64 in numpy's summation orders (docs/parity.md §3.2, §3.3).
public struct MeanStdNormalization: Sendable, Equatable {
    /// Column means of the training features.
    public let featureMean: [Double]
    /// Column standard deviations (ddof 0) of the training features, plus 1e-8.
    public let featureStd: [Double]
    /// Mean of the training targets (pairwise sum).
    public let targetMean: Double
    /// Standard deviation (ddof 0) of the training targets, plus 1e-8.
    public let targetStd: Double

    /// Fits on the training rows `x` and their targets `y`.
    public init(features x: Matrix, targets y: [Double]) throws {
        guard x.rows >= 1 else { throw DataError.invalidCount(name: "training rows", value: x.rows, minimum: 1) }
        guard y.count == x.rows else {
            throw DataError.shapeMismatch("\(y.count) targets for \(x.rows) feature rows")
        }
        featureMean = NumpyReductions.columnMeans(x)
        featureStd = NumpyReductions.columnStds(x).map { $0 + 1e-8 }
        targetMean = NumpyReductions.mean(y)
        targetStd = NumpyReductions.std(y) + 1e-8
    }

    /// `torch.FloatTensor((X − X_mean) / X_std)`: row-major float32, each value rounded once from float64.
    public func normalizedFeatures(_ x: Matrix) throws -> [Float] {
        guard x.columns == featureMean.count else {
            throw DataError.shapeMismatch("normalisation fitted on \(featureMean.count) columns, given \(x.columns)")
        }
        var out = [Float](repeating: 0, count: x.values.count)
        for i in 0..<x.rows {
            for j in 0..<x.columns { out[i * x.columns + j] = Float((x[i, j] - featureMean[j]) / featureStd[j]) }
        }
        return out
    }

    /// `torch.FloatTensor((y − y_mean) / y_std)`.
    public func normalizedTargets(_ y: [Double]) -> [Float] {
        y.map { Float(($0 - targetMean) / targetStd) }
    }

    /// `pred.numpy() * y_std + y_mean`: float32 predictions back in target units, computed in float64.
    public func denormalized(_ predictions: [Float]) -> [Double] {
        predictions.map { Double($0) * targetStd + targetMean }
    }
}
