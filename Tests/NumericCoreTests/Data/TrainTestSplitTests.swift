import Testing
@testable import NumericCore

@Suite("train_test_split")
struct TrainTestSplitTests {
    @Test("plain splits match sklearn for several sizes, test sizes and seeds")
    func plain() throws {
        let cases = try #require(try Fixture.load("data_classification.json")["plain"] as? [[String: Any]])
        for c in cases {
            let split = try trainTestSplit(count: Int(try c.double("n")), testSize: try c.double("test_size"),
                                           randomState: Int64(try c.double("seed")))
            #expect(split.train.count == Int(try c.double("n_train")))
            #expect(split.test.count == Int(try c.double("n_test")))
            #expect(FixtureDigest.hex(split.train) == c["train_fnv1a64"] as? String)
            #expect(FixtureDigest.hex(split.test) == c["test_fnv1a64"] as? String)
        }
    }

    @Test("stratified splits (ties in approx_mode, 3 and 4 classes) match sklearn")
    func stratified() throws {
        let cases = try #require(try Fixture.load("data_classification.json")["stratified"] as? [[String: Any]])
        #expect(cases.count == 4)
        for c in cases {
            let labels = try c.ints("labels")
            let split = try trainTestSplit(count: labels.count, testSize: try c.double("test_size"),
                                           randomState: Int64(try c.double("seed")), stratify: labels)
            #expect(split.train == (try c.ints("train")), "labels \(labels)")
            #expect(split.test == (try c.ints("test")), "labels \(labels)")
        }
    }

    @Test("bad input throws a typed error")
    func badInput() {
        #expect(throws: DataError.testSizeOutOfRange(1.0)) { try trainTestSplit(count: 10, testSize: 1.0, randomState: 0) }
        #expect(throws: DataError.testSizeOutOfRange(0)) { try trainTestSplit(count: 10, testSize: 0, randomState: 0) }
        #expect(throws: DataError.testSizeOutOfRange(-0.2)) { try trainTestSplit(count: 10, testSize: -0.2, randomState: 0) }
        #expect(throws: DataError.invalidCount(name: "number of rows", value: 0, minimum: 1)) {
            try trainTestSplit(count: 0, testSize: 0.2, randomState: 0)
        }
        #expect(throws: DataError.seedOutOfRange(1 << 33)) { try trainTestSplit(count: 10, testSize: 0.2, randomState: 1 << 33) }
        #expect(throws: DataError.self) { try trainTestSplit(count: 1, testSize: 0.5, randomState: 0) }
        #expect(throws: DataError.classTooSmall(label: 2, count: 1)) {
            try trainTestSplit(count: 5, testSize: 0.4, randomState: 0, stratify: [0, 0, 1, 1, 2])
        }
        #expect(throws: DataError.self) { try trainTestSplit(count: 5, testSize: 0.4, randomState: 0, stratify: [0, 1]) }
        #expect(throws: DataError.self) {
            try trainTestSplit(count: 6, testSize: 0.1, randomState: 0, stratify: [0, 0, 1, 1, 2, 2])
        }
    }
}
