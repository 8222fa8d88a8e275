import Testing
@testable import NumericCore

@Suite("Delivery-time data, its split and the lesson's normalisation")
struct DeliveryTimesTests {
    @Test("X and y match numpy bitwise (seed 42, n 2000, noise 4)")
    func data() throws {
        let fixture = try Fixture.load("data_delivery.json")
        let d = try DeliveryTimes(count: 2000, seed: 42, noise: 4.0)
        #expect(d.features.rows == 2000 && d.features.columns == 4)
        #expect(FixtureDigest.hex(d.features.values) == (try fixture.object("X"))["fnv1a64"] as? String)
        #expect(Array(d.features.values.prefix(12)) == (try fixture.object("X").exactDoubles("first_3_rows")))
        #expect(Array(d.features.row(1999)) == (try fixture.object("X").exactDoubles("last_row")))
        #expect(FixtureDigest.hex(d.targets) == (try fixture.object("y"))["fnv1a64"] as? String)
        #expect(Array(d.targets.prefix(5)) == (try fixture.object("y").exactDoubles("first_5")))
    }

    @Test("another seed, size and noise level")
    func variant() throws {
        let fixture = try Fixture.load("data_delivery.json").object("variant_seed7_n300_noise2.5")
        let d = try DeliveryTimes(count: 300, seed: 7, noise: 2.5)
        #expect(FixtureDigest.hex(d.features.values) == fixture["X_fnv1a64"] as? String)
        #expect(FixtureDigest.hex(d.targets) == fixture["y_fnv1a64"] as? String)
        #expect(Array(d.targets.prefix(3)) == (try fixture.exactDoubles("y_first_3")))
    }

    @Test("split, normalisation, float32 tensors and the test MAE as the lesson computes them")
    func pipeline() throws {
        let fixture = try Fixture.load("data_delivery.json")
        let d = try DeliveryTimes()
        let split = try trainTestSplit(count: 2000, testSize: 0.2, randomState: 42)
        #expect(split.train.count == 1600 && split.test.count == 400)
        #expect(FixtureDigest.hex(split.train) == (try fixture.object("train_indices"))["fnv1a64"] as? String)
        #expect(FixtureDigest.hex(split.test) == (try fixture.object("test_indices"))["fnv1a64"] as? String)
        #expect(Array(split.test.prefix(10)) == (try fixture.object("test_indices").ints("first_10")))

        let xTrain = try d.features.selectingRows(split.train), xTest = try d.features.selectingRows(split.test)
        let yTrain = split.train.map { d.targets[$0] }, yTest = split.test.map { d.targets[$0] }
        let norm = try MeanStdNormalization(features: xTrain, targets: yTrain)
        #expect(norm.featureMean == (try fixture.exactDoubles("X_mean")))
        #expect(norm.featureStd == (try fixture.exactDoubles("X_std_plus_1e-8")))
        #expect(norm.targetMean == (try fixture.exactDouble("y_mean")))
        #expect(norm.targetStd == (try fixture.exactDouble("y_std_plus_1e-8")))

        let tensors = try fixture.object("tensors")
        let xTrT = try norm.normalizedFeatures(xTrain), xTeT = try norm.normalizedFeatures(xTest)
        let yTrT = norm.normalizedTargets(yTrain), yTeT = norm.normalizedTargets(yTest)
        #expect(FixtureDigest.hex(xTrT) == (try tensors.object("X_tr_t"))["fnv1a64"] as? String)
        #expect(FixtureDigest.hex(xTeT) == (try tensors.object("X_te_t"))["fnv1a64"] as? String)
        #expect(FixtureDigest.hex(yTrT) == (try tensors.object("y_tr_t"))["fnv1a64"] as? String)
        #expect(FixtureDigest.hex(yTeT) == (try tensors.object("y_te_t"))["fnv1a64"] as? String)
        #expect(Array(xTrT.prefix(8)) == (try tensors.object("X_tr_t").floats("first_2_rows")))

        // Made-up predictions: y_te_t + 0.125·((i mod 7) − 3), each one float32 addition.
        let predictions = yTeT.enumerated().map { i, y in y + Float(i % 7 - 3) * 0.125 }
        let mae = try meanAbsoluteError(yTrue: yTest, normalizedPredictions: predictions,
                                        targetMean: norm.targetMean, targetStd: norm.targetStd)
        #expect(mae.bitPattern == (try fixture.exactDouble("mae")).bitPattern)
    }

    @Test("bad sizes and seeds throw")
    func badInput() {
        #expect(throws: DataError.invalidCount(name: "count", value: 0, minimum: 1)) { try DeliveryTimes(count: 0) }
        #expect(throws: DataError.seedOutOfRange(-3)) { try DeliveryTimes(seed: -3) }
        #expect(throws: DataError.self) { try DeliveryTimes(noise: -1) }
    }
}
