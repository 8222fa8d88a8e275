import Foundation

/// scikit-learn's `make_circles(n_samples, shuffle=True, noise, random_state, factor)`: n // 2 points on the
/// unit circle (label 0) and the rest on a circle of radius `factor` (label 1), shuffled, then Gaussian noise.
///
///     outer: (cos t, sin t), t = linspace(0, 2π, n_out, endpoint=False);  inner: (cos t ⊗ factor, sin t ⊗ factor)
public func makeCircles(nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, factor: Double = 0.8,
                        randomState: Int64) throws -> ClassificationData {
    guard nSamples >= 1 else { throw DataError.invalidCount(name: "n_samples", value: nSamples, minimum: 1) }
    if let noise, !(noise >= 0) { throw DataError.invalidParameter(name: "noise", value: noise, allowed: "0 or more") }
    guard factor >= 0, factor < 1 else {
        throw DataError.invalidParameter(name: "factor", value: factor, allowed: "from 0 up to (not including) 1")
    }
    var generator = try NumpyRandomState(seed: randomState)
    let nOut = nSamples / 2, nIn = nSamples - nOut
    let tOut = linspace(0, 2 * .pi, count: nOut, endpoint: false)
    let tIn = linspace(0, 2 * .pi, count: nIn, endpoint: false)
    let xs = tOut.map { cos($0) } + tIn.map { cos($0) * factor }
    let ys = tOut.map { sin($0) } + tIn.map { sin($0) * factor }
    var features = try Matrix(rows: nSamples, columns: 2, values: zip(xs, ys).flatMap { [$0, $1] })
    var labels = [Int](repeating: 0, count: nOut) + [Int](repeating: 1, count: nIn)
    if shuffle { (features, labels) = try sampleShuffle(features, labels, using: &generator) }
    if let noise { try addNoise(&features, scale: noise, using: &generator) }
    return ClassificationData(features: features, labels: labels)
}
