/// scikit-learn's `mean_absolute_error` for one output column: `Σ_pairwise |pred ⊖ true| ⊘ n` (docs/parity.md §7.1).
public func meanAbsoluteError(yTrue: [Double], yPred: [Double]) throws -> Double {
    guard !yTrue.isEmpty else { throw DataError.invalidCount(name: "number of targets", value: 0, minimum: 1) }
    guard yTrue.count == yPred.count else {
        throw DataError.shapeMismatch("\(yPred.count) predictions for \(yTrue.count) targets")
    }
    let errors = zip(yPred, yTrue).map { abs($0 - $1) }
    return NumpyReductions.sum(errors) / Double(errors.count)
}

/// The lesson's test MAE: float32 predictions of normalised targets, rescaled in float64 as
/// `pred64 ⊗ y_std ⊕ y_mean`, then `mean_absolute_error(y_true, ·)`.
public func meanAbsoluteError(yTrue: [Double], normalizedPredictions: [Float], targetMean: Double,
                              targetStd: Double) throws -> Double {
    try meanAbsoluteError(yTrue: yTrue, yPred: normalizedPredictions.map { Double($0) * targetStd + targetMean })
}
