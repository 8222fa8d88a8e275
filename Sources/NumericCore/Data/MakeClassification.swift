/// The samples and labels of a synthetic classification problem.
public struct ClassificationData: Sendable, Equatable {
    /// Features, `nSamples × nFeatures`.
    public let features: Matrix
    /// Class labels `0..<nClasses`, one per row.
    public let labels: [Int]
}

/// scikit-learn's `make_classification`, every draw on one `RandomState(randomState)` in sklearn's order
/// (docs/parity.md §3.5). `weights`: the class proportions (n_classes of them, or n_classes − 1 with the last
/// `1 − sum`, summed left to right as Python's `sum`); nil: equal. The matrix products are sequential fused multiply-add chains, which is
/// what OpenBLAS's dgemm gives for the lesson's shapes (bitwise there; ≤ 3e−16 relative for others).
public func makeClassification(
    nSamples: Int = 100, nFeatures: Int = 20, nInformative: Int = 2, nRedundant: Int = 2, nRepeated: Int = 0,
    nClasses: Int = 2, nClustersPerClass: Int = 2, weights: [Double]? = nil, flipY: Double = 0.01,
    classSep: Double = 1.0, hypercube: Bool = true, shift: Double? = 0.0, scale: Double? = 1.0, shuffle: Bool = true,
    randomState: Int64
) throws -> ClassificationData {
    for (name, value, minimum) in [("n_samples", nSamples, 1), ("n_features", nFeatures, 1),
                                   ("n_informative", nInformative, 1), ("n_redundant", nRedundant, 0),
                                   ("n_repeated", nRepeated, 0), ("n_classes", nClasses, 1),
                                   ("n_clusters_per_class", nClustersPerClass, 1)] where value < minimum {
        throw DataError.invalidCount(name: name, value: value, minimum: minimum)
    }
    guard nInformative + nRedundant + nRepeated <= nFeatures else {
        throw DataError.tooManyStructuredFeatures(informative: nInformative, redundant: nRedundant,
                                                  repeated: nRepeated, features: nFeatures)
    }
    let (clusters, overflow) = nClasses.multipliedReportingOverflow(by: nClustersPerClass)
    guard !overflow, nInformative >= 62 || clusters <= 1 << nInformative else {
        throw DataError.tooManyClusters(clusters: overflow ? Int.max : clusters, informative: nInformative)
    }
    guard flipY >= 0, flipY <= 1 else {
        throw DataError.invalidParameter(name: "flip_y", value: flipY, allowed: "between 0 and 1")
    }
    var gen = try NumpyRandomState(seed: randomState)
    let nInf = nInformative, nRandom = nFeatures - nInformative - nRedundant - nRepeated

    var classWeights = [Double](repeating: 1.0 / Double(nClasses), count: nClasses)
    if var given = weights {
        guard given.count == nClasses || given.count == nClasses - 1, given.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw DataError.invalidParameter(name: "weights", value: Double(given.count),
                                             allowed: "n_classes or n_classes − 1 proportions, none negative")
        }
        if given.count == nClasses - 1 { given.append(1.0 - given.reduce(0, +)) }
        classWeights = given
    }

    // 1. Cluster sizes: int(n_samples·w_k/n_clusters_per_class) with w_k the weight of class k mod n_classes;
    //    leftovers round-robin.
    var perCluster = (0..<clusters).map { k in
        Int(Double(nSamples) * classWeights[k % nClasses] / Double(nClustersPerClass))
    }
    let leftover = nSamples - perCluster.reduce(0, +)
    guard leftover >= 0 else {
        throw DataError.invalidParameter(name: "sum of weights", value: classWeights.reduce(0, +), allowed: "at most 1")
    }
    if leftover > 0 { for i in 0..<leftover { perCluster[i % clusters] += 1 } }

    // 2. Centroids on hypercube vertices: bit b ↦ b·2·class_sep − class_sep.
    var centroids = try gen.hypercubeVertices(samples: clusters, dimensions: nInf).map { bits in
        bits.map { Double($0) * (2 * classSep) - classSep }
    }
    if !hypercube {
        let a = try gen.uniform(count: clusters), b = try gen.uniform(count: nInf)
        centroids = centroids.enumerated().map { k, row in row.map { $0 * a[k] } }
        centroids = centroids.map { row in row.enumerated().map { j, c in c * b[j] } }
    }

    // 3. Informative columns ~ N(0, 1), row-major.
    var x = Matrix(zeros: nSamples, nFeatures)
    let g = try gen.standardNormal(count: nSamples * nInf)
    for i in 0..<nSamples { for j in 0..<nInf { x[i, j] = g[i * nInf + j] } }

    // 4. Each cluster: rows ← rows·A (A = 2·U − 1, nInf × nInf), then + centroid.
    var labels = [Int](repeating: 0, count: nSamples)
    var start = 0
    for k in 0..<clusters {
        let stop = start + perCluster[k]
        for i in start..<stop { labels[i] = k % nClasses }
        let a = try gen.uniform(count: nInf * nInf).map { 2 * $0 - 1 }
        var product = [Double](repeating: 0, count: nInf)
        for i in start..<stop {
            multiplyRow(x, i, by: a, inner: nInf, into: &product)
            for j in 0..<nInf { x[i, j] = product[j] + centroids[k][j] }
        }
        start = stop
    }

    // 5. Redundant columns: X[:, :nInf]·B with B = 2·U − 1 (nInf × nRedundant).
    if nRedundant > 0 {
        let b = try gen.uniform(count: nInf * nRedundant).map { 2 * $0 - 1 }
        var product = [Double](repeating: 0, count: nRedundant)
        for i in 0..<nSamples {
            multiplyRow(x, i, by: b, inner: nInf, into: &product)
            for j in 0..<nRedundant { x[i, nInf + j] = product[j] }
        }
    }

    // 6. Repeated columns copy int((n − 1)·u + 0.5); useless columns ~ N(0, 1), row-major.
    let structured = nInf + nRedundant
    if nRepeated > 0 {
        let source = try gen.uniform(count: nRepeated).map { Int(Double(structured - 1) * $0 + 0.5) }
        for i in 0..<nSamples { for (r, j) in source.enumerated() { x[i, structured + r] = x[i, j] } }
    }
    if nRandom > 0 {
        let noise = try gen.standardNormal(count: nSamples * nRandom)
        for i in 0..<nSamples {
            for j in 0..<nRandom { x[i, nFeatures - nRandom + j] = noise[i * nRandom + j] }
        }
    }

    // 7. Flip about flip_y of the labels to a random class.
    let u = try gen.uniform(count: nSamples)
    let flipped = (0..<nSamples).filter { u[$0] < flipY }
    let newLabels = try gen.randint(low: 0, high: Int64(nClasses), count: flipped.count)
    for (i, v) in zip(flipped, newLabels) { labels[i] = Int(v) }

    // 8. Shift, then scale (None draws one value per feature).
    let shifts = try shift.map { [Double](repeating: $0, count: nFeatures) }
        ?? gen.uniform(count: nFeatures).map { (2 * $0 - 1) * classSep }
    for i in 0..<nSamples { for j in 0..<nFeatures { x[i, j] += shifts[j] } }
    let scales = try scale.map { [Double](repeating: $0, count: nFeatures) }
        ?? gen.uniform(count: nFeatures).map { 1 + 100 * $0 }
    for i in 0..<nSamples { for j in 0..<nFeatures { x[i, j] *= scales[j] } }

    // 9. Shuffle rows, then columns.
    if shuffle {
        let rows = try gen.permutation(nSamples)
        x = try x.selectingRows(rows)
        labels = rows.map { labels[$0] }
        x = try x.selectingColumns(try gen.permutation(nFeatures))
    }
    return ClassificationData(features: x, labels: labels)
}

/// `out[j] = Σ_k x[i, k]·m[k, j]` as a sequential fused chain from 0.0, k = 0…inner−1 (`m` row-major).
private func multiplyRow(_ x: Matrix, _ i: Int, by m: [Double], inner: Int, into out: inout [Double]) {
    let width = out.count
    for j in 0..<width {
        var acc = 0.0
        for k in 0..<inner { acc = acc.addingProduct(x[i, k], m[k * width + j]) }
        out[j] = acc
    }
}
