import Foundation

/// The row indices of a train/test split, each part in scikit-learn's order.
public struct TrainTestIndices: Sendable, Equatable {
    /// Rows of the training part (`X_train = X[train]`).
    public let train: [Int]
    /// Rows of the test part (`X_test = X[test]`).
    public let test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }
}

/// scikit-learn's `train_test_split(range(count), test_size=testSize, random_state=randomState,
/// stratify=stratify)` as row indices (docs/parity.md §3.4).
///
/// `n_test = ceil(testSize ⊗ count)`. Plain: `p = RandomState(s).permutation(count)`, test = `p[..<n_test]`,
/// train = the rest. Stratified: StratifiedShuffleSplit's first split with `approx_mode` per class.
public func trainTestSplit(count: Int, testSize: Double = 0.25, randomState: Int64,
                           stratify: [Int]? = nil) throws -> TrainTestIndices {
    guard count >= 1 else { throw DataError.invalidCount(name: "number of rows", value: count, minimum: 1) }
    guard testSize > 0, testSize < 1 else { throw DataError.testSizeOutOfRange(testSize) }
    let nTest = Int((testSize * Double(count)).rounded(.up))
    let nTrain = count - nTest
    guard nTrain >= 1 else {
        throw DataError.splitTooSmall("with \(count) rows and test_size \(testSize) the training part is empty")
    }
    var rng = try NumpyRandomState(seed: randomState)
    guard let labels = stratify else {
        let p = try rng.permutation(count)
        return TrainTestIndices(train: Array(p[nTest...]), test: Array(p[..<nTest]))
    }
    return try stratifiedSplit(labels: labels, count: count, nTrain: nTrain, nTest: nTest, rng: &rng)
}

/// StratifiedShuffleSplit(n_splits=1)'s first split, every draw from one `rng`.
private func stratifiedSplit(labels: [Int], count: Int, nTrain: Int, nTest: Int,
                             rng: inout NumpyRandomState) throws -> TrainTestIndices {
    guard labels.count == count else {
        throw DataError.shapeMismatch("stratify has \(labels.count) labels for \(count) rows")
    }
    // Classes are the sorted distinct labels; each class's rows in increasing row order.
    let classes = Array(Set(labels)).sorted()
    let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var classRows = [[Int]](repeating: [], count: classes.count)
    for (row, label) in labels.enumerated() { classRows[position[label, default: 0]].append(row) }
    let counts = classRows.map(\.count)
    for (k, c) in counts.enumerated() where c < 2 { throw DataError.classTooSmall(label: classes[k], count: c) }
    guard nTrain >= classes.count, nTest >= classes.count else {
        throw DataError.splitTooSmall("train (\(nTrain)) and test (\(nTest)) parts need at least one row for each "
            + "of the \(classes.count) classes")
    }
    let trainPerClass = try approximateMode(counts: counts, draws: nTrain, rng: &rng)
    let remaining = zip(counts, trainPerClass).map { $0 - $1 }
    let testPerClass = try approximateMode(counts: remaining, draws: nTest, rng: &rng)
    var train: [Int] = [], test: [Int] = []
    train.reserveCapacity(nTrain)
    test.reserveCapacity(nTest)
    for k in classes.indices {
        let rows = try rng.permutation(counts[k]).map { classRows[k][$0] }
        train.append(contentsOf: rows[0..<trainPerClass[k]])
        test.append(contentsOf: rows[trainPerClass[k]..<(trainPerClass[k] + testPerClass[k])])
    }
    return TrainTestIndices(train: rng.permutation(of: train), test: rng.permutation(of: test))
}

/// sklearn's `_approximate_mode`: floor of each class's share of `draws`, the missing units given to the
/// largest remainders; ties broken by `rng.choice(tied, take, replace=False)`.
func approximateMode(counts: [Int], draws: Int, rng: inout NumpyRandomState) throws -> [Int] {
    let total = Double(counts.reduce(0, +))
    let continuous = counts.map { (Double($0) / total) * Double(draws) }
    var floored = continuous.map { $0.rounded(.down) }
    var need = draws - Int(floored.reduce(0, +))
    if need > 0 {
        let remainder = zip(continuous, floored).map { $0 - $1 }
        for value in Array(Set(remainder)).sorted(by: >) {
            let tied = remainder.indices.filter { remainder[$0] == value }
            let take = min(tied.count, need)
            for pick in try rng.choice(n: tied.count, size: take) { floored[tied[pick]] += 1 }
            need -= take
            if need == 0 { break }
        }
    }
    return floored.map { Int($0) }
}
