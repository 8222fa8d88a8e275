/// scikit-learn's `utils.shuffle(X, y, random_state=rs)` (`resample(replace=False)`): `indices = arange(n)`,
/// `rs.shuffle(indices)`, then `X[indices]`, `y[indices]`.
func sampleShuffle(_ features: Matrix, _ labels: [Int], using generator: inout NumpyRandomState) throws
    -> (features: Matrix, labels: [Int]) {
    var indices = Array(0..<features.rows)
    generator.shuffle(&indices)
    return (try features.selectingRows(indices), indices.map { labels[$0] })
}

/// `X += rs.normal(scale=noise, size=X.shape)`: one Gaussian per element in row-major order.
func addNoise(_ features: inout Matrix, scale: Double, using generator: inout NumpyRandomState) throws {
    let noise = try generator.normal(loc: 0, scale: scale, count: features.values.count)
    for i in features.values.indices { features.values[i] += noise[i] }
}
