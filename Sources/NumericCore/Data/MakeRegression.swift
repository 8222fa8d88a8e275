/// The samples and targets of a synthetic regression problem.
public struct RegressionData: Sendable, Equatable {
    /// Features, `nSamples × nFeatures`.
    public let features: Matrix
    /// One target per row.
    public let targets: [Double]
}

/// scikit-learn's `make_regression(n_samples, n_features, n_informative, n_targets=1, bias, noise, shuffle=True,
/// random_state)` without `effective_rank`, every draw on one `RandomState(randomState)` in sklearn's order
/// (docs/parity.md §3.7):
///
///     X = standard_normal((n, f))                       row-major, numpy's polar Gaussian
///     w[:k] = 100 · random_sample(k), w[k:] = 0         k = min(n_informative, f)
///     y = X·w + bias                                    Σ over the k informative columns, a sequential FMA chain
///     y += normal(scale=noise, size=n)                  only when noise > 0
///     rows shuffled (utils.shuffle), then columns (shuffle of arange(f))
public func makeRegression(nSamples: Int = 100, nFeatures: Int = 100, nInformative: Int = 10, bias: Double = 0,
                           noise: Double = 0, randomState: Int64) throws -> RegressionData {
    for (name, value) in [("n_samples", nSamples), ("n_features", nFeatures), ("n_informative", nInformative)]
    where value < 1 {
        throw DataError.invalidCount(name: name, value: value, minimum: 1)
    }
    guard noise >= 0, noise.isFinite else { throw DataError.invalidParameter(name: "noise", value: noise, allowed: "0 or more") }
    var generator = try NumpyRandomState(seed: randomState)
    let informative = min(nInformative, nFeatures)
    let x = try generator.standardNormal(count: nSamples * nFeatures)
    let weights = try generator.randomSample(count: informative).map { 100 * $0 }
    var y = (0..<nSamples).map { i in
        var dot = 0.0
        for j in 0..<informative { dot = dot.addingProduct(x[i * nFeatures + j], weights[j]) }
        return dot + bias
    }
    if noise > 0 {
        let e = try generator.normal(loc: 0, scale: noise, count: nSamples)
        for i in 0..<nSamples { y[i] += e[i] }
    }
    var rows = Array(0..<nSamples)
    generator.shuffle(&rows)
    var columns = Array(0..<nFeatures)
    generator.shuffle(&columns)
    let features = try Matrix(rows: nSamples, columns: nFeatures, values: x).selectingRows(rows).selectingColumns(columns)
    return RegressionData(features: features, targets: rows.map { y[$0] })
}
