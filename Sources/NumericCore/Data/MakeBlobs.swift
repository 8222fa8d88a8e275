/// scikit-learn's `make_blobs(n_samples, n_features, centers=k, cluster_std, center_box, shuffle=True,
/// random_state)`: k centres drawn `uniform(box.low, box.high, size=(k, n_features))`, then for each centre in
/// turn its n_i samples `normal(loc=centre, scale=cluster_std, size=(n_i, n_features))` (n_i = n // k, the
/// first n mod k centres one more), labelled by centre, then shuffled.
public func makeBlobs(nSamples: Int = 100, nFeatures: Int = 2, centers: Int = 3, clusterStd: Double = 1.0,
                      centerBox: (Double, Double) = (-10, 10), shuffle: Bool = true, randomState: Int64) throws
    -> ClassificationData {
    for (name, value) in [("n_samples", nSamples), ("n_features", nFeatures), ("centers", centers)] where value < 1 {
        throw DataError.invalidCount(name: name, value: value, minimum: 1)
    }
    guard clusterStd >= 0 else {
        throw DataError.invalidParameter(name: "cluster_std", value: clusterStd, allowed: "0 or more")
    }
    var generator = try NumpyRandomState(seed: randomState)
    let centres = try generator.uniform(low: centerBox.0, high: centerBox.1, count: centers * nFeatures)
    var perCentre = [Int](repeating: nSamples / centers, count: centers)
    for i in 0..<(nSamples % centers) { perCentre[i] += 1 }
    var values: [Double] = []
    values.reserveCapacity(nSamples * nFeatures)
    var labels: [Int] = []
    labels.reserveCapacity(nSamples)
    for (i, n) in perCentre.enumerated() {
        for _ in 0..<n {
            for j in 0..<nFeatures { values.append(centres[i * nFeatures + j] + clusterStd * generator.gauss()) }
        }
        labels += [Int](repeating: i, count: n)
    }
    var features = try Matrix(rows: nSamples, columns: nFeatures, values: values)
    if shuffle { (features, labels) = try sampleShuffle(features, labels, using: &generator) }
    return ClassificationData(features: features, labels: labels)
}
