import Testing
@testable import NumericCore

/// The three-way split against scikit-learn's `train_test_split` called twice, test part first, then the validation
/// part of the rest with `validation_size / (1 - test_size)` and the same random_state (data_validation_split.json,
/// made by scripts/reference/validation_fixtures.py).
@Suite("train/validation/test split")
struct TrainValidationTestSplitTests {
    /// The three part sizes as a list (train, validation, test), comparable in `#expect`.
    static func counts(_ parts: (train: Int, validation: Int, test: Int)) -> [Int] { [parts.train, parts.validation, parts.test] }

    static func cases() throws -> [[String: Any]] {
        try #require(try Fixture.load("data_validation_split.json")["cases"] as? [[String: Any]])
    }

    @Test("every part holds sklearn's rows in sklearn's order, plain and stratified")
    func matchesScikitLearn() throws {
        let cases = try Self.cases()
        #expect(cases.count == 12)
        for c in cases {
            let n = Int(try c.double("n"))
            let testSize = try c.exactDouble("test_size"), validationSize = try c.exactDouble("validation_size")
            let labels = c["labels"] == nil ? nil : try c.ints("labels")
            let split = try trainValidationTestSplit(count: n, testSize: testSize, validationSize: validationSize,
                                                     randomState: Int64(try c.double("seed")), stratify: labels)
            let what = "n \(n), test_size \(testSize), validation_size \(validationSize), stratified \(labels != nil)"
            #expect(split.train == (try c.ints("train")), "\(what): train")
            #expect(split.validation == (try c.ints("validation")), "\(what): validation")
            #expect(split.test == (try c.ints("test")), "\(what): test")
            let sizes = splitSizes(count: n, testSize: testSize, validationSize: validationSize)
            #expect(sizes.train == split.train.count && sizes.validation == split.validation.count
                    && sizes.test == split.test.count, "\(what): counted sizes")
            #expect(Set(split.train + split.validation + split.test) == Set(0..<n), "\(what): every row once")
        }
    }

    @Test("the test part is the one a single train_test_split gives, and a missing validation size counts two parts")
    func testPartIsUnchanged() throws {
        let single = try trainTestSplit(count: 2000, testSize: 0.2, randomState: 42)
        let three = try trainValidationTestSplit(count: 2000, testSize: 0.2, validationSize: 0.2, randomState: 42)
        #expect(three.test == single.test)
        #expect(Set(three.train + three.validation) == Set(single.train))
        #expect(Self.counts(splitSizes(count: 2000, testSize: 0.2, validationSize: nil)) == [1600, 0, 400])
        #expect(Self.counts(splitSizes(count: 2000, testSize: 0.2, validationSize: 0.2)) == [1200, 400, 400])
        #expect(remainderFraction(testSize: 0.2, validationSize: 0.2) == 0.25)
        // 0.15 / 0.7 × 70 is 15.000000000000002 in binary64: sklearn's ceil gives 16 validation rows, and so do we.
        #expect(Self.counts(splitSizes(count: 100, testSize: 0.3, validationSize: 0.15)) == [54, 16, 30])
    }

    @Test("sizes that leave nothing to train on throw a typed error")
    func badSizes() {
        #expect(throws: DataError.self) { try trainValidationTestSplit(count: 100, testSize: 0.5, validationSize: 0.5, randomState: 0) }
        #expect(throws: DataError.self) { try trainValidationTestSplit(count: 100, testSize: 0.2, validationSize: 0, randomState: 0) }
        #expect(throws: DataError.self) { try trainValidationTestSplit(count: 100, testSize: 0.2, validationSize: -0.1, randomState: 0) }
        #expect(throws: DataError.self) { try trainValidationTestSplit(count: 3, testSize: 0.3, validationSize: 0.6, randomState: 0) }
    }
}
