import Foundation
import Testing
@testable import NumericCore

@Suite("make_classification, stratified split and StandardScaler (ex5)")
struct MakeClassificationTests {
    @Test("the lesson's call matches sklearn bitwise, then split, scaler and float32 tensors")
    func lessonCall() throws {
        let fixture = try Fixture.load("data_classification.json")
        let data = try makeClassification(nSamples: 3000, nFeatures: 20, nInformative: 10, nRedundant: 5,
                                          randomState: 42)
        let x = data.features
        #expect(FixtureDigest.hex(data.labels) == (try fixture.object("y"))["fnv1a64"] as? String)
        #expect(Array(data.labels.prefix(20)) == (try fixture.object("y").ints("first_20")))
        #expect(FixtureDigest.hex(x.values) == (try fixture.object("X"))["fnv1a64"] as? String)
        #expect(Array(x.values.prefix(40)) == (try fixture.object("X").exactDoubles("first_2_rows")))
        #expect(NumpyReductions.columnSums(x) == (try fixture.object("X").exactDoubles("column_sums")))

        let split = try trainTestSplit(count: 3000, testSize: 0.2, randomState: 42, stratify: data.labels)
        #expect(FixtureDigest.hex(split.train) == (try fixture.object("train_indices"))["fnv1a64"] as? String)
        #expect(FixtureDigest.hex(split.test) == (try fixture.object("test_indices"))["fnv1a64"] as? String)
        #expect(Array(split.train.prefix(10)) == (try fixture.object("train_indices").ints("first_10")))

        let xTrain = try x.selectingRows(split.train), xTest = try x.selectingRows(split.test)
        let scaler = try StandardScaler(fitting: xTrain)
        #expect(scaler.mean == (try fixture.exactDoubles("scaler_mean")))
        #expect(scaler.scale == (try fixture.exactDoubles("scaler_scale")))
        let tensors = try fixture.object("tensors")
        #expect(FixtureDigest.hex(try scaler.transform(xTrain).float32()) == tensors["X_tr_t"] as? String)
        #expect(FixtureDigest.hex(try scaler.transform(xTest).float32()) == tensors["X_te_t"] as? String)
        let yTrain = split.train.map { Float(data.labels[$0]) }
        #expect(FixtureDigest.hex(yTrain) == tensors["y_tr_t"] as? String)
    }

    /// Variants that take the permutation and reservoir vertex samplers, repeated columns, three classes,
    /// no hypercube, random shift and scale, no shuffle, class weights (all given, all but the last, two classes).
    /// Labels are exact; X within 1e-15 relative (docs/parity.md §3.5: dgemm's order can differ in the last bit for
    /// other shapes).
    @Test("variants: labels exact, features to the last bit or two", arguments: 0..<7)
    func variant(index: Int) throws {
        let variants = try #require(try Fixture.load("data_classification.json")["variants"] as? [[String: Any]])
        let v = variants[index]
        let p = try v.object("params")
        func int(_ key: String, _ fallback: Int) -> Int { (p[key] as? NSNumber)?.intValue ?? fallback }
        func optionalDouble(_ key: String, _ fallback: Double) -> Double? {
            guard let value = p[key] else { return fallback }
            return (value as? NSNumber)?.doubleValue
        }
        let data = try makeClassification(
            nSamples: int("n_samples", 100), nFeatures: int("n_features", 20),
            nInformative: int("n_informative", 2), nRedundant: int("n_redundant", 2),
            nRepeated: int("n_repeated", 0), nClasses: int("n_classes", 2),
            nClustersPerClass: int("n_clusters_per_class", 2), weights: try? v.object("params").doubles("weights"),
            flipY: optionalDouble("flip_y", 0.01) ?? 0.01,
            classSep: optionalDouble("class_sep", 1.0) ?? 1.0, hypercube: (p["hypercube"] as? Bool) ?? true,
            shift: optionalDouble("shift", 0.0), scale: optionalDouble("scale", 1.0),
            shuffle: (p["shuffle"] as? Bool) ?? true, randomState: Int64(int("random_state", 0)))
        #expect(data.labels == (try v.ints("y")))
        let expected = try v.exactDoubles("X")
        #expect(data.features.values.count == expected.count)
        for (a, b) in zip(data.features.values, expected) {
            #expect(abs(a - b) <= 1e-15 * max(abs(b), 1), "got \(a), sklearn \(b)")
        }
    }

    @Test("bad parameters throw a typed error")
    func badInput() {
        #expect(throws: DataError.tooManyStructuredFeatures(informative: 10, redundant: 8, repeated: 3, features: 20)) {
            try makeClassification(nFeatures: 20, nInformative: 10, nRedundant: 8, nRepeated: 3, randomState: 0)
        }
        #expect(throws: DataError.tooManyClusters(clusters: 6, informative: 2)) {
            try makeClassification(nInformative: 2, nClasses: 3, nClustersPerClass: 2, randomState: 0)
        }
        #expect(throws: DataError.invalidCount(name: "n_samples", value: 0, minimum: 1)) {
            try makeClassification(nSamples: 0, randomState: 0)
        }
        #expect(throws: DataError.invalidCount(name: "n_redundant", value: -1, minimum: 0)) {
            try makeClassification(nRedundant: -1, randomState: 0)
        }
        #expect(throws: DataError.seedOutOfRange(-1)) { try makeClassification(randomState: -1) }
        #expect(throws: DataError.self) { try makeClassification(flipY: 1.5, randomState: 0) }
    }
}
