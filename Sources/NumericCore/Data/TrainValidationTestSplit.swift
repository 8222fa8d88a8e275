/// The row indices of a train/validation/test split, each part in scikit-learn's order.
public struct TrainValidationTestIndices: Sendable, Equatable {
    /// Rows of the training part (`X_train`).
    public let train: [Int]
    /// Rows of the validation part (`X_val`).
    public let validation: [Int]
    /// Rows of the test part (`X_test`).
    public let test: [Int]
}

/// A three-way split as a reader writes it with scikit-learn: the test part first, then the validation part
/// out of what is left, by a second `train_test_split` with the same `random_state`:
///
/// ```python
/// X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
/// X_train, X_val, y_train, y_val = train_test_split(
///     X_rest, y_rest, test_size=validation_size / (1 - test_size), random_state=seed)
/// ```
///
/// `validationSize` is a share of all rows; the second call takes it as a share of the rest,
/// `validationSize / (1 − testSize)` in binary64 (`remainderFraction`), so the validation part has
/// ceil(that × n_rest) rows. With `stratify`, each call stratifies on its own rows' labels (`stratify=y`, then
/// `stratify=y_rest`). Indices are rows of the whole data set.
public func trainValidationTestSplit(count: Int, testSize: Double, validationSize: Double, randomState: Int64,
                                     stratify: [Int]? = nil) throws -> TrainValidationTestIndices {
    let first = try trainTestSplit(count: count, testSize: testSize, randomState: randomState, stratify: stratify)
    let rest = first.train
    let fraction = remainderFraction(testSize: testSize, validationSize: validationSize)
    guard validationSize > 0, fraction < 1 else {
        throw DataError.splitTooSmall("validation_size \(validationSize) must be above 0, and test_size + "
            + "validation_size below 1 (test_size is \(testSize))")
    }
    let second = try trainTestSplit(count: rest.count, testSize: fraction, randomState: randomState,
                                    stratify: stratify.map { labels in rest.map { labels[$0] } })
    return TrainValidationTestIndices(train: second.train.map { rest[$0] }, validation: second.test.map { rest[$0] },
                                      test: first.test)
}

/// The validation part's share of the rows left after the test part: `validation_size / (1 - test_size)`,
/// the `test_size` of the second `train_test_split`.
public func remainderFraction(testSize: Double, validationSize: Double) -> Double {
    validationSize / (1 - testSize)
}

/// Rows in each part, as `train_test_split` counts them: the test part ceil(test_size × n); with a validation
/// size, the validation part ceil(remainderFraction × rest); the training part what is left (possibly 0 or less
/// for sizes the splits refuse).
public func splitSizes(count: Int, testSize: Double, validationSize: Double?) -> (train: Int, validation: Int, test: Int) {
    let test = Int((testSize * Double(count)).rounded(.up))
    let rest = count - test
    guard let validationSize else { return (rest, 0, test) }
    let fraction = remainderFraction(testSize: testSize, validationSize: validationSize)
    let validation = Int((fraction * Double(rest)).rounded(.up))
    return (rest - validation, validation, test)
}
